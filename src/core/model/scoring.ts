/**
 * The scoring rule, in one place.
 *
 * - A right answer to the daily question scores BASE_POINTS, plus 1 for each day of the player's current
 *   streak of right daily answers before it, up to MAX_STREAK_BONUS.
 * - A wrong or missed daily answer resets the streak. Practice questions (`/quiz next`) score nothing.
 * - No speed bonus: the daily question is open for hours and must be fair across time zones.
 */
export const BASE_POINTS = 10;
export const MAX_STREAK_BONUS = 5;

/** Points for a right daily answer after `streakBefore` right daily answers in a row. */
export function pointsForCorrectAnswer(streakBefore: number): number {
  return BASE_POINTS + Math.min(Math.max(0, streakBefore), MAX_STREAK_BONUS);
}

/** The same rule as a table the store can index by streak (the last entry covers longer streaks). */
export const POINTS_BY_STREAK: readonly number[] = Array.from({ length: MAX_STREAK_BONUS + 1 }, (_, streak) =>
  pointsForCorrectAnswer(streak),
);
