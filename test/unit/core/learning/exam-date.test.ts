import { describe, expect, it } from 'vitest';
import {
  checkExamDate,
  daysUntil,
  inExamCrunch,
  parseExamDate,
} from '../../../../src/core/learning/exam-date.js';

// 2026-11-26 20:00 UTC: already 27 November in Tokyo (05:00), still the 26th in UTC.
const NOW = Date.parse('2026-11-26T20:00:00Z');

describe('exam date', () => {
  it.each(['2027/03/01', '27-03-01', '2027-3-1', 'tomorrow', '2027-03-01T09:00', ''])(
    'calls %j malformed',
    (text) => {
      expect(parseExamDate(text)).toEqual({ kind: 'malformed' });
    },
  );

  it.each(['2027-02-29', '2027-02-30', '2027-13-01', '2027-04-31', '2027-00-10'])(
    'knows %s is no day of the calendar',
    (text) => {
      expect(parseExamDate(text)).toEqual({ kind: 'no-such-day' });
    },
  );

  it('reads a real date, 29 February of a leap year included', () => {
    expect(parseExamDate(' 2028-02-29 ')).toEqual({ kind: 'date', date: '2028-02-29' });
    expect(parseExamDate('2027-03-01')).toEqual({ kind: 'date', date: '2027-03-01' });
  });

  it("counts calendar days in the time zone it is given: Tokyo's today is UTC's tomorrow", () => {
    expect(daysUntil('2026-11-27', NOW, 'Asia/Tokyo')).toBe(0);
    expect(daysUntil('2026-11-27', NOW, 'UTC')).toBe(1);
    expect(daysUntil('2026-12-11', NOW, 'Asia/Tokyo')).toBe(14);
    expect(daysUntil('2026-11-26', NOW, 'Asia/Tokyo')).toBe(-1);
    // Local midnight, not 24 hours from now, moves the count.
    expect(daysUntil('2026-11-28', Date.parse('2026-11-27T14:59:59Z'), 'Asia/Tokyo')).toBe(1);
    expect(daysUntil('2026-11-28', Date.parse('2026-11-27T15:00:00Z'), 'Asia/Tokyo')).toBe(0);
  });

  it('refuses a past date and one more than two years ahead, in the time zone it is given', () => {
    expect(checkExamDate('2026-11-26', NOW, 'Asia/Tokyo')).toEqual({ kind: 'past', today: '2026-11-27' });
    expect(checkExamDate('2026-11-26', NOW, 'UTC')).toEqual({ kind: 'ok', daysLeft: 0 });
    expect(checkExamDate('2026-11-27', NOW, 'Asia/Tokyo')).toEqual({ kind: 'ok', daysLeft: 0 });
    expect(checkExamDate('2028-11-27', NOW, 'Asia/Tokyo')).toEqual({ kind: 'ok', daysLeft: 731 });
    expect(checkExamDate('2028-11-28', NOW, 'Asia/Tokyo')).toEqual({
      kind: 'too-far',
      latest: '2028-11-27',
    });
    // Two years after 29 February is 28 February, never a day more.
    const leapDay = Date.parse('2028-02-29T03:00:00Z');
    expect(checkExamDate('2030-02-28', leapDay, 'UTC').kind).toBe('ok');
    expect(checkExamDate('2030-03-01', leapDay, 'UTC')).toEqual({ kind: 'too-far', latest: '2030-02-28' });
  });

  it('is in its last 14 days from 14 days left to the day itself', () => {
    expect([null, -1, 0, 1, 14, 15].map(inExamCrunch)).toEqual([false, false, true, true, true, false]);
  });
});
