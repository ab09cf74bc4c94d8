import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';

const templatesRoot = path.join(repoRoot, 'templates');
const ciFiles = /^(\.github\/workflows\/|\.gitlab-ci\.yml$|\.gitlab\/|azure-pipelines\.yml$|\.azure-pipelines\/|scripts\/template_sync\.sh$)/;

async function files(answers: Record<string, unknown>): Promise<Map<string, string>> {
  const resolved = await resolveAnswers({ file: { projectName: 'ci-demo', ...answers }, context: { year: 2030 } });
  const plan = await buildPlan({ answers: resolved, templatesRoot, generatorVersion: '0.0.0-test' });
  return new Map(plan.files.map((f) => [f.path, f.content.toString('utf8')]));
}

/** The targets a Makefile defines (`name:` at the start of a line). */
function makeTargets(makefile: string): Set<string> {
  return new Set([...makefile.matchAll(/^([a-zA-Z0-9_-]+):/gm)].map((m) => m[1] as string));
}

describe('CI provider', () => {
  it.each([
    ['github', ['.github/workflows/ci.yml', '.github/workflows/deploy.yml', '.github/workflows/release.yml', '.github/workflows/template-sync.yml', 'scripts/template_sync.sh']],
    ['gitlab', ['.gitlab-ci.yml', '.gitlab/template-sync.yml', 'scripts/template_sync.sh']],
    ['azure', ['.azure-pipelines/template-sync.yml', 'azure-pipelines.yml', 'scripts/template_sync.sh']],
    ['none', []],
  ])('%s writes only its own CI files', async (ci, expected) => {
    const out = await files({ ci });
    expect([...out.keys()].filter((p) => ciFiles.test(p)).sort()).toEqual(expected);
  });

  it.each(['gitlab', 'azure'])('%s calls only make targets the Makefile defines, and names the registry secrets', async (ci) => {
    for (const answers of [{ ci }, { ci, depsManager: 'poetry', lintStack: 'classic', typeCheck: false }]) {
      const out = await files(answers);
      const ciText = out.get(ci === 'gitlab' ? '.gitlab-ci.yml' : 'azure-pipelines.yml') ?? '';
      const targets = makeTargets(out.get('Makefile') ?? '');
      const called = [...ciText.matchAll(/\bmake ([a-z-]+)/g)].map((m) => m[1] as string);
      expect(called.length).toBeGreaterThan(3);
      for (const target of called) expect(targets, `make ${target}`).toContain(target);
      expect(called.includes('typecheck')).toBe(answers.typeCheck !== false);
      for (const name of ['DOCKER_REGISTRY', 'REGISTRY_USERNAME', 'REGISTRY_PASSWORD', 'DEPLOY_HOOK']) expect(ciText).toContain(name);
    }
  });

  it('ci none leaves no reference to a CI provider in the docs or configs', async () => {
    const out = await files({ ci: 'none' });
    for (const [file, text] of out) {
      if (!/\.(md|ya?ml|toml)$|^Makefile$/.test(file)) continue;
      expect(text, file).not.toMatch(/\.github\/|\bworkflows\b|actionlint|gitlab|azure-pipelines|GitHub Actions/i);
    }
  });
});
