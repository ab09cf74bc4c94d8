import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One record for /predict: the first complete row of the project's sample data (it has missing
 * values on purpose), restricted to the features the latest model was trained on.
 * @param {string} root the generated project
 * @returns {Record<string, string | number>}
 */
export function sampleRecord(root) {
  const { answers } = JSON.parse(readFileSync(path.join(root, '.create-ml-prod.json'), 'utf8'));
  const models = path.join(root, 'artifacts', 'models');
  const latest = readFileSync(path.join(models, 'latest'), 'utf8').trim();
  /** @type {{ features: { name: string }[] }} */
  const schema = JSON.parse(readFileSync(path.join(models, latest, 'schema.json'), 'utf8'));
  const wanted = schema.features.map((f) => f.name);
  const csv = readFileSync(path.join(root, 'notebooks', 'dummy_data', `${answers.task}.csv`), 'utf8');
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  const row = lines.map((line) => line.split(',')).find((values) => wanted.every((w) => (values[columns.indexOf(w)] ?? '') !== ''));
  if (!row) throw new Error('no complete row in the sample data');
  /** @type {Record<string, string | number>} */
  const record = {};
  for (const feature of wanted) {
    const value = row[columns.indexOf(feature)] ?? '';
    record[feature] = Number.isNaN(Number(value)) ? value : Number(value);
  }
  return record;
}
