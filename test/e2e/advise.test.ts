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

  it('advise records the stakeholders answer and gives it back as a flag', async () => {
    const result = await runCli(['advise', '--volume', 'low', '--stakeholders', "Ops & the CFO's team"], { cwd: tempDir() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Stakeholders: Ops & the CFO's team");
    expect(result.stdout).toContain(`--volume low --stakeholders 'Ops & the CFO'\\''s team'`);
    const bad = await runCli(['advise', '--stakeholders', 'two\nlines'], { cwd: tempDir() });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--stakeholders: the stakeholders answer must be a single line/);
  });

  it('writes the stakeholders into the decision record and the model card sections, escaped', async () => {
    const cwd = tempDir();
    const nasty = 'Retention <ops> & *finance*, [legal](x) `x` # 1';
    const result = await runCli(['named', '--yes', '--no-git', '--stakeholders', nasty], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const escaped = 'Retention &lt;ops&gt; &amp; \\*finance\\*, \\[legal\\](x) \\`x\\` # 1';
    const adr = readFileSync(path.join(cwd, 'named', 'docs', 'adr', '0001-deployment-strategy.md'), 'utf8');
    expect(adr).toContain(escaped);
    const card = readFileSync(path.join(cwd, 'named', 'docs', 'model_card.md'), 'utf8');
    expect(card).toContain(escaped);
    expect(JSON.parse(readFileSync(path.join(cwd, 'named', '.create-ml-prod.json'), 'utf8')).answers.stakeholders).toBe(nasty);
    // Not answered: no decision record, and the card's sections say whose they are to fill.
    expect((await runCli(['unnamed', '--yes', '--no-git'], { cwd })).exitCode).toBe(0);
    const blank = readFileSync(path.join(cwd, 'unnamed', 'docs', 'model_card.md'), 'utf8');
    expect(blank).toMatch(/## Stakeholders\n\nWho the stakeholders are/);
    expect(blank).not.toMatch(/TODO|TBD|FIXME/);
    expect(existsSync(path.join(cwd, 'unnamed', 'docs', 'adr'))).toBe(false);
  });
});
