/**
 * The one option schema. Flags, prompts, answers-file validation, --help and the test matrix
 * are all derived from this list: add an option here and nowhere else.
 */
import {
  defineBoolean,
  defineChoice,
  defineMulti,
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
import { deploymentQuestions } from './deploymentQuestions.js';
import { defaultBatchEngine, defaultStrategies } from './deploymentDefaults.js';

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
    id: 'depsManager',
    group: 'python',
    message: 'Dependency manager',
    help: 'how the environment is created: Makefile, Dockerfiles, CI, README and --install follow it',
    valueName: '<tool>',
    default: 'uv',
    choices: [
      { value: 'uv', help: 'uv: pyproject, uv sync, uv run' },
      { value: 'poetry', help: 'Poetry: poetry-core build backend, poetry install and run' },
      { value: 'pip', help: 'pip + venv: requirements/default.txt and dev.txt, pip install -e .' },
      { value: 'conda', help: 'conda: environment.yml, with pip for the package itself' },
    ],
  }),
  defineChoice({
    id: 'lintStack',
    group: 'python',
    message: 'Lint and format stack',
    help: 'ruff for lint and format, or black + isort + flake8 + pylint',
    valueName: '<stack>',
    default: 'ruff',
    choices: [
      { value: 'ruff', help: 'ruff check and ruff format' },
      { value: 'classic', help: 'black, isort (profile black), flake8 and pylint' },
    ],
  }),
  defineBoolean({
    id: 'typeCheck',
    group: 'python',
    message: 'Type-check with mypy?',
    help: 'mypy (strict) in the Makefile, pre-commit and CI',
    default: true,
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
  defineMulti({
    id: 'modelFamilies',
    group: 'ml',
    message: 'Model families',
    help: 'model packages under models/ (comma-separated)',
    valueName: '<list>',
    default: ['rule_based', 'regression', 'ensemble', 'boosting'],
    choices: [
      { value: 'rule_based', help: 'naive baseline (majority class / mean)' },
      { value: 'regression', help: 'linear and logistic regression' },
      { value: 'ensemble', help: 'random forests (models/ensemble/random_forests)' },
      { value: 'boosting', help: 'gradient boosting (models/ensemble/boosting)' },
    ],
  }),
  defineMulti({
    id: 'dataLoaders',
    group: 'ml',
    message: 'Data loaders',
    help: 'loaders under data_loaders/ (comma-separated; CSV is required: the sample data is CSV)',
    valueName: '<list>',
    default: ['csv', 'parquet'],
    choices: [
      { value: 'csv', help: 'CSV files' },
      { value: 'parquet', help: 'Parquet files (pyarrow)' },
      { value: 'sql', help: 'SQL databases through SQLAlchemy (SQLite, PostgreSQL)' },
    ],
  }),
  defineChoice({
    id: 'tracker',
    group: 'ml',
    message: 'Experiment tracker',
    help: 'log runs, metrics and models (MLflow logs to a local file store by default)',
    valueName: '<tracker>',
    default: 'none',
    choices: [
      { value: 'none', help: 'no tracker: metrics.json beside each model' },
      { value: 'mlflow', help: 'MLflow tracking, local ./mlruns by default' },
    ],
  }),
  defineChoice({
    id: 'ci',
    group: 'components',
    message: 'CI/CD provider',
    help: 'integration, staging and production flow',
    valueName: '<provider>',
    default: 'github',
    choices: [
      { value: 'github', help: 'GitHub Actions' },
      { value: 'gitlab', help: 'GitLab CI' },
      { value: 'azure', help: 'Azure Pipelines' },
      { value: 'none', help: 'no CI files' },
    ],
  }),
  defineBoolean({ id: 'service', group: 'components', message: 'REST inference service (FastAPI)?', help: 'the FastAPI service and its tests', default: true }),
  defineBoolean({ id: 'jobs', group: 'components', message: 'Jobs folder (training, evaluation, inference, processing, pipelines)?', help: 'runnable jobs under jobs/', default: true }),
  defineBoolean({ id: 'notebooks', group: 'components', message: 'Notebooks with sample data?', help: 'notebooks/model_poc.ipynb (the sample data stays either way)', default: true }),
  defineBoolean({ id: 'docker', group: 'components', message: 'Docker images (cicd/)?', help: 'build and release Dockerfiles with build.sh and release.sh', default: true }),
  defineBoolean({ id: 'precommit', group: 'components', message: 'pre-commit hooks?', help: '.pre-commit-config.yaml with the lint and type hooks', default: true }),
  defineBoolean({
    id: 'lifecycle',
    group: 'ml',
    message: 'Model lifecycle (data drops, registry, champion/challenger, drift, retraining)?',
    help: 'seed 003: update drops, model registry with stages, drift report, retraining pipeline (needs --jobs)',
    default: ({ answers }) => answers.jobs !== false,
  }),
  // Seed 002's requirement questions: answered, they pick the deployment strategy and are
  // written into docs/adr/0001-deployment-strategy.md (asked with --advise, or given as flags).
  ...deploymentQuestions(),
  // After the requirement questions: when they are answered, the advice is the default.
  defineMulti({
    id: 'strategies',
    group: 'deployment',
    message: 'Deployment strategies',
    help: 'seed 002 strategies to generate (comma-separated; default: the advice, else batch and rest)',
    valueName: '<list>',
    default: defaultStrategies,
    choices: [
      { value: 'batch', help: 'chunked, idempotent batch scoring of files or SQL (jobs/inference)' },
      { value: 'rest', help: 'the REST service plus Kubernetes Deployment, Service and autoscaler' },
      { value: 'stream', help: 'event-stream consumer (Redis Streams; Kafka variant), at-least-once' },
      { value: 'serverless', help: 'AWS Lambda-style handler with a SAM template' },
      { value: 'database', help: 'scores SQL rows into a predictions table with the model version' },
      { value: 'preprocess', help: 'precomputed predictions for a key space, served from a lookup' },
    ],
  }),
  defineChoice({
    id: 'batchEngine',
    group: 'deployment',
    message: 'Batch engine',
    help: 'engine of the inference and processing jobs (seed 002: pandas until the workload is massive)',
    valueName: '<engine>',
    default: defaultBatchEngine,
    choices: [
      { value: 'pandas', help: 'pandas, in chunks (small to large workloads)' },
      { value: 'dask', help: 'Dask dataframes on a distributed cluster (massive workloads)' },
      { value: 'spark', help: 'PySpark (massive workloads; needs Java)' },
    ],
  }),
  defineChoice({
    id: 'scheduler',
    group: 'deployment',
    message: 'Job scheduler',
    help: 'what runs the pipeline job on a schedule',
    valueName: '<scheduler>',
    default: 'none',
    choices: [
      { value: 'none', help: 'none: cron examples' },
      { value: 'prefect', help: 'Prefect flow' },
      { value: 'airflow', help: 'Airflow DAG whose tasks call the jobs' },
    ],
  }),
] as const;

type Schema = typeof optionSchema;
export type OptionId = Schema[number]['id'];

/** The resolved answers: one typed field per option of the schema. */
export type Answers = { -readonly [O in Schema[number] as O['id']]: ValueOf<O> };

/** Combinations that make no sense, rejected at resolution with the reason. */
export const constraints: readonly Constraint[] = [
  {
    options: ['modelFamilies'],
    violated: (a) => Array.isArray(a.modelFamilies) && a.modelFamilies.length === 0,
    message: 'choose at least one model family',
  },
  {
    options: ['dataLoaders'],
    violated: (a) => Array.isArray(a.dataLoaders) && !a.dataLoaders.includes('csv'),
    message: 'the CSV loader is required: the sample data ships as CSV',
  },
  {
    options: ['strategies'],
    violated: (a) => Array.isArray(a.strategies) && a.strategies.length === 0,
    message: 'choose at least one deployment strategy',
  },
  {
    options: ['strategies', 'service'],
    violated: (a) => Array.isArray(a.strategies) && a.strategies.includes('rest') && a.service === false,
    message: 'the rest strategy deploys the REST service: keep --service, or leave rest out of --strategies',
  },
  {
    options: ['strategies', 'dataLoaders'],
    violated: (a) => Array.isArray(a.strategies) && a.strategies.includes('database') && Array.isArray(a.dataLoaders) && !a.dataLoaders.includes('sql'),
    message: 'the database strategy reads and writes SQL: add sql to --data-loaders',
  },
  {
    options: ['scheduler', 'jobs'],
    violated: (a) => a.scheduler !== undefined && a.scheduler !== 'none' && a.jobs === false,
    message: 'the scheduler runs the jobs: keep --jobs, or choose --scheduler none',
  },
  {
    options: ['lifecycle', 'jobs'],
    violated: (a) => a.lifecycle === true && a.jobs === false,
    message: 'the retraining pipeline runs as jobs: keep --jobs, or choose --no-lifecycle',
  },
  {
    options: ['ci', 'docker'],
    violated: (a) => a.ci !== undefined && a.ci !== 'none' && a.docker === false,
    message: 'the CI/CD flow builds and deploys the Docker images: keep --docker, or choose --ci none',
  },
];
