import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUESTION_QUERY,
  parseQuestionQuery,
  questionFigures,
  selectQuestionRows,
} from '../../../../../src/core/learning/dashboard/question-figures.js';
import { scopeItemStatistics } from '../../../../../src/core/learning/item-statistics.js';
import { questionVersion } from '../../../../../src/core/learning/question-version.js';
import type {
  ItemCounters,
  ItemResponse,
  QuestionReport,
} from '../../../../../src/core/ports/learning-store.js';
import { aQuestion } from '../../../../support/builders.js';

const q1 = aQuestion({ id: 'q-1' });
const q2 = aQuestion({ id: 'q-2', domain: 'monitoring' });
const q3 = aQuestion({ id: 'q-3' });
const v1 = questionVersion(q1);
const v2 = questionVersion(q2);

/** 40 first answers to q-1 (B right): A, C and D are picked by fewer than 5 % (distractors that do no work). */
const counters: ItemCounters[] = [
  { questionId: 'q-1', version: v1, answered: 40, right: 39, options: { B: 39, C: 1 } },
  { questionId: 'q-1', version: 'old', answered: 10, right: 1, options: { A: 9, B: 1 } },
  { questionId: 'q-2', version: v2, answered: 10, right: 1, options: { A: 5, B: 1, C: 4 } },
];
const responses: ItemResponse[] = [];
const report = (questionId: string, playerId: string): QuestionReport => ({
  questionId,
  playerId,
  reason: 'ambiguous',
  text: '',
  at: 0,
});

function rows() {
  const stats = scopeItemStatistics(counters, responses);
  return questionFigures(stats, [q1, q2, q3], [report('q-2', 'U1'), report('q-2', 'U2')], new Set(['q-2']));
}

describe('questionFigures', () => {
  it('lists every answered version and each unanswered bank question, with flags, reports and state', () => {
    const all = rows();
    expect(all.map((r) => [r.id, r.version, r.current])).toEqual([
      ['q-1', v1, true],
      ['q-1', 'old', false],
      ['q-2', v2, true],
      ['q-3', questionVersion(q3), true],
    ]);
    const [current, old, second, unanswered] = all;
    expect(current).toMatchObject({
      answered: 40,
      weakDistractors: ['A', 'C', 'D'],
      reports: 0,
      suspended: false,
    });
    expect(current?.flags).toEqual(['too-easy', 'weak-distractors']);
    // An older version's options are not the bank's: no distractor judgement.
    expect(old).toMatchObject({ flags: ['too-hard'], weakDistractors: [] });
    expect(second).toMatchObject({ domain: 'monitoring', reports: 2, suspended: true, flags: ['too-hard'] });
    expect(unanswered).toMatchObject({ answered: 0, p: null, flags: [] });
  });

  it('filters and sorts as asked; rows without the figure go last', () => {
    const all = rows();
    const pick = (q: Partial<typeof DEFAULT_QUESTION_QUERY>) =>
      selectQuestionRows(all, { ...DEFAULT_QUESTION_QUERY, ...q }).map((r) => `${r.id}@${r.version}`);
    expect(pick({ filter: 'reported' })).toEqual([`q-2@${v2}`]);
    expect(pick({ filter: 'weak-distractors' })).toEqual([`q-1@${v1}`]);
    expect(pick({ filter: 'flagged', section: 'low-code-ai' })).toEqual([`q-1@${v1}`, 'q-1@old']);
    expect(pick({ sort: 'p' })).toEqual(['q-1@old', `q-2@${v2}`, `q-1@${v1}`, `q-3@${questionVersion(q3)}`]);
    expect(pick({ sort: 'p', desc: true })).toEqual([
      `q-1@${v1}`,
      `q-2@${v2}`,
      'q-1@old',
      `q-3@${questionVersion(q3)}`,
    ]);
    expect(pick({ sort: 'answered', desc: true })[0]).toBe(`q-1@${v1}`);
  });

  it('reads the query from URL parameters and falls back on unknown values without an error', () => {
    const sections = ['low-code-ai', 'monitoring'];
    expect(
      parseQuestionQuery(
        new URLSearchParams('sort=p&order=desc&filter=reported&section=monitoring'),
        sections,
      ),
    ).toEqual({ sort: 'p', desc: true, filter: 'reported', section: 'monitoring' });
    expect(
      parseQuestionQuery(new URLSearchParams('sort=<x>&order=up&filter=__proto__&section=nope'), sections),
    ).toEqual(DEFAULT_QUESTION_QUERY);
  });
});
