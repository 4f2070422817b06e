import { localDate } from '../model/periods.js';
import type { LearningStore, ReviewLogEntry } from '../ports/learning-store.js';
import type { QuestionBank } from '../ports/question-bank.js';
import { cardsFromLog, dueCards, type ReviewCard } from './review-schedule.js';

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

  /** What `/quiz review` should serve now. */
  async plan(scope: string, playerId: string): Promise<ReviewPlan> {
    const { store } = this.deps;
    const [enabled, log, suspended] = await Promise.all([
      store.reviewEnabled(scope, playerId),
      store.reviewLog(scope, playerId),
      store.suspendedQuestions(scope),
    ]);
    if (!enabled) return { kind: 'off' };
    if (log.length === 0) return { kind: 'empty' };
    const now = this.deps.now();
    if (this.reviewsToday(log, now) >= REVIEWS_PER_DAY) return { kind: 'limit', limit: REVIEWS_PER_DAY };
    const cards = this.servable(log, new Set(suspended));
    const due = dueCards(cards, now);
    const first = due[0];
    if (!first) {
      const next = Math.min(...cards.map((c) => c.due));
      return { kind: 'none-due', nextDue: Number.isFinite(next) ? next : null };
    }
    return { kind: 'due', card: first, remaining: due.length - 1 };
  }

  /** Due reviews for `/quiz me` and the App Home; null when the player turned reviews off. */
  async dueCount(scope: string, playerId: string): Promise<number | null> {
    const { store } = this.deps;
    const [enabled, log, suspended] = await Promise.all([
      store.reviewEnabled(scope, playerId),
      store.reviewLog(scope, playerId),
      store.suspendedQuestions(scope),
    ]);
    if (!enabled) return null;
    return dueCards(this.servable(log, new Set(suspended)), this.deps.now()).length;
  }

  /** Cards of questions still in the bank and not suspended in the scope. */
  private servable(log: readonly ReviewLogEntry[], suspended: ReadonlySet<string>): ReviewCard[] {
    return [...cardsFromLog(log).values()].filter(
      (c) => this.deps.bank.get(c.questionId) !== undefined && !suspended.has(c.questionId),
    );
  }

  /** Review answers given on the current calendar day of the bot's time zone. */
  private reviewsToday(log: readonly ReviewLogEntry[], now: number): number {
    const today = dayOf(now, this.deps.timeZone);
    return log.filter((e) => e.roundKind === 'review' && dayOf(e.at, this.deps.timeZone) === today).length;
  }
}

function dayOf(epochMs: number, timeZone: string): string {
  const { year, month, day } = localDate(epochMs, timeZone);
  return `${year}-${month}-${day}`;
}
