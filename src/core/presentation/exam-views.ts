import type { ExamReport } from '../exam/exam-service.js';
import { readinessBar, wilson } from '../learning/readiness.js';
import type { Exam, ExamResult } from '../model/exam.js';
import { EXAM_FORMS } from '../model/exam.js';
import type { ExamDomain } from '../model/model.js';
import type { QuestionBank } from '../ports/question-bank.js';
import type { ButtonView, TextView } from '../ports/views.js';
import { decodePicks, displayedChoices } from '../rounds/choices.js';
import { encodeAction } from './action-id.js';
import { lettersOf } from './answer-text.js';
import type { Messages } from './messages/index.js';
import { formatTime, textView } from './views.js';

/** Wrong and flagged questions per report page: each carries its explanation, so pages stay readable. */
export const REPORT_PAGE_SIZE = 5;

const percent = (share: number): number => Math.round(share * 100);

/** The exam's form as a heading: "Sprint mock exam", "Section mock exam (pipelines)". */
export function examFormName(exam: Pick<Exam, 'form' | 'section'>, m: Messages): string {
  return m.exam.formName(exam.form, exam.section ?? null);
}

/**
 * One line that maps the whole exam: `1✓ 2✓ 3▸ 4· 5⚑`. Typed or read aloud it is the navigator; the chat
 * platforms add their own clickable one beside it.
 */
export function navigatorLine(exam: Exam): string {
  return exam.items
    .map((_, i) => {
      const mark =
        i === exam.position ? '▸' : exam.flags[i] ? '⚑' : (exam.answers[i] ?? '') !== '' ? '✓' : '·';
      return `${i + 1}${mark}`;
    })
    .join(' ');
}

/** The state of question `i` for a navigator: answered, flagged (either way), or neither. */
export function navigatorMark(exam: Exam, i: number): string {
  return exam.flags[i] ? '⚑' : (exam.answers[i] ?? '') !== '' ? '✓' : '·';
}

export interface ExamQuestionInput {
  exam: Exam;
  bank: QuestionBank;
  timeZone: string;
  now: number;
  m: Messages;
  /** A line above the question (the exam started or resumed, an answer refused). */
  note?: string;
}

/**
 * The question at the exam's position: "Question 3 of 10", the deadline, the stem and choices in the exam's
 * order, the player's current answer, the navigator line; buttons for the letters (single-answer questions),
 * Flag, Previous, Next and Submit. No right or wrong.
 */
export function examQuestionView(input: ExamQuestionInput): TextView {
  const { exam, m } = input;
  const index = exam.position;
  const item = exam.items[index];
  const question = item ? input.bank.get(item.questionId) : undefined;
  const shown = question && item ? displayedChoices(question, { choiceOrder: item.choiceOrder }) : [];
  const picks = item ? decodePicks(item.answer).length : 1;
  const answer = exam.answers[index] ?? '';
  const letters = answer === '' ? null : lettersOf(shown, decodePicks(answer)).join(', ');
  const minutesLeft = Math.max(0, Math.ceil((exam.deadline - input.now) / 60_000));
  const domain = item ? input.bank.domain(item.domain) : undefined;
  const title = `${m.exam.questionOf(index + 1, exam.items.length)}${exam.flags[index] ? ` · ${m.exam.flaggedMark}` : ''}`;
  const lines = [
    ...(input.note ? [input.note, ''] : []),
    `${examFormName(exam, m)}${domain ? ` · ${domain.name[m.locale]}` : ''} · ${m.exam.deadline(formatTime(exam.deadline, input.timeZone, m), minutesLeft)}`,
    '',
    question ? question.stem[m.locale] : m.exam.questionGone,
    ...(picks > 1 ? [m.pickTitle(picks)] : []),
    '',
    ...shown.map((d) => `${d.letter}. ${d.choice.text[m.locale]}`),
    '',
    m.exam.currentAnswer(letters, picks),
    navigatorLine(exam),
  ];
  return textView(title, lines, {
    buttons: examButtons(
      exam,
      shown.map((d) => ({ letter: d.letter, key: d.choice.key })),
      picks,
      m,
    ),
  });
}

