import type { ScopeId } from './model.js';

/** The mock exam's forms: how many questions and how long. `section` draws from one section only. */
export const EXAM_FORMS = {
  full: { questions: 50, minutes: 120 },
  half: { questions: 25, minutes: 60 },
  sprint: { questions: 10, minutes: 24 },
  section: { questions: 10, minutes: 24 },
} as const;

export type ExamForm = keyof typeof EXAM_FORMS;

export function isExamForm(value: string): value is ExamForm {
  return Object.hasOwn(EXAM_FORMS, value);
}

/** One drawn question, frozen at the start: a bank change mid-exam changes nothing the player sees or is scored on. */
export interface ExamItem {
  questionId: string;
  /** `questionVersion()` at the draw: item statistics count first answers per version. */
  version: string;
  domain: string;
  /** Bank keys in the order shown (A, B, C...). */
  choiceOrder: readonly string[];
  /** The right answer, `encodePicks` form (`B` or `B,D`), so scoring needs no bank. */
  answer: string;
}

export type ExamStatus = 'open' | 'submitted';

/** One player's mock exam as the store keeps it. Answers are bank keys in `encodePicks` form, '' for none. */
export interface Exam {
  id: string;
  scope: ScopeId;
  playerId: string;
  form: ExamForm;
  /** The section of a `section` exam. */
  section?: string;
  items: readonly ExamItem[];
  /** Epoch ms. */
  startedAt: number;
  deadline: number;
  answers: string[];
  flags: boolean[];
  /** The question on screen (0-based). */
  position: number;
  status: ExamStatus;
  /** When the player was asked to confirm a submission with unanswered or flagged questions; 0: never. */
  submitAskedAt: number;
  /** Bumped by every change, so a submission scores exactly the state it read. */
  revision: number;
  submittedAt?: number;
  /** The team mock day this exam belongs to. */
  mockDayId?: string;
}

/** A section's part of a result. */
export interface ExamSectionScore {
  domain: string;
  right: number;
  total: number;
}

/** What the history keeps of a submitted exam (the exam itself is replaced by the player's next one). */
export interface ExamResult {
  examId: string;
  form: ExamForm;
  section?: string;
  startedAt: number;
  submittedAt: number;
  /** The time taken, at most the form's length. */
  usedMs: number;
  right: number;
  total: number;
  sections: ExamSectionScore[];
  /** Ran out of time (scored by the sweep or on the player's return) rather than submitted. */
  timedOut: boolean;
  /** The drawn question ids: the next draws avoid them. */
  questionIds: string[];
}

/** How long after its start a team mock day takes new players (each then gets the form's full time). */
export const MOCK_DAY_WINDOW_MS = 3 * 60 * 60_000;

export type MockDayStatus = 'scheduled' | 'open' | 'summarized';

/**
 * A team mock day: one exam for a channel. The questions are drawn once, when it is scheduled, so everyone who
 * starts within the window gets the same questions in the same order.
 */
export interface MockDay {
  id: string;
  scope: ScopeId;
  channelId: string;
  form: ExamForm;
  items: readonly ExamItem[];
  /** Epoch ms: the channel post, and the window's start. */
  startsAt: number;
  windowMs: number;
  status: MockDayStatus;
  /** The admin who scheduled it. */
  createdBy: string;
}

/** When a mock day's summary is due: the window closed and the last possible exam's time ran out. */
export function mockDaySummaryAt(day: Pick<MockDay, 'startsAt' | 'windowMs' | 'form'>): number {
  return day.startsAt + day.windowMs + EXAM_FORMS[day.form].minutes * 60_000;
}
