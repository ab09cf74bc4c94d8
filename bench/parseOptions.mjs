/** @import { Options } from './types.js' */
import { parseArgs } from 'node:util';

export const MEASURES = ['startup', 'generate', 'footprint', 'green', 'runcall', 'service', 'batch', 'ci'];

export const USAGE = `Usage: npm run bench [-- options]

  --only LIST            comma-separated subset of: ${MEASURES.join(', ')} (default: all)
  --runs N               rounds per measure, overriding the defaults
                         (startup 15, generate 10, green 1 after a warm-up run, runcall 10,
                         service 3 x 5 s, batch 3)
  --ccds-template PATH   a local copy (or URL) of the cookiecutter-data-science template; without it
                         ccds uses its default, cloned from GitHub on every --no-input run
  --no-write             print only; leave docs/benchmarks.md as it is
  -h, --help             this text`;

/**
 * @param {readonly string[]} argv
 * @returns {Options | 'help'} throws an Error with a one-line message on bad input
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      runs: { type: 'string' },
      'ccds-template': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const only = new Set(values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : MEASURES);
  const unknown = [...only].filter((m) => !MEASURES.includes(m));
  if (unknown.length > 0) throw new Error(`unknown measure ${unknown.join(', ')}; choose from ${MEASURES.join(', ')}`);
  let runs;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new Error(`--runs must be an integer from 1 to 1000, got ${values.runs}`);
  }
  return { only, runs, write: !values['no-write'], ccdsTemplate: values['ccds-template'] };
}
