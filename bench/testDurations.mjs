import { existsSync, readFileSync } from 'node:fs';

/**
 * The tests' own durations from pytest's JUnit XML (setup, call and teardown of each test, as
 * pytest's `junit_duration_report = total` counts them), grouped by suite folder and by file.
 * @param {string} file the XML that `--junitxml` wrote
 * @returns {{ count: number, seconds: number, suites: Map<string, { count: number, seconds: number }>, files: [string, number][] } | undefined}
 *   files: seconds per test file, slowest first; undefined when pytest wrote no report
 */
export function testDurations(file) {
  if (!existsSync(file)) return undefined;
  const xml = readFileSync(file, 'utf8');
  /** @type {Map<string, { count: number, seconds: number }>} */
  const suites = new Map();
  /** @type {Map<string, number>} */
  const files = new Map();
  let count = 0;
  let seconds = 0;
  // <testcase classname="tests.integration.test_jobs_end_to_end" name="..." time="8.760">
  for (const match of xml.matchAll(/<testcase\b[^>]*>/g)) {
    const tag = match[0];
    const classname = /\bclassname="([^"]*)"/.exec(tag)?.[1] ?? '';
    const time = Number(/\btime="([^"]*)"/.exec(tag)?.[1] ?? Number.NaN);
    if (!Number.isFinite(time)) continue;
    const parts = classname.split('.');
    const suite = parts[0] === 'tests' && parts.length > 2 ? /** @type {string} */ (parts[1]) : 'other';
    const testFile = `${parts.filter((p) => !/^[A-Z]/.test(p)).join('/')}.py`;
    const entry = suites.get(suite) ?? { count: 0, seconds: 0 };
    suites.set(suite, { count: entry.count + 1, seconds: entry.seconds + time });
    files.set(testFile, (files.get(testFile) ?? 0) + time);
    count += 1;
    seconds += time;
  }
  return { count, seconds, suites, files: [...files].sort((a, b) => b[1] - a[1]) };
}
