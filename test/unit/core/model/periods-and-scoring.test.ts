import { describe, expect, it } from 'vitest';
import {
  monthKey,
  PERIOD_RETENTION_DAYS,
  periodBuckets,
  periodSpan,
  weekKey,
} from '../../../../src/core/model/periods.js';
import { POINTS_BY_STREAK, pointsForCorrectAnswer } from '../../../../src/core/model/scoring.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';

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

describe('periods named by their dates', () => {
  const ja = messagesFor('ja');
  const en = messagesFor('en');

  it('names a week by its Monday to Sunday, a month by its name', () => {
    expect(ja.leaderboardTitle('week', '2026-W48')).toBe('11/23〜11/29 のランキング');
    expect(en.leaderboardTitle('week', '2026-W48')).toBe('Leaderboard, Nov 23–29');
    expect(en.leaderboardTitle('week', '2026-W49')).toBe('Leaderboard, Nov 30–Dec 6');
    expect(en.leaderboardTitle('week', '2026-W53')).toBe('Leaderboard, Dec 28–Jan 3');
    expect(ja.leaderboardTitle('month', '2026-11')).toBe('2026年11月のランキング');
    expect(en.teamLeaderboardTitle('month', '2026-11')).toMatch(/^Team leaderboard, November 2026: /);
    expect(ja.leaderboardTitle('all', 'all')).toBe('累計のランキング');
    expect(en.digestTitle('2026-W01')).toBe("Last week's leaders (Dec 29–Jan 4)");
    expect(periodSpan('2026-W01')).toEqual({
      kind: 'week',
      from: { year: 2025, month: 12, day: 29 },
      to: { year: 2026, month: 1, day: 4 },
    });
  });

  it('words the streak as right daily answers in a row, and never mixes languages', () => {
    expect(en.correct(12, 3)).toBe('Correct! +12 points · 3 right daily answers in a row');
    expect(ja.statsStreak(3, 5)).toBe('今日の問題の連続正解: 3 回（最高 5 回）');
    expect(ja.invalidCron('61 * * * *', 'minute "61": out of range')).not.toContain('out of range');
    expect(ja.statsTitle(null)).toBe('あなたの成績');
    expect(en.statsTitle(null)).toBe('Your stats');
  });
});
