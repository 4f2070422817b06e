import { describe, expect, it } from 'vitest';
import { monthKey, PERIOD_RETENTION_DAYS, periodBuckets, weekKey } from '../../../src/core/periods.js';
import { POINTS_BY_STREAK, pointsForCorrectAnswer } from '../../../src/core/scoring.js';

describe('periods', () => {
  it('counts ISO weeks and months in the scope time zone', () => {
    // Sunday 2026-11-29 20:00 UTC is already Monday 2026-11-30 in Tokyo.
    const t = Date.parse('2026-11-29T20:00:00Z');
    expect(weekKey(t, 'Asia/Tokyo')).toBe('2026-W49');
    expect(weekKey(t, 'UTC')).toBe('2026-W48');
    expect(monthKey(Date.parse('2026-11-30T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-12');
  });

  it('puts the first days of January in the previous ISO year when the week says so', () => {
    expect(weekKey(Date.parse('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(Date.parse('2026-01-01T12:00:00Z'), 'UTC')).toBe('2026-W01');
  });

  it('expires period buckets about 400 days after their period ends', () => {
    const t = Date.parse('2026-11-27T00:00:00Z');
    const buckets = periodBuckets(t, 'Asia/Tokyo');
    const days = (ms: number) => (ms - t) / 86_400_000;
    expect(days(buckets.week.expiresAt)).toBeGreaterThan(PERIOD_RETENTION_DAYS);
    expect(days(buckets.week.expiresAt)).toBeLessThan(PERIOD_RETENTION_DAYS + 9);
    expect(days(buckets.month.expiresAt)).toBeGreaterThan(PERIOD_RETENTION_DAYS);
    expect(days(buckets.month.expiresAt)).toBeLessThan(PERIOD_RETENTION_DAYS + 33);
  });
});

describe('scoring', () => {
  it('gives 10 points plus 1 per day of streak, up to +5', () => {
    expect([0, 1, 2, 5, 6, 30].map(pointsForCorrectAnswer)).toEqual([10, 11, 12, 15, 15, 15]);
    expect(POINTS_BY_STREAK).toEqual([10, 11, 12, 13, 14, 15]);
  });
});
