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
    data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`--answers ${file}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${reason}`);
  }
  if (!isObject(data)) throw new UsageError(`--answers ${file}: expected a mapping of option ids to values`);
  if (data.generator === 'create-ml-prod' && isObject(data.answers)) return data.answers;
  return data;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
