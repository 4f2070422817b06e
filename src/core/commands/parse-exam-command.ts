import type { ExamForm } from '../model/exam.js';
import { isExamForm } from '../model/exam.js';

/** What `/quiz exam ...` asks for. */
export type ExamCommandAction =
  /** A new exam of the form (or the open one resumed). */
  | { do: 'start'; form: ExamForm; section?: string }
  /** `section` without a section: the reply lists them. */
  | { do: 'choose-section' }
  | { do: 'flag' }
  | { do: 'back' }
  | { do: 'next' }
  | { do: 'go'; number: number }
  /** Typed letters (Slack, where a message is not an answer): display letters as typed. */
  | { do: 'answer'; letters: string }
  | { do: 'submit' }
  | { do: 'quit' }
  | { do: 'history' }
  | { do: 'report'; page: number }
  /** Admins: a team mock day in this channel at `date` `time` (in `timeZone`, else the bot's). */
  | { do: 'schedule'; form: 'full' | 'half' | 'sprint'; date: string; time: string; timeZone?: string }
  | { do: 'schedule-usage' }
  | { do: 'public'; on: boolean }
  | { do: 'usage' };

export interface ExamCommand {
  kind: 'exam';
  action: ExamCommandAction;
}

/** `/quiz exam` with no form: the real exam's length, or the open exam resumed. */
export const DEFAULT_EXAM_FORM: ExamForm = 'full';

/** The words after `/quiz exam`. */
export function parseExamCommand(args: readonly string[]): ExamCommand {
  const [first, ...rest] = args;
  const word = first?.toLowerCase();
  const action = ((): ExamCommandAction => {
    if (word === undefined) return { do: 'start', form: DEFAULT_EXAM_FORM };
    if (word === 'section') {
      if (rest.length === 0) return { do: 'choose-section' };
      return rest.length === 1
        ? { do: 'start', form: 'section', section: rest[0] as string }
        : { do: 'usage' };
    }
    if (isExamForm(word)) return rest.length === 0 ? { do: 'start', form: word } : { do: 'usage' };
    if (word === 'go') {
      const n = Number(rest[0]);
      return rest.length === 1 && Number.isInteger(n) && n >= 1 ? { do: 'go', number: n } : { do: 'usage' };
    }
    if (word === 'schedule') {
      const [form, date, time, timeZone, ...extra] = rest;
      if ((form === 'full' || form === 'half' || form === 'sprint') && date && time && extra.length === 0) {
        return { do: 'schedule', form, date, time, ...(timeZone ? { timeZone } : {}) };
      }
      return { do: 'schedule-usage' };
    }
    if (word === 'public') {
      const state = rest[0]?.toLowerCase();
      return rest.length === 1 && (state === 'on' || state === 'off')
        ? { do: 'public', on: state === 'on' }
        : { do: 'usage' };
    }
    if (word === 'answer')
      return rest.length > 0 ? { do: 'answer', letters: rest.join(' ') } : { do: 'usage' };
    if (word === 'report') {
      const page = rest.length === 0 ? 1 : Number(rest[0]);
      return rest.length <= 1 && Number.isInteger(page) && page >= 1
        ? { do: 'report', page }
        : { do: 'usage' };
    }
    if (rest.length > 0) return { do: 'usage' };
    switch (word) {
      case 'flag':
      case 'back':
      case 'next':
      case 'submit':
      case 'quit':
      case 'history':
        return { do: word };
      case 'prev':
      case 'previous':
        return { do: 'back' };
      default:
        return { do: 'usage' };
    }
  })();
  return { kind: 'exam', action };
}
