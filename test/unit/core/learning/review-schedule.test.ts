import { describe, expect, it } from 'vitest';
import { cardsFromLog } from '../../../../src/core/learning/review-schedule.js';
import type { ReviewLogEntry } from '../../../../src/core/ports/learning-store.js';

const DAY = 24 * 60 * 60_000;
const entry = (at: number, correct: boolean): ReviewLogEntry => ({
  at,
  questionId: 'q-1',
  domain: 'monitoring',
  roundKind: 'daily',
  correct,
  guessed: false,
});

describe('review schedule', () => {
  // The wrong-answer feedback promises "tomorrow at the earliest": no history may bring one back sooner.
  it.each([
    ['a first wrong answer', [false]],
    ['a lapse after a long run of right answers', [true, true, true, true, true, false]],
    ['wrong twice in a row', [false, false]],
  ])('%s is due again a day later at the soonest', (_name, answers) => {
    let at = Date.parse('2026-11-27T00:00:00Z');
    const log: ReviewLogEntry[] = [];
    for (const correct of answers) {
      log.push(entry(at, correct));
      at = (cardsFromLog(log).get('q-1')?.due ?? at) + 60_000;
    }
    const last = log.at(-1) as ReviewLogEntry;
    expect(cardsFromLog(log).get('q-1')?.due).toBeGreaterThanOrEqual(last.at + DAY);
  });
});
