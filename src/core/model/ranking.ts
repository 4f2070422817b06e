import type { BoardEntry, TeamBoardEntry } from './model.js';

/** Binary order of strings, as Redis orders members with equal scores. */
function compareBinary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Orders a board high to low (equal scores in reverse member order, as Redis `ZRANGE ... REV` does) and
 * gives equal scores the same rank (1, 2, 2, 4).
 */
export function rankBoard(
  scores: { playerId: string; points: number }[],
  nameOf: (playerId: string) => string,
): BoardEntry[] {
  const sorted = [...scores].sort((a, b) => b.points - a.points || compareBinary(b.playerId, a.playerId));
  return assignRanks(sorted, (a, b) => a.points === b.points).map(({ item, rank }) => ({
    rank,
    playerId: item.playerId,
    displayName: nameOf(item.playerId),
    points: item.points,
  }));
}

export interface TeamScore {
  teamId: string;
  name: string;
  memberCount: number;
  scorers: number;
  total: number;
}

/** Ranks teams by average points per member who scored (fair to small teams); ties by total. */
export function rankTeams(rows: TeamScore[]): TeamBoardEntry[] {
  const withAverage = rows
    .filter((r) => r.total > 0)
    .map((r) => ({ ...r, average: r.scorers > 0 ? r.total / r.scorers : 0 }));
  withAverage.sort((a, b) => b.average - a.average || b.total - a.total || compareBinary(a.teamId, b.teamId));
  return assignRanks(withAverage, (a, b) => a.average === b.average && a.total === b.total).map(
    ({ item, rank }) => ({ rank, ...item }),
  );
}

function assignRanks<T>(sorted: T[], tied: (a: T, b: T) => boolean): { item: T; rank: number }[] {
  const ranked: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const previous = ranked[i - 1];
    const rank = previous && tied(previous.item, item) ? previous.rank : i + 1;
    ranked.push({ item, rank });
  });
  return ranked;
}
