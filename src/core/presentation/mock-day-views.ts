import type { MockDayEntry } from '../exam/exam-service.js';
import { readinessBar, wilson } from '../learning/readiness.js';
import { EXAM_FORMS, type MockDay } from '../model/exam.js';
import type { QuestionBank } from '../ports/question-bank.js';
import type { TextView } from '../ports/views.js';
import { encodeAction } from './action-id.js';
import type { Messages } from './messages/index.js';
import { formatTime, textView } from './views.js';

/** Section averages need this many participants: with fewer, a section's figure would point at a person. */
export const MIN_SUMMARY_PARTICIPANTS = 3;
/** How many opted-in players the summary names. */
const TOP = 5;

const percent = (share: number): number => Math.round(share * 100);

/** The channel post at a mock day's start: what it is, until when, and the Start button. */
export function mockDayPostView(day: MockDay, timeZone: string, m: Messages): TextView {
  const form = EXAM_FORMS[day.form];
  return textView(
    m.exam.mockDayTitle(m.exam.formName(day.form, null)),
    [
      m.exam.mockDayPost(
        day.items.length,
        form.minutes,
        formatTime(day.startsAt + day.windowMs, timeZone, m),
      ),
    ],
    {
      buttons: [
        { label: m.exam.mockDayStartButton, action: encodeAction({ kind: 'exam-mockday', dayId: day.id }) },
      ],
    },
  );
}

/**
 * The channel summary: participants, the team's section averages with 95 % ranges (pooled answers, only from
 * `MIN_SUMMARY_PARTICIPANTS`), the score distribution in 20-point bands, and the top scores of players who
 * opted in, by the names they started with. Google publishes no pass mark, so neither
 * does the summary.
 */
export function mockDaySummaryView(
  day: MockDay,
  entries: readonly MockDayEntry[],
  publicPlayers: ReadonlySet<string>,
  bank: QuestionBank,
  m: Messages,
): TextView {
  const lines = [m.exam.summaryParticipants(entries.length)];
  const sections = [];
  if (entries.length >= MIN_SUMMARY_PARTICIPANTS) {
    const pooled = new Map<string, { right: number; total: number }>();
    for (const { result } of entries) {
      for (const s of result.sections) {
        const p = pooled.get(s.domain) ?? { right: 0, total: 0 };
        p.right += s.right;
        p.total += s.total;
        pooled.set(s.domain, p);
      }
    }
    const rows = bank
      .domains()
      .filter((d) => pooled.has(d.id))
      .map((d) => {
        const p = pooled.get(d.id) ?? { right: 0, total: 0 };
        const w = wilson(p.right, p.total);
        return `${readinessBar(w.estimate)} ${d.name[m.locale]}: ${percent(w.estimate)}% (${percent(w.low)}-${percent(w.high)}%)`;
      });
    sections.push({ title: m.exam.summarySectionsTitle, body: rows.join('\n') });
  } else {
    lines.push(m.exam.summarySectionsNeedThree(MIN_SUMMARY_PARTICIPANTS));
  }
  const share = (e: MockDayEntry): number => (e.result.total === 0 ? 0 : e.result.right / e.result.total);
  const bands = [0, 20, 40, 60, 80].map((from) => {
    const count = entries.filter((e) => {
      const p = percent(share(e));
      return p >= from && (from === 80 ? p <= 100 : p < from + 20);
    }).length;
    return `${String(from).padStart(2)}-${from === 80 ? 100 : from + 19}%: ${'█'.repeat(count)} ${count}`;
  });
  sections.push({ title: m.exam.summaryDistributionTitle, body: bands.join('\n') });
  const named = entries
    .filter((e) => publicPlayers.has(e.playerId))
    .sort((a, b) => share(b) - share(a))
    .slice(0, TOP);
  sections.push({
    title: m.exam.summaryTopTitle,
    body:
      named.length > 0
        ? named.map((e, i) => m.exam.summaryTopRow(i + 1, e.name || m.noName, percent(share(e)))).join('\n')
        : m.exam.summaryNoPublic,
  });
  lines.push(m.exam.summaryNote);
  return textView(m.exam.summaryTitle(m.exam.formName(day.form, null)), lines, { sections });
}
