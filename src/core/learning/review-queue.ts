import { localDate } from '../model/periods.js';
import type { LearningStore, ReviewLogEntry } from '../ports/learning-store.js';
import type { QuestionBank } from '../ports/question-bank.js';
import { daysUntil, examDateZone, inExamCrunch, type PlayerTimeZone } from './exam-date.js';
import { readiness } from './readiness.js';
import {
  cardsFromLog,
  dueCards,
  EXAM_CRUNCH_RETENTION,
  NORMAL_RETENTION,
  type ReviewCard,
} from './review-schedule.js';

/** At most this many reviews a day: a queue that grows without bound puts people off. */
export const REVIEWS_PER_DAY = 20;

export type ReviewPlan =
  | { kind: 'off' }
  /** The player has answered nothing yet: nothing to schedule. */
  | { kind: 'empty' }
  | { kind: 'limit'; limit: number }
  | { kind: 'none-due'; nextDue: number | null }
  /** `remaining`: due cards after this one. */
  | { kind: 'due'; card: ReviewCard; remaining: number };

export interface ReviewQueueDeps {
  store: LearningStore;
  bank: QuestionBank;
  now: () => number;
  timeZone: string;
}

/** The player's review queue: FSRS cards derived from their log, limited to questions still asked. */
export class ReviewQueue {
  constructor(private readonly deps: ReviewQueueDeps) {}

  /**
   * What `/quiz review` should serve now. In the last days before the player's exam date the cards are
   * scheduled at a higher retention, and at least half of the day's reviews come from the weakest section
   * while it has due cards.
   */
  async plan(scope: string, playerId: string, playerZone?: PlayerTimeZone): Promise<ReviewPlan> {
    const { store } = this.deps;
    const [enabled, log, suspended, examDate] = await Promise.all([
      store.reviewEnabled(scope, playerId),
      store.reviewLog(scope, playerId),
      store.suspendedQuestions(scope),
      store.examDate(scope, playerId),
    ]);
    if (!enabled) return { kind: 'off' };
    if (log.length === 0) return { kind: 'empty' };
    const now = this.deps.now();
    const todays = this.reviewsToday(log, now);
    if (todays.length >= REVIEWS_PER_DAY) return { kind: 'limit', limit: REVIEWS_PER_DAY };
    const crunch = await this.inCrunch(examDate, now, playerZone);
    const cards = this.servable(log, new Set(suspended), crunch);
    const due = dueCards(cards, now);
    const first = crunch ? this.weakestFirstHalf(due, log, todays, now) : due[0];
    if (!first) {
      const next = Math.min(...cards.map((c) => c.due));
      return { kind: 'none-due', nextDue: Number.isFinite(next) ? next : null };
    }
    return { kind: 'due', card: first, remaining: due.length - 1 };
  }

  /** Due reviews for `/quiz me` and the App Home; null when the player turned reviews off. */
  async dueCount(scope: string, playerId: string, playerZone?: PlayerTimeZone): Promise<number | null> {
    const { store } = this.deps;
    const [enabled, log, suspended, examDate] = await Promise.all([
      store.reviewEnabled(scope, playerId),
      store.reviewLog(scope, playerId),
      store.suspendedQuestions(scope),
      store.examDate(scope, playerId),
    ]);
    if (!enabled) return null;
    const now = this.deps.now();
    const crunch = await this.inCrunch(examDate, now, playerZone);
    return dueCards(this.servable(log, new Set(suspended), crunch), now).length;
  }

  /** Whether the exam date is near, counted in the player's zone (asked only when there is a date). */
  private async inCrunch(
    examDate: string | null,
    now: number,
    playerZone?: PlayerTimeZone,
  ): Promise<boolean> {
    if (examDate === null) return false;
    return inExamCrunch(daysUntil(examDate, now, await examDateZone(this.deps.timeZone, playerZone)));
  }

  /**
   * The weakest section's most overdue card while it has given at most half of today's reviews, else the
   * most overdue card of all: so at least half of the day's reviews come from that section (when it has
   * due cards) without starving the others. The weakest section is `/quiz ready`'s.
   */
  private weakestFirstHalf(
    due: readonly ReviewCard[],
    log: readonly ReviewLogEntry[],
    todays: readonly ReviewLogEntry[],
    now: number,
  ): ReviewCard | undefined {
    const weakest = readiness(
      log.map((e) => ({ ...e, playerId: '' })),
      this.deps.bank.domains(),
      now,
    ).weakest;
    const weakDue = due.find((c) => c.domain === weakest);
    const fromWeakest = todays.filter((e) => e.domain === weakest).length;
    return weakDue && fromWeakest * 2 <= todays.length ? weakDue : due[0];
  }

  private servable(
    log: readonly ReviewLogEntry[],
    suspended: ReadonlySet<string>,
    crunch: boolean,
  ): ReviewCard[] {
    return servableCards(log, this.deps.bank, suspended, crunch);
  }

  /** Review answers given on the current calendar day of the bot's time zone. */
  private reviewsToday(log: readonly ReviewLogEntry[], now: number): ReviewLogEntry[] {
    const today = dayOf(now, this.deps.timeZone);
    return log.filter((e) => e.roundKind === 'review' && dayOf(e.at, this.deps.timeZone) === today);
  }
}

/**
 * The player's cards of questions still in the bank and not suspended in the scope, at the retention of
 * the exam crunch or the normal one: what `/quiz review` serves from (and the dashboard's forecast shows).
 */
export function servableCards(
  log: readonly ReviewLogEntry[],
  bank: Pick<QuestionBank, 'get'>,
  suspended: ReadonlySet<string>,
  crunch: boolean,
): ReviewCard[] {
  const retention = crunch ? EXAM_CRUNCH_RETENTION : NORMAL_RETENTION;
  return [...cardsFromLog(log, retention).values()].filter(
    (c) => bank.get(c.questionId) !== undefined && !suspended.has(c.questionId),
  );
}

function dayOf(epochMs: number, timeZone: string): string {
  const { year, month, day } = localDate(epochMs, timeZone);
  return `${year}-${month}-${day}`;
}
