import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/options/schema.js';
import { KUBERNETES_VERSION, projectChecks } from '../../src/verify/checks.js';

const answers = { depsManager: 'uv', lintStack: 'ruff', typeCheck: true, pythonVersion: '3.11' } as Answers;
const check = (id: string) => {
  const found = projectChecks('python3', answers).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('deployment descriptors are validated offline', () => {
  const roots: string[] = [];
  const project = (files: readonly string[]) => {
    const root = mkdtempSync(path.join(tmpdir(), 'deploy-checks-'));
    roots.push(root);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'kind: x\n');
    }
    return root;
  };
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('checks the Kubernetes manifests against the pinned version, strictly', () => {
    const k8s = check('kubernetes-validate');
    expect(k8s.tool).toBe('kubernetes-validate');
    expect(k8s.applies?.(project(['src/a.py']))).toBe(false);
    expect(k8s.applies?.(project(['deploy/k8s/base/kustomization.yaml', 'deploy/k8s/overlays/staging/kustomization.yaml']))).toBe(false);
    const root = project([
      'deploy/k8s/base/service.yaml', 'deploy/k8s/base/deployment.yaml', 'deploy/k8s/base/kustomization.yaml',
      'deploy/k8s/overlays/staging/kustomization.yaml', 'deploy/k8s/README.md',
    ]);
    expect(k8s.applies?.(root)).toBe(true);
    expect(k8s.command(root)).toEqual([
      'kubernetes-validate', '--strict', '--kubernetes-version', KUBERNETES_VERSION, 'deploy/k8s/base/deployment.yaml', 'deploy/k8s/base/service.yaml',
    ]);
  });

  it('lints the SAM template with cfn-lint when the project has one', () => {
    const sam = check('cfn-lint');
    expect(sam.tool).toBe('cfn-lint');
    expect(sam.applies?.(project(['deploy/k8s/base/service.yaml']))).toBe(false);
    const root = project(['deploy/serverless/template.yaml']);
    expect(sam.applies?.(root)).toBe(true);
    expect(sam.command(root)).toEqual(['cfn-lint', 'deploy/serverless/template.yaml']);
  });
});
