import type { ItemCounters, ItemResponse } from '../ports/learning-store.js';

/**
 * Classical item analysis over players' first answers, per question version.
 *
 * p is the share of right first answers. Discrimination is the corrected point-biserial correlation:
 * across the players who answered the item, the Pearson correlation between "right on this item" (0/1)
 * and the player's accuracy on the other items they answered (the item itself left out, so it does not
 * correlate with itself). Players are told apart by scope and id, so the same id in two workspaces is two
 * players.
 */

export const FLAG_P_LOW = 0.2;
export const FLAG_P_HIGH = 0.95;
export const FLAG_DISCRIMINATION_LOW = 0.1;

export interface ItemStatsRow {
  id: string;
  version: string;
  answered: number;
  /** Null without answers. */
  p: number | null;
  /** Null when it cannot be computed (fewer than two players with other answers, or no variance). */
  discrimination: number | null;
  options: Record<string, number>;
  reports: number;
}

export type ItemFlag = 'too-hard' | 'too-easy' | 'weak-discrimination' | 'check-key';

/** A response with the scope it was given in. */
export interface ScopedResponse extends ItemResponse {
  scope: string;
}

/** Sums the counters of one version over all scopes. */
export function sumCounters(all: readonly ItemCounters[]): ItemCounters[] {
  const sums = new Map<string, ItemCounters>();
  for (const c of all) {
    const key = `${c.questionId}@${c.version}`;
    const sum = sums.get(key) ?? {
      questionId: c.questionId,
      version: c.version,
      answered: 0,
      right: 0,
      options: {},
    };
    sum.answered += c.answered;
    sum.right += c.right;
    for (const [k, n] of Object.entries(c.options)) sum.options[k] = (sum.options[k] ?? 0) + n;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/** Rows sorted by id then version. `reports`: open reports per question id, over all scopes. */
export function itemStatistics(
  counters: readonly ItemCounters[],
  responses: readonly ScopedResponse[],
  reports: ReadonlyMap<string, number> = new Map(),
): ItemStatsRow[] {
  return statistics(counters, responses, (r) => `${r.scope}\n${r.playerId}`, reports);
}

/**
 * `itemStatistics` of one scope's counters and first answers: the same rows, without tagging each of tens of
 * thousands of answers with the scope first (the dashboard builds this for a whole workspace).
 */
export function scopeItemStatistics(
  counters: readonly ItemCounters[],
  responses: readonly ItemResponse[],
): ItemStatsRow[] {
  return statistics(counters, responses, (r) => r.playerId, new Map());
}

function statistics<R extends ItemResponse>(
  counters: readonly ItemCounters[],
  responses: readonly R[],
  playerOf: (response: R) => string,
  reports: ReadonlyMap<string, number>,
): ItemStatsRow[] {
  // Each player's first answers: item -> right.
  const byPlayer = new Map<string, PlayerAnswers>();
  for (const r of responses) {
    const player = playerOf(r);
    const entry = byPlayer.get(player) ?? { answers: new Map<string, boolean>(), right: 0 };
    const item = `${r.questionId}@${r.version}`;
    // A repeated row of one item replaces the earlier one, as the map did before totals were kept.
    if (entry.answers.get(item) === true) entry.right -= 1;
    entry.answers.set(item, r.correct);
    if (r.correct) entry.right += 1;
    byPlayer.set(player, entry);
  }
  // Each player's point for each item they answered: right here (0/1), and their accuracy on the other
  // items (their totals less this item). One pass over the answers, not one per item and player.
  const points = new Map<string, { xs: number[]; ys: number[] }>();
  for (const { answers, right } of byPlayer.values()) {
    const others = answers.size - 1;
    if (others === 0) continue; // nothing else to compare with
    for (const [item, here] of answers) {
      const list = points.get(item) ?? { xs: [], ys: [] };
      points.set(item, list);
      list.xs.push(here ? 1 : 0);
      list.ys.push((right - (here ? 1 : 0)) / others);
    }
  }
  return sumCounters(counters)
    .map((c) => {
      const itemPoints = points.get(`${c.questionId}@${c.version}`);
      return {
        id: c.questionId,
        version: c.version,
        answered: c.answered,
        p: c.answered > 0 ? c.right / c.answered : null,
        discrimination: itemPoints ? pearson(itemPoints.xs, itemPoints.ys) : null,
        options: c.options,
        reports: reports.get(c.questionId) ?? 0,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version));
}

/** Each player's first answers (item -> right), with their totals, so "the others" is a subtraction. */
interface PlayerAnswers {
  answers: Map<string, boolean>;
  right: number;
}

/** Pearson correlation; null for fewer than two points or a constant variable. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** What a row calls for: p < 0.2, p > 0.95, discrimination < 0.1 (negative: check the key). */
export function itemFlags(row: ItemStatsRow): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (row.p !== null && row.p < FLAG_P_LOW) flags.push('too-hard');
  if (row.p !== null && row.p > FLAG_P_HIGH) flags.push('too-easy');
  if (row.discrimination !== null && row.discrimination < 0) flags.push('check-key');
  else if (row.discrimination !== null && row.discrimination < FLAG_DISCRIMINATION_LOW)
    flags.push('weak-discrimination');
  return flags;
}
