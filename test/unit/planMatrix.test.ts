import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelsOf, pairwiseSample } from '../../src/options/pairwise.js';
import type { OptionDef } from '../../src/options/optionTypes.js';
import { optionSchema } from '../../src/options/schema.js';
import { countCombinations } from '../../src/options/matrix.js';
import { components } from '../../src/components/components.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { RECORD_FILE } from '../../src/plan/answersRecord.js';
import { repoRoot } from '../helpers/cli.js';
import { problemsIn } from '../helpers/parseOutputs.js';

const templatesRoot = path.join(repoRoot, 'templates');
// Every pair of option values at least once (all Python versions, which only parse here).
const combinations = pairwiseSample();

async function plan(answers: Record<string, unknown>) {
  const resolved = await resolveAnswers({ file: { projectName: 'matrix-demo', ...answers }, context: { year: 2030 } });
  return buildPlan({ answers: resolved, templatesRoot, generatorVersion: '0.0.0-test' });
}

/** Compiles every Python file of a plan in one interpreter: a syntax error anywhere fails. */
function pythonSyntaxErrors(files: readonly { path: string; content: Buffer }[]): string {
  const sources = Object.fromEntries(files.filter((f) => f.path.endsWith('.py')).map((f) => [f.path, f.content.toString('utf8')]));
  const script = 'import json,sys\nfor p,s in json.load(sys.stdin).items():\n  try: compile(s,p,"exec")\n  except SyntaxError as e: print(p, e)';
  return execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
}

describe('every pair of option values renders valid files', () => {
  it('samples every option value that a valid combination can take', () => {
    const schema: readonly OptionDef[] = optionSchema;
    const sampled = (id: string) => combinations.map((c) => c[id]);
    const possible = (id: string, value: unknown) => countCombinations({ [id]: value }) > 0;
    let values = 0;
    for (const option of schema) {
      if (option.documentationOnly) continue;
      if (option.kind === 'multi') {
        // Each choice of a multi-choice option, taken and left out, where some valid subset does.
        const all = option.choices.map((c) => c.value);
        const subsets = all.reduce<string[][]>((acc, v) => acc.concat(acc.map((x) => [...x, v])), [[]]);
        for (const value of all) {
          for (const taken of [true, false]) {
            if (!subsets.some((subset) => subset.includes(value) === taken && possible(option.id, subset))) continue;
            const label = `${option.id} ${taken ? 'with' : 'without'} ${value}`;
            expect(sampled(option.id).some((v) => Array.isArray(v) && v.includes(value) === taken), label).toBe(true);
            values++;
          }
        }
      } else {
        for (const value of levelsOf(option) ?? []) {
          if (!possible(option.id, value)) continue;
          expect(sampled(option.id), `${option.id}=${String(value)}`).toContain(value);
          values++;
        }
      }
    }
    expect(values).toBeGreaterThan(40);
  });

  it('reaches every overlay folder that holds files', async () => {
    const used = new Set<string>();
    // The decision record needs an answered requirement, which the matrix leaves out.
    for (const combo of [...combinations, { sla: 'yes' }]) {
      const answers = await resolveAnswers({ file: { projectName: 'matrix-demo', ...combo }, context: { year: 2030 } });
      for (const c of components) for (const o of c.contribute(answers)?.overlays ?? []) used.add(o);
    }
    const onDisk: string[] = [];
    const walk = (rel: string, depth: number) => {
      for (const name of readdirSync(path.join(templatesRoot, rel))) {
        const child = rel ? `${rel}/${name}` : name;
        if (!statSync(path.join(templatesRoot, child)).isDirectory()) continue;
        if (depth === 0 && ['base', 'service', 'jobs', 'notebooks', 'docker', 'precommit', 'adr', 'k8s'].includes(name)) onDisk.push(child);
        else if (depth === 1) onDisk.push(child);
        else if (depth === 0) walk(child, 1);
      }
    };
    walk('', 0);
    for (const overlay of onDisk) expect(used, overlay).toContain(overlay);
    expect(existsSync(path.join(templatesRoot, 'base'))).toBe(true);
  });

  it.each(combinations.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const { files } = await plan(combo);
    expect(problemsIn(files.map((f) => [f.path, f.content.toString('utf8')] as const))).toEqual([]);
    expect(pythonSyntaxErrors(files)).toBe('');
    expect(files.map((f) => f.path)).toContain(RECORD_FILE);
  });
});

describe('plan', () => {
  it('is deterministic', async () => {
    const a = await plan({ task: 'regression' });
    const b = await plan({ task: 'regression' });
    expect(a.files.map((f) => [f.path, f.content.toString('base64'), f.mode])).toEqual(
      b.files.map((f) => [f.path, f.content.toString('base64'), f.mode]),
    );
  });

  it('ships only the chosen task data and a license for each choice', async () => {
    const paths = (await plan({ task: 'regression', license: 'Proprietary' })).files.map((f) => f.path);
    expect(paths).toContain('notebooks/dummy_data/regression.csv');
    expect(paths).not.toContain('notebooks/dummy_data/classification.csv');
    const license = (await plan({ license: 'Proprietary' })).files.find((f) => f.path === 'LICENSE')!;
    expect(license.content.toString()).toMatch(/All rights reserved/);
    expect(license.content.toString()).not.toMatch(/Permission is hereby granted/);
  });

  it('keeps GitHub Actions expressions and escapes hostile metadata', async () => {
    const hostile = 'He said "hi" \\ {{user}} $(whoami) `id`\nsecond line';
    const { files } = await plan({ description: hostile, author: "O'Brien \"Bob\" \\" });
    const text = (p: string) => files.find((f) => f.path === p)!.content.toString();
    expect(text('.github/workflows/ci.yml')).toMatch(/\$\{\{ /);
    expect(problemsIn(files.map((f) => [f.path, f.content.toString('utf8')] as const), ['{{user}}'])).toEqual([]);
    expect(text('README.md')).toContain(hostile);
    expect(pythonSyntaxErrors(files)).toBe('');
  });

  it('makes executable templates executable', async () => {
    const { files } = await plan({});
    for (const f of files.filter((x) => x.path.endsWith('.sh') && x.path.includes('run'))) expect(f.mode, f.path).toBe(0o755);
  });
});

describe('answers record', () => {
  it.each(combinations.map((c, i) => [i + 1, c] as const))('round-trips byte-identically for sampled combination %i', async (_i, combo) => {
    const first = await plan(combo);
    const record = JSON.parse(first.files.find((f) => f.path === RECORD_FILE)!.content.toString()) as { answers: Record<string, unknown> };
    const again = await plan(record.answers);
    expect(again.files.map((f) => [f.path, f.content.toString('base64'), f.mode])).toEqual(
      first.files.map((f) => [f.path, f.content.toString('base64'), f.mode]),
    );
  });
});
