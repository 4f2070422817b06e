import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_DAYS,
  FORECAST_DAYS,
  meProgress,
} from '../../../../../src/core/learning/dashboard/me-progress.js';
import type { ExamResult } from '../../../../../src/core/model/exam.js';
import type { ReviewLogEntry } from '../../../../../src/core/ports/learning-store.js';
import { aBank, DOMAINS, someQuestions } from '../../../../support/builders.js';

const TZ = 'Asia/Tokyo';
// 2026-12-07 12:00 in Tokyo (03:00 UTC), a Monday.
const NOW = Date.parse('2026-12-07T03:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const bank = aBank(someQuestions(8));

function entry(at: number, questionId: string, correct = true): ReviewLogEntry {
  return { at, questionId, domain: 'low-code-ai', roundKind: 'daily', correct, guessed: false };
}

function progress(log: ReviewLogEntry[], extra: Partial<Parameters<typeof meProgress>[0]> = {}) {
  return meProgress({
    log,
    examHistory: [],
    suspended: new Set(),
    reviewsOn: true,
    examDate: null,
    streak: 2,
    bestStreak: 5,
    bank,
    domains: DOMAINS,
    now: NOW,
    timeZone: TZ,
    ...extra,
  });
}

describe('meProgress', () => {
  it('counts answers per calendar day of the bot time zone over the last 8 weeks', () => {
    const log = [
      // 2026-12-06 23:30 and 2026-12-07 00:30 in Tokyo: two different days, though 1 h apart.
      entry(Date.parse('2026-12-06T14:30:00Z'), 'q-1'),
      entry(Date.parse('2026-12-06T15:30:00Z'), 'q-2', false),
      entry(Date.parse('2026-12-06T16:30:00Z'), 'q-3'),
      // 56 days back is outside the chart (it starts 55 days before today).
      entry(NOW - 56 * DAY, 'q-4'),
    ];
    const { activity } = progress(log);
    expect(activity).toHaveLength(ACTIVITY_DAYS);
    expect(activity[0]?.day).toBe('2026-10-13');
    expect(activity.at(-1)).toEqual({ day: '2026-12-07', answered: 2, right: 1 });
    expect(activity.at(-2)).toEqual({ day: '2026-12-06', answered: 1, right: 1 });
    expect(activity.reduce((s, d) => s + d.answered, 0)).toBe(3);
  });

  it('forecasts the FSRS due dates of servable cards, with overdue ones on today', () => {
    const log = [
      // Answered wrong 3 days ago: due a day later, so overdue now.
      entry(NOW - 3 * DAY, 'q-1', false),
      // Answered right just now: due some days ahead.
      entry(NOW, 'q-2'),
      // Suspended in the scope, and a question no longer in the bank: never served, never forecast.
      entry(NOW - 3 * DAY, 'q-3', false),
      entry(NOW - 3 * DAY, 'gone', false),
    ];
    const { forecast } = progress(log, { suspended: new Set(['q-3']) });
    expect(forecast).toHaveLength(FORECAST_DAYS);
    expect(forecast[0]).toEqual({ day: '2026-12-07', due: 1 });
    const later = forecast.slice(1).filter((d) => d.due > 0);
    expect(later.map((d) => d.due)).toEqual([1]);
    expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(2);
  });

  it('gives readiness, streak, the exam date countdown and exam results in the guide order', () => {
    const log = Array.from({ length: 6 }, (_, i) => entry(NOW - i * HOUR, `q-${i + 1}`, i !== 0));
    const exam: ExamResult = {
      examId: 'e1',
      form: 'sprint',
      startedAt: NOW - 2 * DAY,
      submittedAt: NOW - 2 * DAY + HOUR,
      usedMs: HOUR,
      right: 7,
      total: 10,
      sections: [
        { domain: 'monitoring', right: 3, total: 5 },
        { domain: 'low-code-ai', right: 4, total: 5 },
      ],
      timedOut: false,
      questionIds: [],
    };
    const result = progress(log, { examHistory: [exam], examDate: '2026-12-21' });
    expect(result.readiness.sections[0]?.interval?.estimate).toBeCloseTo(5 / 6, 2);
    expect(result.readiness.sections[1]?.interval).toBeNull();
    expect(result.streak).toBe(2);
    expect(result.bestStreak).toBe(5);
    expect(result.examDate).toEqual({ date: '2026-12-21', daysLeft: 14 });
    expect(result.exams[0]?.day).toBe('2026-12-05');
    expect(result.exams[0]?.sections.map((s) => s.domain)).toEqual(['low-code-ai', 'monitoring']);
  });
});
