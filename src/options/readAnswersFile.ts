import { readFile } from 'node:fs/promises';
// js-yaml, not yaml, in the package: a third of the size (the tests check YAML output with yaml).
import { load as parseYaml } from 'js-yaml';
import { UsageError } from '../errors.js';

/**
 * Reads answers from JSON or YAML. A generated project's `.create-ml-prod.json` works too:
 * its `answers` are used.
 */
export async function readAnswersFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--answers ${file}: cannot read the file (${code ?? 'error'})`);
  }
  let data: unknown;
  try {
    const body = text.replace(/^\uFEFF/, ''); // editors on Windows save a byte-order mark
    data = /\.json$/i.test(file) ? JSON.parse(body) : parseYaml(body);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`--answers ${file}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${reason}`);
  }
  if (!isObject(data)) throw new UsageError(`--answers ${file}: expected a mapping of option ids to values`);
  const answers = data.generator === 'create-ml-prod' && isObject(data.answers) ? data.answers : data;
  // YAML reads `pythonVersion: 3.10` as the number 3.1.
  if (typeof answers.pythonVersion === 'number') {
    throw new UsageError(`--answers ${file}: pythonVersion is the number ${answers.pythonVersion}; quote it ("3.10"), as YAML reads 3.10 as 3.1`);
  }
  return answers;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
