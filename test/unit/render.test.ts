import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/render/handlebars.js';
import { outputPath } from '../../src/plan/outputPath.js';

const renderer = createRenderer();

describe('renderer', () => {
  it('keeps GitHub Actions expressions intact', () => {
    const out = renderer.render('run: echo ${{ secrets.TOKEN }} {{name}} ${{ matrix.python-version }}', { name: 'x' }, 't');
    expect(out).toBe('run: echo ${{ secrets.TOKEN }} x ${{ matrix.python-version }}');
  });

  it('renders `${{name}}` (no space) as a dollar before a value, for shell variables', () => {
    expect(renderer.render('"$' + '{{prefix}}_ENV" ${ {{~prefix}}_CONFIG:-x}', { prefix: 'PKG' }, 't')).toBe('"$PKG_ENV" ${PKG_CONFIG:-x}');
  });

  it('does not HTML-escape and fails on a missing variable', () => {
    expect(renderer.render('{{v}}', { v: '"<&>' }, 't')).toBe('"<&>');
    expect(() => renderer.render('{{missing}}', {}, 'file.hbs')).toThrow(/file.hbs/);
  });

  it('never re-renders a user value', () => {
    expect(renderer.render('{{v}}', { v: '{{other}}' }, 't')).toBe('{{other}}');
  });

  it('has one escaping helper per target language', () => {
    const v = 'a "b"\nc';
    expect(renderer.render('{{toml v}}|{{yaml v}}|{{json v}}|{{py v}}|{{sh v}}|{{oneline v}}', { v }, 't')).toBe(
      `"a \\"b\\"\\nc"|"a \\"b\\"\\nc"|"a \\"b\\"\\nc"|"a \\"b\\"\\nc"|'a "b"\nc'|a "b" c`,
    );
  });
});

describe('output paths', () => {
  const ctx = { packageName: 'pkg', evil: '../../etc', abs: '/etc' };
  it('maps a single leading underscore to a dot, strips .hbs and renders segments', () => {
    expect(outputPath('_gitignore', ctx, renderer)).toBe('.gitignore');
    expect(outputPath('_github/workflows/ci.yml', ctx, renderer)).toBe('.github/workflows/ci.yml');
    expect(outputPath('src/{{packageName}}/__init__.py.hbs', ctx, renderer)).toBe('src/pkg/__init__.py');
    expect(outputPath('src/{{packageName}}/__main__.py', ctx, renderer)).toBe('src/pkg/__main__.py');
  });

  it('fills plain references directly and gives anything else to Handlebars, with the same results', () => {
    const context = { ...ctx, on: true, year: 2030 };
    expect(outputPath('dags/{{ packageName }}_{{packageName}}.py.hbs', context, renderer)).toBe('dags/pkg_pkg.py');
    expect(outputPath('{{oneline packageName}}.txt', context, renderer)).toBe('pkg.txt'); // a helper
    expect(outputPath('v{{year}}', context, renderer)).toBe('v2030'); // not text: through Handlebars
    expect(() => outputPath('{{missing}}', context, renderer)).toThrow(/missing/); // strict, as before
  });

  it('refuses a path that leaves the project', () => {
    expect(() => outputPath('{{evil}}/x', ctx, renderer)).toThrow(/outside the project/);
    expect(() => outputPath('{{abs}}', ctx, renderer)).toThrow(/outside the project/);
    expect(() => outputPath('a/../../b', ctx, renderer)).toThrow(/outside the project/);
  });
});
