import {
  checkExamDate,
  daysUntil,
  EXAM_CRUNCH_DAYS,
  examDateZone,
  inExamCrunch,
  MAX_EXAM_DATE_YEARS,
  type PlayerTimeZone,
  parseExamDate,
} from '../learning/exam-date.js';
import type { ScopeId } from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import type { TextView } from '../ports/views.js';
import type { Messages } from '../presentation/messages/index.js';
import { textView } from '../presentation/views.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';

/** Who sets a date: the player, and their own time zone where the platform tells it. */
export interface ExamDateContext {
  scope: ScopeId;
  userId: string;
  timeZone?: PlayerTimeZone;
}

/**
 * The player's exam date: `/quiz exam-date <YYYY-MM-DD>|off`, and the countdown line of their views. A date
 * is a calendar day of the player's time zone where the platform tells it (Slack), else of the bot's (the
 * one the workspace's days and boards use).
 */
export class ExamDateCommands {
  constructor(private readonly engine: QuizEngine) {}

  /** Stores, refuses with the reason, or (`off`) clears the player's date. */
  async set(ctx: ExamDateContext, value: string, m: Messages): Promise<TextView> {
    const l = m.learning;
    const store = this.engine.learningStore;
    if (value.toLowerCase() === 'off') {
      const had = (await store.examDate(ctx.scope, ctx.userId)) !== null;
      if (had) await store.setExamDate(ctx.scope, ctx.userId, null);
      return textView(l.examDateCleared(had));
    }
    const shown = neutralize(value, 40);
    const parsed = parseExamDate(value);
    if (parsed.kind === 'malformed') return textView(l.examDateMalformed(shown));
    if (parsed.kind === 'no-such-day') return textView(l.examDateNoSuchDay(shown));
    const zone = await examDateZone(this.engine.timeZone, ctx.timeZone);
    const check = checkExamDate(parsed.date, this.engine.now(), zone);
    switch (check.kind) {
      case 'past':
        return textView(l.examDatePast(parsed.date, check.today));
      case 'too-far':
        return textView(l.examDateTooFar(parsed.date, check.latest, MAX_EXAM_DATE_YEARS));
      case 'ok':
        await store.setExamDate(ctx.scope, ctx.userId, parsed.date);
        return textView(l.examDateSet(parsed.date, check.daysLeft, EXAM_CRUNCH_DAYS));
    }
  }

  /** The exam-date line of `/quiz me`, `/quiz ready` and the App Home; null when the player set no date. */
  async countdown(
    scope: ScopeId,
    playerId: string,
    m: Messages,
    playerZone?: PlayerTimeZone,
  ): Promise<string | null> {
    const date = await this.engine.learningStore.examDate(scope, playerId);
    if (date === null) return null;
    const daysLeft = daysUntil(date, this.engine.now(), await examDateZone(this.engine.timeZone, playerZone));
    return m.learning.examCountdown(date, daysLeft, inExamCrunch(daysLeft));
  }
}
