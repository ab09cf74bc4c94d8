import { execFileSync } from 'node:child_process';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonString, pythonString, shellWord, tomlString, yamlString } from '../../src/render/escape.js';

const nasty = [
  'plain',
  'He said "hi"',
  "it's",
  'back\\slash \\n not a newline',
  'line one\nline two\ttabbed',
  '{{ handlebars }} and ${{ github.token }}',
  '$(rm -rf /) `whoami` $HOME',
  'unicode: héllo 日本語 🚀 \u2028 sep',
  '#!comment # not',
  "'''\"\"\"",
];

describe.each(nasty)('escaping %j', (value) => {
  it('TOML', () => {
    expect(parseToml(`v = ${tomlString(value)}`).v).toBe(value);
  });
  it('YAML', () => {
    expect(parseYaml(`v: ${yamlString(value)}`)).toEqual({ v: value });
  });
  it('JSON', () => {
    expect(JSON.parse(jsonString(value))).toBe(value);
  });
  it('Python', () => {
    const out = execFileSync('python3', ['-c', 'import ast,sys; sys.stdout.write(ast.literal_eval(sys.stdin.read()))'], {
      input: pythonString(value),
      encoding: 'utf8',
    });
    expect(out).toBe(value);
  });
  it('shell', () => {
    const out = execFileSync('sh', ['-c', `printf '%s' ${shellWord(value)}`], { encoding: 'utf8' });
    expect(out).toBe(value);
  });
});