function examButtons(
  exam: Exam,
  shown: readonly { letter: string; key: string }[],
  picks: number,
  m: Messages,
): ButtonView[] {
  const index = exam.position;
  const last = exam.items.length - 1;
  // A multiple-select answer is a set: typed in the console, picked from the platforms' own menu.
  const letters =
    picks === 1
      ? shown.map((d) => ({
          label: d.letter,
          action: encodeAction({ kind: 'exam-answer', examId: exam.id, index, choice: d.key }),
        }))
      : [];
  return [
    ...letters,
    {
      label: exam.flags[index] ? m.exam.unflagButton : m.exam.flagButton,
      action: encodeAction({ kind: 'exam-flag', examId: exam.id, index }),
    },
    ...(index > 0
      ? [
          {
            label: m.exam.previousButton,
            action: encodeAction({ kind: 'exam-go', examId: exam.id, index: index - 1 }),
          },
        ]
      : []),
    ...(index < last
      ? [
          {
            label: m.exam.nextButton,
            action: encodeAction({ kind: 'exam-go', examId: exam.id, index: index + 1 }),
          },
        ]
      : []),
    { label: m.exam.submitButton, action: encodeAction({ kind: 'exam-submit', examId: exam.id }) },
  ];
}

/** "7 min 30 s" style durations are overkill here: minutes and seconds as `m:ss`. */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The report: the score, per section a bar with the 95 % Wilson range, the time used, the change since the
 * previous exam of the form, the note that this is practice; then page `page` of the wrong and flagged
 * questions with the right answer and the explanation.
 */
export function examReportView(
  report: ExamReport,
  bank: QuestionBank,
  m: Messages,
  page = 1,
  note?: string,
): TextView {
  const { exam, result, previous } = report;
  const share = result.total === 0 ? 0 : result.right / result.total;
  const lines = [
    ...(note ? [note, ''] : []),
    m.exam.reportTime(duration(result.usedMs), EXAM_FORMS[result.form].minutes),
    previous
      ? m.exam.reportChange(percent(share) - percent(shareOf(previous)), percent(shareOf(previous)))
      : m.exam.reportFirst,
    '',
    ...result.sections.map((s) => {
      const interval = wilson(s.right, s.total);
      return m.exam.reportSection(
        sectionName(bank.domains(), s.domain, m),
        readinessBar(s.total === 0 ? 0 : s.right / s.total),
        s.right,
        s.total,
        percent(interval.estimate),
        percent(interval.low),
        percent(interval.high),
      );
    }),
    '',
    m.exam.reportNote,
  ];
  const review = exam.items.flatMap((item, i) => {
    const wrong = (exam.answers[i] ?? '') !== item.answer;
    return wrong || exam.flags[i] ? [i] : [];
  });
  const pages = Math.max(1, Math.ceil(review.length / REPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const sections = review.slice((current - 1) * REPORT_PAGE_SIZE, current * REPORT_PAGE_SIZE).map((i) => {
    const item = exam.items[i];
    const question = item ? bank.get(item.questionId) : undefined;
    if (!item || !question)
      return { title: m.exam.questionOf(i + 1, exam.items.length), body: m.exam.questionGone };
    const shown = displayedChoices(question, { choiceOrder: item.choiceOrder });
    const yours = exam.answers[i] ? lettersOf(shown, decodePicks(exam.answers[i] ?? '')).join(', ') : '-';
    const right = lettersOf(shown, decodePicks(item.answer)).join(', ');
    return {
      title: m.exam.reportItemTitle(i + 1, exam.flags[i] ?? false),
      body: [
        question.stem[m.locale],
        m.exam.reportAnswers(yours, right),
        question.explanation[m.locale],
      ].join('\n'),
    };
  });
  if (review.length === 0) lines.push('', m.exam.reportNothingToReview);
  else lines.push('', m.exam.reportReviewTitle(current, pages));
  const buttons: ButtonView[] =
    current < pages
      ? [{ label: m.exam.reportMoreButton, action: encodeAction({ kind: 'exam-report', page: current + 1 }) }]
      : [];
  return textView(
    m.exam.reportTitle(examFormName(result, m), result.right, result.total, percent(share)),
    lines,
    { sections, buttons },
  );
}

function shareOf(result: ExamResult): number {
  return result.total === 0 ? 0 : result.right / result.total;
}

function sectionName(domains: readonly ExamDomain[], id: string, m: Messages): string {
  return domains.find((d) => d.id === id)?.name[m.locale] ?? id;
}

/** `/quiz exam history`: one line per result, newest first. */
export function examHistoryView(history: readonly ExamResult[], timeZone: string, m: Messages): TextView {
  if (history.length === 0) return textView(m.exam.historyTitle, [m.exam.historyNone]);
  return textView(
    m.exam.historyTitle,
    history.map((r) =>
      m.exam.historyRow(
        formatTime(r.submittedAt, timeZone, m),
        examFormName(r, m),
        r.right,
        r.total,
        percent(shareOf(r)),
        r.timedOut,
      ),
    ),
  );
}
