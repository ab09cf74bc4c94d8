import { execa } from 'execa';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { listFiles, snapshotTree } from '../helpers/tree.js';

interface PackEntry {
  files: { path: string }[];
  size: number;
  unpackedSize: number;
}

describe('npm package', () => {
  it('ships the bin, the bundle and every template file (dotfile templates and feature fragments included), nothing else', async () => {
    const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const [entry] = JSON.parse(stdout) as PackEntry[];
    const shipped = new Set(entry!.files.map((f) => f.path));
    const templates = listFiles(path.join(repoRoot, 'templates'), []).map((p) => `templates/${p}`);
    expect(templates.length).toBeGreaterThan(3);
    for (const file of templates) expect(shipped, file).toContain(file);
    expect(templates.some((t) => /\/_[a-z]/.test(t))).toBe(true);
    // The feature modules' own files and template fragments, read at run time from src/features/ as in the sources.
    const fragments = listFiles(path.join(repoRoot, 'src', 'features'), []).filter((p) => !p.endsWith('.ts')).map((p) => `src/features/${p}`);
    expect(fragments.length).toBeGreaterThan(3);
    for (const file of fragments) expect(shipped, file).toContain(file);
    expect(shipped).toContain('bin/create-ml-prod.js');
    expect(shipped).toContain('dist/index.js');
    expect(shipped).toContain('package.json');
    const unexpected = [...shipped].filter(
      (p) => !/^(bin\/|dist\/|templates\/|src\/features\/[^/]+\/[^/]+\/(partials\/[^/]+\.hbs|(service-)?files\/.+)$|package\.json$|README\.md$|LICENSE$)/.test(p),
    );
    expect(unexpected).toEqual([]);
    // Issue 8's target was 400 kB (npm's kB, 1000 bytes). The safety journal and the day-one
    // templates (install.sh, .env.example, CI services, the champion lifecycle) took it to 413 kB:
    // the bound was 425 kB; issue 17 (serving, statistics, model cards), the locks, Kubernetes
    // overlays and template-sync jobs took it to 499 kB: 510 kB, argued in the README. The feature
    // modules' fragments (one small file each: tar headers) and the Kubernetes secret and served
    // volume took it to 510.1 kB: 520 kB; the strategy and data-loader modules' fragments (one
    // file per hub and module, 58 files) to 519.3 kB; the lint, engine, tracker and scheduler
    // modules (69 fragment files) to 522.4 kB: 530 kB; the model families' (18 fragment files) to
    // 526.5 kB (with the serving image's templates); the jobs extra (its module and test, the
    // prediction module, 10 fragment files) to 529.1 kB: 540 kB. Each fragment file costs about
    // 45 bytes of gzipped tar header; the README argues the bound. Issue 19 owns bringing it down.
    expect(entry!.size).toBeLessThan(540_000);
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
    // A cold cache (the compiler file is required), then warm ones (the bundle, then its code cache).
    const env = { XDG_CACHE_HOME: path.join(work, 'cache') };
    const outputs: Record<string, string>[] = [];
    for (const name of ['cold', 'warm', 'hot']) {
      const result = await execa(process.execPath, [path.join(work, 'package', 'bin', 'create-ml-prod.js'), name, '--yes', '--no-git', '--project-name', 'from-tarball'], {
        cwd: work,
        env,
        reject: false,
        stdin: 'ignore',
      });
      expect(result.exitCode, result.stderr).toBe(0);
      outputs.push(snapshotTree(path.join(work, name)));
    }
    expect(readFileSync(path.join(work, 'cold', '.gitignore'), 'utf8').length).toBeGreaterThan(0);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    expect(readdirSync(path.join(work, 'cache', 'create-ml-prod', 'compiled', 'bundles')).map((f) => path.extname(f)).sort()).toEqual(['.js', '.v8']);

    // The declarations are one self-contained file a TypeScript consumer compiles against.
    writeFileSync(path.join(work, 'consumer.ts'), [
      "import { createProject, optionSchema, type Answers, type CreateProjectResult } from './package/dist/index.js';",
      "const answers: Partial<Answers> = { task: 'regression' };",
      "const run: Promise<CreateProjectResult> = createProject({ directory: 'x', answers, dryRun: true });",
      'export const ids: string[] = optionSchema.map((option) => option.id);',
      'export { run };',
    ].join('\n'));
    const tsc = await execa(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(repoRoot, 'node_modules', '@types'), 'consumer.ts'], { cwd: work, reject: false });
    expect(tsc.exitCode, tsc.stdout + tsc.stderr).toBe(0);
  });
});
