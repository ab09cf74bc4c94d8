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
export { renderProject } from './renderProject.js';
export type { RenderProjectInput } from './renderProject.js';
export { updateProject } from './update/updateProject.js';
export type { UpdateOptions, UpdateResult } from './update/updateProject.js';
export { checkProject } from './update/checkProject.js';
export { verifyProject } from './verify/verifyProject.js';
export type { AnswersRecord, TeamTemplateRef } from './plan/answersRecord.js';
