/** Colour, decided once: --no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function colorLevel(input: {
  noColorFlag: boolean;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}): 0 | 1 | 2 | 3 {
  const { env } = input;
  if (input.noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.FORCE_COLOR !== undefined) {
    if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 0;
    const level = Number(env.FORCE_COLOR);
    return level === 2 || level === 3 ? level : 1;
  }
  if (!input.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 1;
}
