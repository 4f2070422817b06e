/**
 * What a button carries back to us. Slack's `action_id`/`value` and Discord's `custom_id` (at most 100
 * characters) both hold these short strings, so the decoding is shared.
 */

export type ButtonAction =
  | { kind: 'answer'; roundId: string; choice: string }
  /** "Answer" on a multiple-select question: opens the private picker. */
  | { kind: 'pick'; roundId: string }
  | { kind: 'practice'; serviceId: string }
  | { kind: 'lookup'; serviceId: string }
  /** "I guessed" after a right answer: that review counts as Hard. */
  | { kind: 'guessed'; questionId: string }
  /** "Report this question": opens the report form (a modal). */
  | { kind: 'report'; questionId: string }
  /** A mock exam's letter: answers question `index` (0-based) of exam `examId` with bank key `choice`. */
  | { kind: 'exam-answer'; examId: string; index: number; choice: string }
  | { kind: 'exam-flag'; examId: string; index: number }
  /** Previous, Next and the navigator: go to question `index`. */
  | { kind: 'exam-go'; examId: string; index: number }
  | { kind: 'exam-submit'; examId: string }
  /** "More" under a report: its page `page` (1-based). */
  | { kind: 'exam-report'; page: number }
  /** "Start" on a team mock day's channel post. */
  | { kind: 'exam-mockday'; dayId: string };

export type ExamAction = Extract<ButtonAction, { kind: `exam-${string}` }>;

export function isExamAction(action: ButtonAction): action is ExamAction {
  return action.kind.startsWith('exam-');
}

const PREFIX = {
  answer: 'ans',
  pick: 'pck',
  practice: 'prc',
  lookup: 'gcp',
  guessed: 'gss',
  report: 'rpt',
  examAnswer: 'xa',
  examFlag: 'xf',
  examGo: 'xg',
  examSubmit: 'xs',
  examReport: 'xr',
  examMockDay: 'xm',
} as const;

/** The prefixes of the mock exam's actions (adapters route them to the exam's handler). */
export const EXAM_ACTION_PREFIXES = [
  PREFIX.examAnswer,
  PREFIX.examFlag,
  PREFIX.examGo,
  PREFIX.examSubmit,
  PREFIX.examReport,
  PREFIX.examMockDay,
] as const;

export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case 'answer':
      return `${PREFIX.answer}:${action.roundId}:${action.choice}`;
    case 'pick':
      return `${PREFIX.pick}:${action.roundId}`;
    case 'practice':
      return `${PREFIX.practice}:${action.serviceId}`;
    case 'lookup':
      return `${PREFIX.lookup}:${action.serviceId}`;
    case 'guessed':
      return `${PREFIX.guessed}:${action.questionId}`;
    case 'report':
      return `${PREFIX.report}:${action.questionId}`;
    case 'exam-answer':
      return `${PREFIX.examAnswer}:${action.examId}:${action.index}:${action.choice}`;
    case 'exam-flag':
      return `${PREFIX.examFlag}:${action.examId}:${action.index}`;
    case 'exam-go':
      return `${PREFIX.examGo}:${action.examId}:${action.index}`;
    case 'exam-submit':
      return `${PREFIX.examSubmit}:${action.examId}`;
    case 'exam-report':
      return `${PREFIX.examReport}:${action.page}`;
    case 'exam-mockday':
      return `${PREFIX.examMockDay}:${action.dayId}`;
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns null for anything we did not make (forged or stale payloads). */
export function decodeAction(raw: string): ButtonAction | null {
  const exam = decodeExamAction(raw);
  if (exam) return exam;
  const [prefix, first, second, ...rest] = raw.split(':');
  if (rest.length > 0 || !first || !ID.test(first)) return null;
  if (prefix === PREFIX.answer && second && /^[A-E]$/.test(second)) {
    return { kind: 'answer', roundId: first, choice: second };
  }
  if (second !== undefined) return null;
  if (prefix === PREFIX.pick) return { kind: 'pick', roundId: first };
  if (prefix === PREFIX.practice) return { kind: 'practice', serviceId: first };
  if (prefix === PREFIX.lookup) return { kind: 'lookup', serviceId: first };
  if (prefix === PREFIX.guessed) return { kind: 'guessed', questionId: first };
  if (prefix === PREFIX.report) return { kind: 'report', questionId: first };
  return null;
}

const INDEX = /^(0|[1-9][0-9]{0,2})$/;

function decodeExamAction(raw: string): ButtonAction | null {
  const [prefix, examId, index, choice, ...rest] = raw.split(':');
  if (rest.length > 0 || !examId) return null;
  if (prefix === PREFIX.examReport && index === undefined && INDEX.test(examId) && examId !== '0') {
    return { kind: 'exam-report', page: Number(examId) };
  }
  if (!ID.test(examId)) return null;
  if (prefix === PREFIX.examSubmit && index === undefined) return { kind: 'exam-submit', examId };
  if (prefix === PREFIX.examMockDay && index === undefined) return { kind: 'exam-mockday', dayId: examId };
  if (index === undefined || !INDEX.test(index)) return null;
  if (prefix === PREFIX.examAnswer && choice && /^[A-E]$/.test(choice)) {
    return { kind: 'exam-answer', examId, index: Number(index), choice };
  }
  if (choice !== undefined) return null;
  if (prefix === PREFIX.examFlag) return { kind: 'exam-flag', examId, index: Number(index) };
  if (prefix === PREFIX.examGo) return { kind: 'exam-go', examId, index: Number(index) };
  return null;
}
