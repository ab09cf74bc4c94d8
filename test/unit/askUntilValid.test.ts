import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cli.js';

describe('interactive answers are checked when given', () => {
  it('a refused answer (no model family) is asked again with the reason, not failed at the end', async () => {
    const asked: { id: string; problem: string | undefined }[] = [];
    let families = 0;
    const answers = await resolveAnswers({
      defaults: { projectName: 'demo' },
      ask: async (option, fallback, _answers, problem) => {
        asked.push({ id: option.id, problem });
        if (option.id === 'modelFamilies') return families++ === 0 ? [] : ['boosting'];
        if (option.id === 'dataLoaders' && !asked.some((a) => a.id === 'dataLoaders' && a.problem)) return ['parquet'];
        return fallback;
      },
    });
    expect(answers.modelFamilies).toEqual(['boosting']);
    expect(answers.dataLoaders).toEqual(expect.arrayContaining(['csv']));
    expect(asked.filter((a) => a.id === 'modelFamilies').map((a) => a.problem)).toEqual([undefined, 'choose at least one model family']);
    expect(asked.filter((a) => a.id === 'dataLoaders')[1]?.problem).toMatch(/CSV loader is required/);
  });

  it('a non-empty target is refused before the first question', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'taken'));
    writeFileSync(path.join(cwd, 'taken', 'notes.txt'), 'mine');
    const out: string[] = [];
    const sink = { write: (t: string) => out.push(t), isTTY: true };
    const code = await main(['taken'], { stdout: sink, stderr: sink, stdinIsTTY: true, env: {}, cwd });
    expect(code).toBe(2);
    expect(out.join('')).toMatch(/taken is not empty \(notes.txt\)/);
  });
});
