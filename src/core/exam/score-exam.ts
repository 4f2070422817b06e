import type { Exam } from '../model/exam.js';
import { EXAM_FORMS } from '../model/exam.js';
import type { ExamItemAnswer, ExamSubmission } from '../ports/exam-store.js';

/** Whether answer `index` is wholly right (the exact set of a multiple-select question); unanswered is wrong. */
export function isRight(exam: Exam, index: number): boolean {
  const answer = exam.answers[index] ?? '';
  return answer !== '' && answer === exam.items[index]?.answer;
}

/** The indexes of unanswered questions. */
export function unansweredIndexes(exam: Exam): number[] {
  return exam.items.flatMap((_, i) => ((exam.answers[i] ?? '') === '' ? [i] : []));
}

export function flaggedIndexes(exam: Exam): number[] {
  return exam.items.flatMap((_, i) => (exam.flags[i] ? [i] : []));
}

/**
 * The submission of `exam` at `now`: the result (per section in the order of `sectionOrder`, sections with no
 * question left out), the answered questions for the review log, and their item-statistics rows.
 */
export function scoreExam(
  exam: Exam,
  now: number,
  sectionOrder: readonly string[],
  timedOut: boolean,
): ExamSubmission {
  const limitMs = EXAM_FORMS[exam.form].minutes * 60_000;
  const bySection = new Map<string, { right: number; total: number }>();
  let right = 0;
  const items: ExamItemAnswer[] = [];
  const at = Math.min(now, exam.deadline);
  exam.items.forEach((item, i) => {
    const ok = isRight(exam, i);
    if (ok) right += 1;
    const section = bySection.get(item.domain) ?? { right: 0, total: 0 };
    section.total += 1;
    if (ok) section.right += 1;
    bySection.set(item.domain, section);
    const choice = exam.answers[i] ?? '';
    if (choice !== '')
      items.push({ questionId: item.questionId, version: item.version, correct: ok, choice });
  });
  const ordered = [...bySection.keys()].sort(
    (a, b) => rank(sectionOrder, a) - rank(sectionOrder, b) || a.localeCompare(b),
  );
  return {
    scope: exam.scope,
    playerId: exam.playerId,
    examId: exam.id,
    revision: exam.revision,
    now,
    result: {
      examId: exam.id,
      form: exam.form,
      ...(exam.section ? { section: exam.section } : {}),
      startedAt: exam.startedAt,
      submittedAt: at,
      usedMs: Math.max(0, Math.min(limitMs, at - exam.startedAt)),
      right,
      total: exam.items.length,
      sections: ordered.map((domain) => ({ domain, ...(bySection.get(domain) ?? { right: 0, total: 0 }) })),
      timedOut,
      questionIds: exam.items.map((item) => item.questionId),
    },
    // Every answered question at the moment of submission (one timestamp: the exam is one sitting).
    log: exam.items.flatMap((item, i) =>
      (exam.answers[i] ?? '') === ''
        ? []
        : [
            {
              at,
              questionId: item.questionId,
              domain: item.domain,
              roundKind: 'exam' as const,
              correct: isRight(exam, i),
            },
          ],
    ),
    items,
  };
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}
