import type { Leaderboard, Period, PlayerStats, ScopeId, TeamLeaderboard } from '../../core/model/model.js';
import { rankBoard, rankTeams } from '../../core/model/ranking.js';
import { streakStillAlive } from '../../core/model/streaks.js';
import type { BoardQuery } from '../../core/ports/quiz-store.js';
import { latestDailyRound } from './memory-rounds.js';
import type { MemoryState, StreakState, TeamRecord } from './memory-state.js';
import { teamOf } from './memory-teams.js';

/** A board bucket name shared by player and team boards: `w:2026-W48`, `m:2026-11`, `all`. */
function bucket(period: Period, periodKey: string): string {
  return period === 'all' ? 'all' : `${period === 'week' ? 'w' : 'm'}:${periodKey}`;
}

export function leaderboard(state: MemoryState, query: BoardQuery): Leaderboard {
  const board = state.boards.get(`${query.scope}|${bucket(query.period, query.periodKey)}`) ?? new Map();
  const scores = [...board.entries()].map(([playerId, points]) => ({ playerId, points }));
  const ranked = rankBoard(scores, (id) => state.names.get(`${query.scope}|${id}`) ?? id);
  const viewer = query.viewerId ? (ranked.find((e) => e.playerId === query.viewerId) ?? null) : null;
  return {
    period: query.period,
    periodKey: query.period === 'all' ? 'all' : query.periodKey,
    entries: ranked.slice(0, query.limit),
    viewer,
  };
}

export function teamLeaderboard(state: MemoryState, query: Omit<BoardQuery, 'viewerId'>): TeamLeaderboard {
  const name = bucket(query.period, query.periodKey);
  const board = state.teamBoards.get(`${query.scope}|${name}`) ?? new Map();
  const teams = state.teams.get(query.scope) ?? new Map<string, TeamRecord>();
  const rows = [...board.entries()].map(([teamId, total]) => ({
    teamId,
    name: teams.get(teamId)?.name ?? teamId,
    memberCount: teams.get(teamId)?.members.size ?? 0,
    scorers: state.scorersOf(query.scope, name, teamId).size,
    total,
  }));
  return {
    period: query.period,
    periodKey: query.period === 'all' ? 'all' : query.periodKey,
    entries: rankTeams(rows).slice(0, query.limit),
  };
}

export function playerStats(
  state: MemoryState,
  scope: ScopeId,
  playerId: string,
  periods: { week: string; month: string },
): PlayerStats {
  const key = `${scope}|${playerId}`;
  const points = {} as Record<Period, number>;
  const rank = {} as Record<Period, number | null>;
  for (const [period, name] of [
    ['week', `w:${periods.week}`],
    ['month', `m:${periods.month}`],
    ['all', 'all'],
  ] as const) {
    const board = state.boards.get(`${scope}|${name}`);
    const mine = board?.get(playerId);
    points[period] = mine ?? 0;
    // 1 + the number of players with strictly more points: equal scores share a rank (1, 2, 2, 4).
    rank[period] =
      mine === undefined || !board ? null : 1 + [...board.values()].filter((p) => p > mine).length;
  }
  const streakState = state.streaks.get(key);
  const stats = state.stats.get(key);
  return {
    playerId,
    displayName: state.names.get(key) ?? null,
    points,
    rank,
    streak: streakState ? liveStreak(state, scope, streakState) : 0,
    bestStreak: streakState?.best ?? 0,
    answered: stats?.answered ?? 0,
    correct: stats?.correct ?? 0,
    perDomain: Object.fromEntries([...(stats?.perDomain ?? [])].map(([d, s]) => [d, { ...s }])),
    team: teamOf(state, scope, playerId),
  };
}

/** A stored streak is broken once a later daily round of that channel closed without the player's answer. */
function liveStreak(state: MemoryState, scope: ScopeId, streakState: StreakState): number {
  const latest = latestDailyRound(state, { scope, channelId: streakState.lastChannel });
  return streakStillAlive(streakState.streak, streakState.lastSeq, latest) ? streakState.streak : 0;
}
