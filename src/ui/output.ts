import { Chalk, type ChalkInstance } from 'chalk';

export interface Writable {
  write(text: string): unknown;
}

/** Everything the CLI prints goes through here: stdout for results, stderr for problems. */
export interface Output {
  readonly color: ChalkInstance;
  line(text?: string): void;
  step(text: string): void;
  success(text: string): void;
  warn(text: string): void;
  error(text: string): void;
}

export function createOutput(stdout: Writable, stderr: Writable, level: 0 | 1 | 2 | 3): Output {
  const color = new Chalk({ level });
  return {
    color,
    line: (text = '') => stdout.write(`${text}\n`),
    step: (text) => stdout.write(`${color.cyan('•')} ${text}\n`),
    success: (text) => stdout.write(`${color.green('✔')} ${text}\n`),
    warn: (text) => stderr.write(`${color.yellow('warning:')} ${text}\n`),
    error: (text) => stderr.write(`${color.red('error:')} ${text}\n`),
  };
}
