/** The library API: `import { createProject } from 'create-ml-prod'`. */
export { createProject } from './createProject.js';
export type { CreateProjectOptions, CreateProjectResult, CreateEvent, ConflictChoice } from './createProject.js';
export { buildPlan } from './plan/buildPlan.js';
export type { Plan, PlannedFile } from './plan/plan.js';
export { resolveAnswers } from './options/resolveAnswers.js';
export { optionSchema, constraints } from './options/schema.js';
export type { Answers, OptionId } from './options/schema.js';
export type { ConflictPolicy, FileAction } from './fs/conflicts.js';
export { ExitCode, UsageError, CancelledError, StepError } from './errors.js';
export { main as runCli } from './cli/main.js';
