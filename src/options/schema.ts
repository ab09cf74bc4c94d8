/**
 * The one option schema. Flags, prompts, answers-file validation, --help and the test matrix
 * are all derived from this list: add an option here and nowhere else.
 */
import {
  defineChoice,
  defineString,
  type Constraint,
  type ValueOf,
} from './optionTypes.js';
import {
  derivePackageName,
  printable,
  validatePackageName,
  validateProjectName,
} from './names.js';
import { validateEmail, validateText } from './textRules.js';

export const optionSchema = [
  defineString({
    id: 'projectName',
    group: 'project',
    message: 'Project name',
    help: 'distribution name (defaults to the directory name)',
    valueName: '<name>',
    validate: validateProjectName,
  }),
  defineString({
    id: 'packageName',
    group: 'project',
    message: 'Python package name',
    help: 'import name under src/ (derived from the project name)',
    valueName: '<name>',
    default: ({ answers }) =>
      typeof answers.projectName === 'string' ? derivePackageName(answers.projectName) : undefined,
    validate: validatePackageName,
  }),
  defineString({
    id: 'description',
    group: 'project',
    message: 'Description',
    help: 'one-paragraph description',
    valueName: '<text>',
    default: 'A production ML project.',
    validate: (value) => validateText('description', value, { maxLength: 500, multiline: true }),
  }),
  defineString({
    id: 'author',
    group: 'project',
    message: 'Author',
    help: 'author or team name (defaults to git user.name)',
    valueName: '<name>',
    default: ({ gitUser }) => gitUser.name ?? 'ML Team',
    validate: (value) => validateText('author', value, { maxLength: 100 }),
  }),
  defineString({
    id: 'email',
    group: 'project',
    message: 'Author email',
    help: 'contact email (defaults to git user.email)',
    valueName: '<email>',
    default: ({ gitUser }) => gitUser.email ?? 'ml-team@example.com',
    validate: validateEmail,
  }),
  defineChoice({
    id: 'license',
    group: 'project',
    message: 'License',
    help: 'license of the generated project',
    valueName: '<id>',
    default: 'MIT',
    choices: [
      { value: 'MIT', help: 'MIT License' },
      { value: 'Apache-2.0', help: 'Apache License 2.0' },
      { value: 'BSD-3-Clause', help: 'BSD 3-Clause License' },
      { value: 'Proprietary', help: 'all rights reserved, no license grant' },
    ],
  }),
  defineString({
    id: 'year',
    group: 'project',
    message: 'Copyright year',
    help: 'year in the copyright notice (recorded, so regeneration is identical)',
    valueName: '<yyyy>',
    advanced: true,
    default: ({ year }) => String(year),
    validate: (value) => (/^(19|20|21)\d\d$/.test(value) ? undefined : `"${printable(value)}" is not a year`),
  }),
  defineChoice({
    id: 'pythonVersion',
    group: 'python',
    message: 'Python version',
    help: 'minimum Python version: requires-python, tool targets, CI and Docker images',
    valueName: '<x.y>',
    default: '3.11',
    choices: [
      { value: '3.10', help: 'Python 3.10' },
      { value: '3.11', help: 'Python 3.11' },
      { value: '3.12', help: 'Python 3.12' },
      { value: '3.13', help: 'Python 3.13' },
    ],
  }),
  defineChoice({
    id: 'task',
    group: 'ml',
    message: 'ML task',
    help: 'supervised task of the sample data, models and metrics',
    valueName: '<task>',
    default: 'classification',
    choices: [
      { value: 'classification', help: 'binary classification (churn-like sample data)' },
      { value: 'regression', help: 'regression (price-like sample data)' },
    ],
  }),
] as const;

type Schema = typeof optionSchema;
export type OptionId = Schema[number]['id'];

/** The resolved answers: one typed field per option of the schema. */
export type Answers = { -readonly [O in Schema[number] as O['id']]: ValueOf<O> };

/** Combinations that make no sense, rejected at resolution with the reason. */
export const constraints: readonly Constraint[] = [];
