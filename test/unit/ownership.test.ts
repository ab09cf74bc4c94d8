import { describe, expect, it } from 'vitest';
import { globToRegExp, ownershipMatcher, parseOwnership } from '../../src/plan/ownership.js';

describe('ownership globs', () => {
  it('matches * within a segment, ** across segments (also none), ? one character, the rest literally', () => {
    expect(globToRegExp('docs/**').test('docs/adr/0001.md')).toBe(true);
    expect(globToRegExp('**/README.md').test('README.md')).toBe(true);
    expect(globToRegExp('**/README.md').test('jobs/inference/README.md')).toBe(true);
    expect(globToRegExp('src/*.py').test('src/pkg/x.py')).toBe(false);
    expect(globToRegExp('Make*').test('Makefile')).toBe(true);
    expect(globToRegExp('config?.yaml').test('config1.yaml')).toBe(true);
    expect(globToRegExp('a.b').test('aXb')).toBe(false);
    expect(globToRegExp('[x]').test('[x]')).toBe(true);
  });

  it('refuses what is not two lists of relative globs', () => {
    expect(parseOwnership(undefined)).toEqual({ skip: [], always: [] });
    expect(() => parseOwnership({ skip: 'README.md' })).toThrow(/must be a list of globs/);
    expect(() => parseOwnership({ skip: ['../outside'] })).toThrow(/is not a glob relative to the project/);
    expect(() => parseOwnership({ skip: ['/etc/passwd'] })).toThrow(/is not a glob relative to the project/);
    expect(() => parseOwnership({ keep: [] })).toThrow(/unknown key keep/);
    expect(() => parseOwnership({ skip: ['README.md'], always: ['README.md'] })).toThrow(/in both skip and always/);
  });

  it('a glob that matches no file of the project is an error, not a silent no-op', () => {
    const owner = ownershipMatcher({ skip: ['docs/**'], always: [] }, ['docs/adr/1.md', 'README.md']);
    expect(owner.skipped('docs/adr/1.md')).toBe(true);
    expect(owner.skipped('README.md')).toBe(false);
    expect(() => ownershipMatcher({ skip: [], always: ['Dockerfle'] }, ['Dockerfile'])).toThrow(/the always glob "Dockerfle" matches no file of the project/);
  });
});
