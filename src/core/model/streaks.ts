import type { Round } from './model.js';

/**
 * Whether a streak last extended at daily round `lastSeq` of a channel still stands: the channel's newest
 * daily round is that one, or the next one while it is still open (the player can still answer it).
 */
export function streakStillAlive(streak: number, lastSeq: number, latest: Round | null): boolean {
  if (streak <= 0) return false;
  if (!latest || latest.seq <= lastSeq) return true;
  return latest.seq === lastSeq + 1 && latest.status === 'open';
}
