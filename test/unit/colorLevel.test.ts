import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/ui/colorLevel.js';

describe('colour level', () => {
  it('is off without a terminal, with NO_COLOR, with --no-color, with FORCE_COLOR=0', () => {
    expect(colorLevel({ noColorFlag: false, env: {}, isTTY: false })).toBe(0);
    expect(colorLevel({ noColorFlag: false, env: { NO_COLOR: '1' }, isTTY: true })).toBe(0);
    expect(colorLevel({ noColorFlag: true, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(0);
    expect(colorLevel({ noColorFlag: false, env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(0);
  });
  it('is on in a terminal, or when forced', () => {
    expect(colorLevel({ noColorFlag: false, env: {}, isTTY: true })).toBeGreaterThan(0);
    expect(colorLevel({ noColorFlag: false, env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(1);
    expect(colorLevel({ noColorFlag: false, env: { NO_COLOR: '' }, isTTY: true })).toBeGreaterThan(0);
  });
});
