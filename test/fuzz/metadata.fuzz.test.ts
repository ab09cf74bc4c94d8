/**
 * Property: for any project metadata, either resolution rejects it with a UsageError (exit 2),
 * or every generated file parses in its language and the user's text arrives as data, verbatim.
 * CI runs FUZZ_RUNS (default 1000) cases with a fixed seed; raise it, or FUZZ_SEED, on demand.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { oneLine } from '../../src/render/escape.js';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import type { Plan } from '../../src/plan/plan.js';
import { repoRoot } from '../helpers/cli.js';
import { problemsIn } from '../helpers/parseOutputs.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const templatesRoot = path.join(repoRoot, 'templates');

const tricky = fc.constantFrom('"', "'", '\\', '{{', '}}', '${{', '$(', '`', '#', '%', '&', '<', '>', '|', ';', '\u2028', '🚀', 'é', ' ');
const whitespace = fc.constantFrom('\n', '\t');
// Mostly acceptable text full of tricky characters; now and then a character to reject.
const invalid = fc.constantFrom('\r', '\u0000', '\u007f', '\ud800');
const pieces = (extra: fc.Arbitrary<string>[]) =>
  fc
    .array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), tricky, fc.string({ unit: 'grapheme', maxLength: 6 }), ...extra), { minLength: 1, maxLength: 20 })
    .map((parts) => parts.join(''));
const withInvalid = (arb: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: arb, weight: 9 }, { arbitrary: fc.tuple(arb, invalid).map(([t, bad]) => t + bad), weight: 1 });
const text = withInvalid(pieces([whitespace]));
const line = withInvalid(pieces([]));
const longText = fc.string({ minLength: 400, maxLength: 700 });
const projectName = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/), weight: 9 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
const email = fc.oneof({ arbitrary: fc.emailAddress(), weight: 9 }, { arbitrary: text, weight: 1 });
const combos = pairwiseSample();

const input = fc.record({
  projectName,
  description: fc.oneof({ arbitrary: text, weight: 9 }, { arbitrary: longText, weight: 1 }),
  author: line,
  email,
  combo: fc.constantFrom(...combos),
});

interface Outcome {
  plan?: Plan;
  rejected?: string;
}

type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

async function generate(i: Input): Promise<Outcome> {
  try {
    const answers = await resolveAnswers({
      file: { ...i.combo, projectName: i.projectName, description: i.description, author: i.author, email: i.email },
      context: { year: 2030 },
    });
    return { plan: buildPlan({ answers, templatesRoot, generatorVersion: '0.0.0-fuzz' }) };
  } catch (error) {
    if (error instanceof UsageError) return { rejected: error.message };
    throw error;
  }
}

describe('fuzzed metadata', () => {
  it(`${RUNS} cases: rejected with a usage error, or every file parses with the text as data`, async () => {
    const pythonSources: Record<string, string> = {};
    const seen = new Set<string>();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const { plan, rejected } = await generate(i);
        if (rejected !== undefined) {
          expect(rejected.length).toBeGreaterThan(0);
          expect(rejected).not.toMatch(/\n/);
          return;
        }
        accepted++;
        const files = plan!.files.map((f) => [f.path, f.content.toString('utf8')] as const);
        // Leftover `{{` is the matrix test's job (neutral metadata); here every file must parse.
        const problems = problemsIn(files, 'no-scan');
        expect(problems).toEqual([]);
        // The user's text arrives as data, verbatim.
        const pyproject = parseToml(files.find(([p]) => p === 'pyproject.toml')![1]) as { project: { description: string; authors: { name: string; email: string }[] } };
        expect(pyproject.project.description).toBe(oneLine(i.description));
        expect(pyproject.project.authors[0]).toEqual({ name: i.author, email: i.email });
        const record = JSON.parse(files.find(([p]) => p === '.create-ml-prod.json')![1]) as { answers: Record<string, unknown> };
        expect(record.answers.description).toBe(i.description);
        for (const [p, source] of files) {
          if (p.endsWith('.py') && !seen.has(source)) {
            seen.add(source);
            pythonSources[`${accepted}:${p}`] = source;
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(accepted).toBeGreaterThan(RUNS / 4);
    // No user string becomes code: every Python file of every accepted case compiles.
    const script = 'import json,sys\nfor p,s in json.load(sys.stdin).items():\n  try: compile(s,p,"exec")\n  except SyntaxError as e: print(p, e)';
    const errors = execFileSync('python3', ['-c', script], { input: JSON.stringify(pythonSources), encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(errors).toBe('');
  }, 600_000);
});
