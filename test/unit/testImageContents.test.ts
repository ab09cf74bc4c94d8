/**
 * The test image (cicd/build/docker/Dockerfile) runs the unit tests, so it must hold every
 * repository folder or file they read through REPO_ROOT: copied by the Dockerfile and let in by
 * its .dockerignore. (deploy/ was missing: 4 k8s manifest tests failed in the image.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';

const combinations: Record<string, Record<string, unknown>> = {
  default: {},
  serverless: { strategies: ['batch', 'rest', 'serverless'] },
  'serverless-only': { service: false, strategies: ['batch', 'serverless'] },
  // Stream's k8s manifests are under deploy/ too: the Dockerfile copied it, the ignore file left it out.
  'stream-only': { strategies: ['stream'] },
  airflow: { scheduler: 'airflow' },
  'poetry-lifecycle-off': { depsManager: 'poetry', lifecycle: false },
  pip: { depsManager: 'pip' },
};

describe('the test image holds what the unit tests read', () => {
  it.each(Object.entries(combinations))('%s', async (_name, answers) => {
    const resolved = await resolveAnswers({ file: { projectName: 'image-demo', ...answers } });
    const plan = buildPlan({ answers: resolved, templatesRoot: path.join(repoRoot, 'templates'), generatorVersion: 'test' });
    const file = (p: string) => plan.files.find((f) => f.path === p)?.content.toString('utf8');
    const dockerfile = file('cicd/build/docker/Dockerfile');
    const ignore = file('cicd/build/docker/Dockerfile.dockerignore');
    expect(dockerfile).toBeDefined();
    expect(ignore).toBeDefined();
    const read = new Set<string>();
    for (const f of plan.files.filter((p) => /^tests\/(unit\/.*|conftest|[a-z_]+_support)\.py$/.test(p.path))) {
      for (const m of f.content.toString('utf8').matchAll(/REPO_ROOT \/ "([^"]+)"/g)) read.add(m[1]!);
    }
    expect(read.size).toBeGreaterThan(3);
    const copied = [...dockerfile!.matchAll(/^COPY (?:--chown=\S+ )?(.+)$/gm)].flatMap((m) => m[1]!.split(/\s+/).slice(0, -1));
    const allowed = ignore!.split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    for (const top of read) {
      const exists = plan.files.some((f) => f.path === top || f.path.startsWith(`${top}/`));
      if (!exists) continue; // read only when present (guarded by the test itself)
      expect(copied.some((c) => c === top || c === `${top}/` || c.startsWith(`${top}/`)), `COPY ${top}`).toBe(true);
      expect(allowed.some((a) => a === top || a === `${top}/` || a.startsWith(`${top}/`)), `!${top} in .dockerignore`).toBe(true);
    }
  });
});
