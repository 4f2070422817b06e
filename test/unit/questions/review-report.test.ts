import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../../src/adapters/questions/review-records.js';
import { combinations, failedRules, secondDisagrees } from '../../../src/adapters/questions/review-report.js';

/** A record that passes every rule unless `overrides` change it. */
function aRecord(overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id: 's1-q',
    hash: '0123456789ab',
    writer: 'writer-1',
    reviewer: 'reviewer-1',
    date: '2026-12-06',
    outcome: 'rewritten',
    blind: { ruled_out: [{ key: 'C', reason: 'off-topic' }], pick: 'A' },
    expert: {
      key: 'agree',
      why_facts: true,
      parity: true,
      cues: [],
      exam_likeness: 4,
      notes: 'docs checked',
    },
    ...overrides,
  };
}
const expert = (changes: Partial<ReviewRecord['expert']>) => ({
  expert: { ...aRecord().expert, ...changes },
});

describe('the pass rule of a review record', () => {
  it('passes writer ≠ reviewer, one option ruled out, key agreed, why facts, parity, no cue, exam-likeness 4', () => {
    expect(failedRules(aRecord(), ['A'])).toEqual([]);
  });

  it.each<[string, Partial<ReviewRecord>, string]>([
    ['the writer reviews', { reviewer: 'writer-1' }, 'writer and reviewer are the same ("writer-1")'],
    [
      'two options fall in the blind pass',
      {
        blind: {
          ruled_out: [
            { key: 'B', reason: 'x' },
            { key: 'D', reason: 'y' },
          ],
          pick: 'A',
        },
      },
      '2 wrong options ruled out in the blind pass (B, D; at most 1)',
    ],
    ['the key is disputed', expert({ key: 'disagree' }), 'the expert pass does not agree with the key'],
    [
      'a why names no product fact',
      expert({ why_facts: false }),
      "a wrong option's why names no true product fact",
    ],
    [
      'the languages differ',
      expert({ parity: false }),
      'English and Japanese do not say the same (parity: false)',
    ],
    [
      'a cue is found',
      expert({ cues: ['"weights" only in the key'] }),
      'cues found: ""weights" only in the key"',
    ],
    ['it is unlike the exam', expert({ exam_likeness: 3 }), 'exam-likeness 3 (at least 4)'],
    [
      'the second reviewer is the first',
      {
        second: {
          reviewer: 'reviewer-1',
          blind: { ruled_out: [], pick: 'A' },
          expert: { key: 'agree', exam_likeness: 4 },
        },
      },
      'the second review is by "reviewer-1", who wrote or first reviewed the question',
    ],
  ])('fails when %s', (_, overrides, message) => {
    const failed = failedRules(aRecord(overrides), ['A']);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain(message);
  });

  it('counts only wrong options: a reader who rules out the key was misled, not helped, by the wording', () => {
    const misled = aRecord({
      blind: {
        ruled_out: [
          { key: 'A', reason: 'sounds like more work' },
          { key: 'D', reason: 'odd one out' },
        ],
        pick: 'B',
      },
    });
    expect(failedRules(misled, ['A'])).toEqual([]);
    // The same two ruled out with D as a right option of a choose-two, or B as the key: both are wrong options.
    expect(failedRules(misled, ['B'])).toEqual([
      '2 wrong options ruled out in the blind pass (A, D; at most 1)',
    ]);
  });
});

describe('second-review disagreement', () => {
  const second = (ruledOut: number, key: 'agree' | 'disagree', examLikeness: number) =>
    aRecord({
      second: {
        reviewer: 'reviewer-2',
        blind: {
          ruled_out: Array.from({ length: ruledOut }, () => ({ key: 'B' as const, reason: 'r' })),
          pick: 'A',
        },
        expert: { key, exam_likeness: examLikeness },
      },
    });

  it('counts a different key verdict, or a ruled-out count or exam-likeness 2 or more apart', () => {
    expect(secondDisagrees(aRecord())).toBe(false);
    expect(secondDisagrees(second(0, 'agree', 5))).toBe(false);
    expect(secondDisagrees(second(2, 'agree', 3))).toBe(false);
    expect(secondDisagrees(second(1, 'disagree', 4))).toBe(true);
    expect(secondDisagrees(second(3, 'agree', 4))).toBe(true);
    expect(secondDisagrees(second(1, 'agree', 2))).toBe(true);
  });
});

describe('blind-pick chance', () => {
  it('is 1 over the number of exact sets: C(n, k)', () => {
    expect(combinations(4, 1)).toBe(4);
    expect(combinations(5, 2)).toBe(10);
    expect(combinations(5, 3)).toBe(10);
    expect(combinations(4, 2)).toBe(6);
  });
});
