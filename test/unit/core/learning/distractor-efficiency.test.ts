import { describe, expect, it } from 'vitest';
import { weakDistractors } from '../../../../src/core/learning/distractor-efficiency.js';

const question = { choiceKeys: ['A', 'B', 'C', 'D', 'E'], rightKeys: ['A'] };

describe('weak distractors (non-functional: picked by fewer than 5 % of first answers)', () => {
  it('lists each wrong option under 5 % of at least 30 first answers, one never picked too; 5 % exactly is enough', () => {
    // 40 answers: 5 % is 2 picks.
    expect(weakDistractors({ answered: 40, options: { A: 27, B: 10, C: 2, D: 1 } }, question)).toEqual([
      'D',
      'E',
    ]);
  });

  it('judges nothing under 30 first answers', () => {
    expect(weakDistractors({ answered: 29, options: { A: 29 } }, question)).toEqual([]);
    expect(weakDistractors({ answered: 30, options: { A: 30 } }, question)).toEqual(['B', 'C', 'D', 'E']);
  });

  it('never lists a right option of a multiple-select question, however rarely picked', () => {
    const multi = { choiceKeys: ['A', 'B', 'C', 'D'], rightKeys: ['A', 'D'] };
    expect(weakDistractors({ answered: 30, options: { A: 30, B: 20, C: 10 } }, multi)).toEqual([]);
  });
});
