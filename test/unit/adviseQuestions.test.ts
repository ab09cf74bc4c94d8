import { describe, expect, it, vi } from 'vitest';
import type { OptionDef } from '../../src/options/optionTypes.js';

// The terminal's answers: what a person types at each of the advisor's questions.
const typed: Record<string, unknown> = { volume: 'moderate', stakeholders: 'Retention team & finance', sla: 'yes' };
const asked: string[] = [];
vi.mock('../../src/cli/prompts.js', () => ({
  askInTerminal: async (option: OptionDef, fallback: unknown) => {
    asked.push(option.id);
    return typed[option.id] ?? fallback;
  },
}));

const { runAdvise } = await import('../../src/cli/adviseCommand.js');
const { createOutput } = await import('../../src/ui/output.js');

describe('the advisor in a terminal', () => {
  it("asks seed 002's questions, the stakeholders second, and prints the answer back as a flag", async () => {
    let printed = '';
    const sink = { write: (text: string) => void (printed += text) };
    const io = { stdout: { ...sink, isTTY: true }, stderr: sink, stdinIsTTY: true, env: {}, cwd: '/' };
    const code = await runAdvise(createOutput(sink, sink, 0), io, { kind: 'advise', flags: {}, noColor: true, yes: false });
    expect(code).toBe(0);
    expect(asked).toEqual(['volume', 'stakeholders', 'churn', 'sla', 'consumer', 'stateful', 'degradation', 'frequency']);
    expect(printed).toContain('Stakeholders: Retention team & finance');
    expect(printed).toContain("--volume moderate --sla yes --stakeholders 'Retention team & finance'");
  });
});
