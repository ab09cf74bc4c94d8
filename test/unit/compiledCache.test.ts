import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledCacheDir } from '../../src/render/compiledCache.js';
import { createRenderer } from '../../src/render/handlebars.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cmp-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('compiled template cache', () => {
  it('stores a template on first use and renders the same from the cache in a later run', () => {
    const cacheDir = path.join(tempDir(), 'compiled');
    const source = '{{#if on}}{{py name}}{{else}}off{{/if}} ${{ github.sha }}';
    const first = createRenderer({ cacheDir }).render(source, { on: true, name: 'a"b' }, 't');
    // the compiled JavaScript, and V8's code cache of it written after the first render
    expect(readdirSync(cacheDir).map((f) => path.extname(f)).sort()).toEqual(['.js', '.v8']);
    const later = createRenderer({ cacheDir });
    expect(later.render(source, { on: true, name: 'a"b' }, 't')).toBe(first);
    expect(first).toBe('"a\\"b" ${{ github.sha }}');
    expect(() => later.render(source, { on: true }, 'file.hbs')).toThrow(/file.hbs/); // still strict
  });

  it('recompiles over a damaged cache file and works without a writable cache', () => {
    const cacheDir = path.join(tempDir(), 'compiled');
    createRenderer({ cacheDir }).render('{{v}}!', { v: 1 }, 't');
    for (const file of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, file), 'not javascript (');
    expect(createRenderer({ cacheDir }).render('{{v}}!', { v: 2 }, 't')).toBe('2!');
    expect(createRenderer({ cacheDir }).render('{{v}}!', { v: 2 }, 't')).toBe('2!');

    const readOnly = tempDir();
    chmodSync(readOnly, 0o500);
    expect(createRenderer({ cacheDir: path.join(readOnly, 'compiled') }).render('{{v}}?', { v: 3 }, 't')).toBe('3?');
    expect(createRenderer({ cacheDir: undefined }).render('{{v}}.', { v: 4 }, 't')).toBe('4.');
  });

  it('keeps the templates of a plan in one bundle: written after the first run, its code cache after the second', () => {
    const cacheDir = path.join(tempDir(), 'compiled');
    const sources = ['{{a}} one', '{{#each list}}{{this}},{{/each}}', '{{json a}}'];
    const context = { a: 'x"y', list: [1, 2] };
    const run = () => {
      const renderer = createRenderer({ cacheDir });
      renderer.preload(sources);
      const out = sources.map((s) => renderer.render(s, context, 't'));
      renderer.finish();
      return out;
    };
    const bundles = () => (readdirSync(cacheDir).includes('bundles') ? readdirSync(path.join(cacheDir, 'bundles')).map((f) => path.extname(f)).sort() : []);
    const expected = ['x"y one', '1,2,', '"x\\"y"'];
    expect(run()).toEqual(expected);
    expect(bundles()).toEqual(['.js']);
    expect(run()).toEqual(expected);
    expect(bundles()).toEqual(['.js', '.v8']);
    expect(run()).toEqual(expected);
    // a damaged bundle is written again, and rendering does not notice
    for (const file of readdirSync(path.join(cacheDir, 'bundles'))) writeFileSync(path.join(cacheDir, 'bundles', file), '({ broken');
    expect(run()).toEqual(expected);
    expect(run()).toEqual(expected);
  });

  it('lives under XDG_CACHE_HOME, and CREATE_ML_PROD_NO_CACHE turns it off', () => {
    expect(compiledCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'create-ml-prod', 'compiled'));
    expect(compiledCacheDir({ XDG_CACHE_HOME: '/c', CREATE_ML_PROD_NO_CACHE: '1' })).toBeUndefined();
  });
});

describe('the per-template cache is bounded', () => {
  it('keeps the newest files and drops partial writes', async () => {
    const { mkdtempSync, readdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const os = await import('node:os');
    const { pruneTemplates } = await import('../../src/render/specBundle.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cmp-prune-'));
    for (let i = 0; i < 30; i++) {
      writeFileSync(path.join(dir, `t${i}.js`), 'x');
      utimesSync(path.join(dir, `t${i}.js`), i, i);
    }
    writeFileSync(path.join(dir, 't1.js.123.tmp'), 'partial');
    pruneTemplates(dir, 10);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(10);
    expect(left).toContain('t29.js');
    expect(left).not.toContain('t0.js');
  });
});
