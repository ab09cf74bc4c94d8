import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { listFiles } from '../helpers/tree.js';

interface PackEntry {
  files: { path: string }[];
  size: number;
  unpackedSize: number;
}

describe('npm package', () => {
  it('ships the bin, the bundle and every template file (dotfile templates included), nothing else', async () => {
    const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const [entry] = JSON.parse(stdout) as PackEntry[];
    const shipped = new Set(entry!.files.map((f) => f.path));
    const templates = listFiles(path.join(repoRoot, 'templates'), []).map((p) => `templates/${p}`);
    expect(templates.length).toBeGreaterThan(3);
    for (const file of templates) expect(shipped, file).toContain(file);
    expect(templates.some((t) => /\/_[a-z]/.test(t))).toBe(true);
    expect(shipped).toContain('bin/create-ml-prod.js');
    expect(shipped).toContain('dist/index.js');
    expect(shipped).toContain('package.json');
    const unexpected = [...shipped].filter(
      (p) => !/^(bin\/|dist\/|templates\/|package\.json$|README\.md$|LICENSE$)/.test(p),
    );
    expect(unexpected).toEqual([]);
    // Issue 8's target is 400 kB; the lifecycle, strategy, engine and scheduler templates took it
    // to 413 kB (reported in docs/benchmarks.md). This guard catches growth beyond that.
    expect(entry!.size).toBeLessThan(440 * 1024);
  });

  it('has zero runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.type).toBe('module');
    expect(pkg.bin['create-ml-prod']).toBe('bin/create-ml-prod.js');
  });

  it('runs from an installed tarball with no node_modules of its own', async () => {
    const work = tempDir('cmp-pack-');
    const { stdout } = await execa('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot });
    const tarball = path.join(work, stdout.trim().split('\n').pop()!);
    await execa('tar', ['-xzf', tarball, '-C', work]);
    const result = await execa(process.execPath, [path.join(work, 'package', 'bin', 'create-ml-prod.js'), 'from-tarball', '--yes', '--no-git'], {
      cwd: work,
      reject: false,
      stdin: 'ignore',
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'from-tarball', '.gitignore'), 'utf8').length).toBeGreaterThan(0);
  });
});
