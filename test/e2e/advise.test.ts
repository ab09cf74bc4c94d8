import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('advise and the decision record', () => {
  it('advise recommends from flags, without a terminal', async () => {
    const result = await runCli(['advise', '--volume', 'high', '--churn', 'timed', '--sla', 'no', '--consumer', 'file-based', '--stateful', 'yes'], { cwd: tempDir() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Recommended: Batch \(exact match\)/);
  });

  it('rejects an answer outside the question, naming the valid ones', async () => {
    const result = await runCli(['advise', '--sla', 'sometimes'], { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--sla: "sometimes" is not one of: unanswered, yes, maybe, no/);
  });

  it('writes the decision and its reasons into the project when requirements are given, and nothing otherwise', async () => {
    const cwd = tempDir();
    expect((await runCli(['plain', '--yes', '--no-git'], { cwd })).exitCode).toBe(0);
    expect(existsSync(path.join(cwd, 'plain', 'docs', 'adr'))).toBe(false);
    const result = await runCli(['decided', '--yes', '--no-git', '--volume', 'moderate', '--sla', 'yes', '--consumer', 'external', '--stateful', 'no'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const adr = readFileSync(path.join(cwd, 'decided', 'docs', 'adr', '0001-deployment-strategy.md'), 'utf8');
    expect(adr).toMatch(/Decision: \*\*Web service \(REST API\)\*\*/);
    expect(adr).toMatch(/\| sla \| yes \|/);
    // The advice is the default strategy, and the record says it was generated.
    expect(adr).toContain('The advised strategy, `rest`, is one of them.');
    const recorded = JSON.parse(readFileSync(path.join(cwd, 'decided', '.create-ml-prod.json'), 'utf8')).answers;
    expect(recorded.sla).toBe('yes');
    expect(recorded.strategies).toEqual(['rest']);
    // Overriding the advice is allowed, and recorded as such.
    const overridden = await runCli(['overridden', '--yes', '--no-git', '--volume', 'moderate', '--sla', 'yes', '--consumer', 'external', '--stateful', 'no', '--strategies', 'batch'], { cwd });
    expect(overridden.exitCode, overridden.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'overridden', 'docs', 'adr', '0001-deployment-strategy.md'), 'utf8')).toMatch(/advised strategy, `rest`, was \*\*not\*\* chosen/);
  });
});
