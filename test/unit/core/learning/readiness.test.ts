import { describe, expect, it } from 'vitest';
import {
  HALF_LIFE_DAYS,
  MIN_EFFECTIVE_ANSWERS,
  readiness,
  readinessBar,
  recencyWeight,
  type ScoredAnswer,
  wilson,
} from '../../../../src/core/learning/readiness.js';
import type { ExamDomain } from '../../../../src/core/model/model.js';

const NOW = Date.UTC(2026, 10, 27);
const DAY = 86_400_000;
const section = (id: string, weight: number): ExamDomain => ({
  id,
  section: 1,
  name: { ja: id, en: id },
  weight,
});
const DOMAINS = [section('a', 30), section('b', 10), section('c', 60)];

/** `right` of `count` distinct questions of `domain`, answered by `playerId` `ageDays` ago. */
function answers(domain: string, count: number, right: number, ageDays = 0, playerId = 'U1'): ScoredAnswer[] {
  return Array.from({ length: count }, (_, i) => ({
    playerId,
    questionId: `${domain}-${ageDays}-${i}`,
    domain,
    correct: i < right,
    at: NOW - ageDays * DAY,
  }));
}

describe('readiness math', () => {
  it('gives the Wilson 95% interval (6 of 8: 40.9-92.9%, 1 of 5: 3.6-62.4%)', () => {
    const six = wilson(6, 8);
    expect(six.estimate).toBe(0.75);
    expect(six.low).toBeCloseTo(0.40927, 5);
    expect(six.high).toBeCloseTo(0.928522, 5);
    const one = wilson(1, 5);
    expect(one.low).toBeCloseTo(0.036223, 5);
    expect(one.high).toBeCloseTo(0.624472, 5);
  });

  it('weights sections by the guide, skips sections below the minimum, and names the weakest', () => {
    const result = readiness(
      [...answers('a', 8, 6), ...answers('b', 5, 1), ...answers('c', 4, 4)],
      DOMAINS,
      NOW,
    );
    const [a, b, c] = result.sections;
    expect(a).toMatchObject({ domainId: 'a', answered: 8, effective: 8 });
    expect(a?.interval?.estimate).toBe(0.75);
    expect(b?.interval?.estimate).toBeCloseTo(0.2, 10);
    expect(c).toMatchObject({ domainId: 'c', answered: 4, interval: null }); // 4 < 5: not enough data
    // (30 × 0.75 + 10 × 0.2) / 40, over 40 of the 100 weight points.
    expect(result.overall?.estimate).toBeCloseTo(0.6125, 10);
    expect(result.overall?.low).toBeCloseTo((30 * 0.40927 + 10 * 0.036223) / 40, 4);
    expect(result.overall?.high).toBeCloseTo((30 * 0.928522 + 10 * 0.624472) / 40, 4);
    expect(result.overall).toMatchObject({ coveredWeight: 40, totalWeight: 100 });
    expect(result.weakest).toBe('b');
  });

  it('halves the weight of an answer every 30 days and sizes the interval by the effective count', () => {
    expect(recencyWeight(NOW - HALF_LIFE_DAYS * DAY, NOW)).toBeCloseTo(0.5, 10);
    // 6 fresh answers (3 right) and 2 right ones 30 days old: p = (3 + 2 × 0.5) / 7 = 4/7;
    // effective n = 7² / (6 + 2 × 0.25) = 49 / 6.5.
    const result = readiness([...answers('a', 6, 3), ...answers('a', 2, 2, 30)], DOMAINS, NOW);
    const a = result.sections[0];
    expect(a?.answered).toBe(8);
    expect(a?.effective).toBeCloseTo(49 / 6.5, 10);
    expect(a?.interval?.estimate).toBeCloseTo(4 / 7, 10);
    expect(a?.interval?.low).toBeCloseTo(0.258781, 5);
    expect(a?.interval?.high).toBeCloseTo(0.835851, 5);
  });

  it('says "not enough data" when old answers bring the effective count under the minimum', () => {
    // Four fresh answers and one 30 days old: 5 questions, but (4.5)² / 4.25 = 4.76 effective.
    const result = readiness([...answers('a', 4, 4), ...answers('a', 1, 1, 30)], DOMAINS, NOW);
    expect(result.sections[0]).toMatchObject({ answered: 5, interval: null });
    expect(result.sections[0]?.effective).toBeLessThan(MIN_EFFECTIVE_ANSWERS);
    expect(result.overall).toBeNull();
    expect(result.weakest).toBeNull();
  });

  it('counts a question once per player, by the latest answer, and pools a team', () => {
    const wrongThenRight: ScoredAnswer[] = [
      ...answers('a', 5, 0, 1).map((x) => ({ ...x, questionId: x.questionId.replace('-1-', '-') })),
      ...answers('a', 5, 5, 0).map((x) => ({ ...x, questionId: x.questionId.replace('-0-', '-') })),
    ];
    const solo = readiness(wrongThenRight, DOMAINS, NOW).sections[0];
    expect(solo?.answered).toBe(5);
    expect(solo?.interval?.estimate).toBe(1);
    const team = readiness([...answers('a', 5, 5, 0, 'U1'), ...answers('a', 5, 0, 0, 'U2')], DOMAINS, NOW);
    expect(team.sections[0]).toMatchObject({ answered: 10 });
    expect(team.sections[0]?.interval?.estimate).toBe(0.5);
  });

  it('draws the bar in five segments', () => {
    expect(readinessBar(0)).toBe('▱▱▱▱▱');
    expect(readinessBar(0.62)).toBe('▰▰▰▱▱');
    expect(readinessBar(1)).toBe('▰▰▰▰▰');
  });
});
