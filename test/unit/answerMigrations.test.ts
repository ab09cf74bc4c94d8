import { describe, expect, it } from 'vitest';
import { migrateAnswers, type AnswerMigration } from '../../src/update/answerMigrations.js';

const known = new Set(['lintStack', 'ci', 'modelFamilies', 'task']);
const history: AnswerMigration[] = [
  { version: '0.2.0', kind: 'rename-option', from: 'lint', to: 'lintStack' },
  { version: '0.2.0', kind: 'rename-value', option: 'ci', from: 'actions', to: 'github' },
  { version: '0.3.0', kind: 'rename-value', option: 'modelFamilies', from: 'trees', to: 'ensemble' },
  { version: '0.4.0', kind: 'remove-option', option: 'gpu' },
];

describe('answer migrations', () => {
  it('applies every migration newer than the record, in order: options and values renamed, options removed', () => {
    const { answers, applied } = migrateAnswers({ lint: 'ruff', ci: 'actions', modelFamilies: ['trees', 'ensemble'], gpu: true, task: 'regression' }, '0.1.0', known, history);
    expect(answers).toEqual({ lintStack: 'ruff', ci: 'github', modelFamilies: ['ensemble'], task: 'regression' });
    expect(applied).toHaveLength(4);
  });

  it('skips the migrations the record is already past', () => {
    // Made by 0.3.0: "gpu" was still an option then, so only its removal applies.
    const { answers, applied } = migrateAnswers({ lintStack: 'ruff', gpu: false }, '0.3.0', known, history);
    expect(answers).toEqual({ lintStack: 'ruff' });
    expect(applied).toEqual(['option "gpu" was removed (create-ml-prod 0.4.0)']);
  });

  it('refuses an unknown answer that no migration covers, naming it and the recording version', () => {
    expect(() => migrateAnswers({ lintStack: 'ruff', colour: 'red' }, '0.4.0', known, history)).toThrow(
      /unknown answer "colour" \(recorded by create-ml-prod 0\.4\.0\) and no migration for it/,
    );
  });
});
