import { type Card, createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';
import type { ReviewLogEntry } from '../ports/learning-store.js';

/** A player's FSRS card for one question, derived from their review log. */
export interface ReviewCard {
  questionId: string;
  domain: string;
  /** Epoch ms when the card is due again. */
  due: number;
  lastReview: number;
  reps: number;
  lapses: number;
}

/** FSRS's default target: a card comes due when the chance of still knowing it falls to 90 %. */
export const NORMAL_RETENTION = 0.9;
/**
 * In the last days before the exam a card comes due at 95 %: shorter intervals, so more of what the
 * player knows is fresh on the day (at the cost of more reviews, which the daily limit still caps).
 */
export const EXAM_CRUNCH_RETENTION = 0.95;

/**
 * FSRS-6 with its default weights (the srs-benchmark shows defaults already beat SM-2 clearly). No
 * short-term learning steps: the bot asks at most a few questions a day, so "again in 10 minutes" makes
 * no sense and the shortest interval is a day. No fuzz: the same log always gives the same due dates.
 */
const schedulers = new Map(
  [NORMAL_RETENTION, EXAM_CRUNCH_RETENTION].map((retention) => [
    retention,
    fsrs({ enable_short_term: false, enable_fuzz: false, request_retention: retention }),
  ]),
);

function schedulerFor(retention: number) {
  const found = schedulers.get(retention);
  if (found) return found;
  const made = fsrs({ enable_short_term: false, enable_fuzz: false, request_retention: retention });
  schedulers.set(retention, made);
  return made;
}

/** Wrong = Again, right = Good, right but "I guessed" = Hard. */
export function gradeOf(entry: ReviewLogEntry): Grade {
  if (!entry.correct) return Rating.Again;
  return entry.guessed ? Rating.Hard : Rating.Good;
}

/**
 * Replays the log through FSRS: one card per question, each answer a review at its own time. Cards are
 * never stored, so changing the scheduler's parameters re-schedules everyone from the same facts: a
 * player whose exam draws near gets every card's due date at the higher `requestRetention` at once.
 */
export function cardsFromLog(
  log: readonly ReviewLogEntry[],
  requestRetention = NORMAL_RETENTION,
): Map<string, ReviewCard> {
  const scheduler = schedulerFor(requestRetention);
  const cards = new Map<string, { card: Card; entry: ReviewLogEntry }>();
  const ordered = [...log].sort((a, b) => a.at - b.at);
  for (const entry of ordered) {
    const at = new Date(entry.at);
    const previous = cards.get(entry.questionId)?.card ?? createEmptyCard<Card>(at);
    cards.set(entry.questionId, { card: scheduler.next(previous, at, gradeOf(entry)).card, entry });
  }
  const result = new Map<string, ReviewCard>();
  for (const [questionId, { card, entry }] of cards) {
    result.set(questionId, {
      questionId,
      domain: entry.domain,
      due: card.due.getTime(),
      lastReview: entry.at,
      reps: card.reps,
      lapses: card.lapses,
    });
  }
  return result;
}

/** The cards due at `now`, most overdue first (ties by question id, so the order is stable). */
export function dueCards(cards: Iterable<ReviewCard>, now: number): ReviewCard[] {
  return [...cards]
    .filter((c) => c.due <= now)
    .sort((a, b) => a.due - b.due || a.questionId.localeCompare(b.questionId));
}
