import { describe, expect, it } from 'vitest';
import { renderMePage } from '../../../../src/adapters/http/dashboard/me-page.js';
import { pageMessages } from '../../../../src/adapters/http/dashboard/page-messages.js';
import type { MeProgress } from '../../../../src/core/learning/dashboard/me-progress.js';
import { DOMAINS } from '../../../support/builders.js';

const model: MeProgress = {
  readiness: {
    sections: [
      {
        domainId: 'low-code-ai',
        answered: 8,
        effective: 8,
        interval: { estimate: 0.75, low: 0.41, high: 0.93 },
      },
      { domainId: 'monitoring', answered: 2, effective: 2, interval: null },
    ],
    overall: { estimate: 0.75, low: 0.41, high: 0.93, coveredWeight: 13, totalWeight: 26 },
    weakest: 'low-code-ai',
  },
  activity: [{ day: '2026-12-07', answered: 3, right: 2 }],
  forecast: [
    { day: '2026-12-07', due: 4 },
    { day: '2026-12-08', due: 1 },
  ],
  reviewsOn: false,
  exams: [
    {
      examId: 'e1',
      form: 'sprint',
      submittedAt: 0,
      day: '2026-12-05',
      right: 7,
      total: 10,
      timedOut: true,
      sections: [{ domain: 'monitoring', right: 3, total: 5 }],
    },
  ],
  streak: 3,
  bestStreak: 9,
  examDate: { date: '2026-12-21', daysLeft: 14 },
};

describe('renderMePage', () => {
  it('shows readiness with its range or "not enough data", reviews, exams, streak and exam date (en)', () => {
    const html = renderMePage(model, DOMAINS, pageMessages('en')).value;
    expect(html).toContain('75% (41%–93%)');
    expect(html).toContain('not enough data (2 of 5)');
    expect(html).toContain('It counts only the sections with enough answers, 50% of the exam.');
    expect(html).toContain('Your reviews are off');
    expect(html).toContain('5 reviews due in the next 2 days.');
    expect(html).toContain(
      '<th scope="row">2026-12-05</th><td>Sprint mock exam</td><td>7/10 (70%) · time ran out</td><td>–</td><td>3/5</td>',
    );
    expect(html).toContain('Streak: 3 (best 9)');
    expect(html).toContain('Exam: 2026-12-21, 14 days left');
  });

  it('says the same in Japanese', () => {
    const html = renderMePage(model, DOMAINS, pageMessages('ja')).value;
    expect(html).toContain('75%（41%〜93%）');
    expect(html).toContain('データ不足（2 問 / 最低 5 問）');
    expect(html).toContain('復習はオフになっています');
    expect(html).toContain('模擬試験 (スプリント)');
    expect(html).toContain('時間切れ');
    expect(html).toContain('連続正解: 3（最高 9）');
    expect(html).toContain('試験日: 2026-12-21（あと 14 日）');
  });

  it('invites a first mock exam when there is none', () => {
    const html = renderMePage({ ...model, exams: [], examDate: null }, DOMAINS, pageMessages('en')).value;
    expect(html).toContain('No mock exams yet.');
    expect(html).toContain('No exam date set');
  });
});
