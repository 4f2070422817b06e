import { describe, expect, it } from 'vitest';
import { questionVersion } from '../../../../src/core/learning/question-version.js';
import { aQuestion } from '../../../support/builders.js';

describe('questionVersion', () => {
  it('changes with the stem, a choice or the key, and only with what a player answers', () => {
    const base = aQuestion();
    const version = questionVersion(base);
    expect(version).toMatch(/^[0-9a-f]{10}$/);
    expect(questionVersion(aQuestion())).toBe(version);
    expect(questionVersion(aQuestion({ stem: { ja: base.stem.ja, en: 'Reworded?' } }))).not.toBe(version);
    expect(questionVersion(aQuestion({ answer: ['C'] }))).not.toBe(version);
    const choices = base.choices.map((c, i) =>
      i === 0 ? { ...c, text: { ...c.text, ja: '別の選択肢' } } : c,
    );
    expect(questionVersion(aQuestion({ choices }))).not.toBe(version);
    expect(questionVersion(aQuestion({ tags: ['new-tag'], explanation: { ja: '新', en: 'New' } }))).toBe(
      version,
    );
  });
});
