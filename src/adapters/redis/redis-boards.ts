import type {
  BoardEntry,
  DomainStats,
  Leaderboard,
  Period,
  PlayerStats,
  ScopeId,
  TeamLeaderboard,
} from '../../core/model/model.js';
import { rankBoard, rankTeams } from '../../core/model/ranking.js';
import { streakStillAlive } from '../../core/model/streaks.js';
import type { BoardQuery } from '../../core/ports/quiz-store.js';
import { bucketName } from './redis-keys.js';
import { scoredMembers } from './redis-replies.js';
import { latestDailyRound } from './redis-rounds.js';
import type { RedisStoreContext } from './redis-store-context.js';
import { teamOf } from './redis-teams.js';

/** 1 + the number of players with strictly more points: equal scores share a rank (1, 2, 2, 4). */
async function rankOf(ctx: RedisStoreContext, key: string, points: number): Promise<number> {
  return 1 + (await ctx.client.zcount(key, `(${points}`, '+inf'));
}

/**
 * The top `limit` of a board and the viewer's own place. The top is one ZRANGE REV; ranks within a
 * prefix of the board are exact, and the viewer outside it costs a ZSCORE and a ZCOUNT.
 */
export async function leaderboard(ctx: RedisStoreContext, query: BoardQuery): Promise<Leaderboard> {
  const { client, keys } = ctx;
  const key = keys.board(query.scope, bucketName(query.period, query.periodKey));
  const [top, viewerScore] = await Promise.all([
    query.limit > 0
      ? client.zrange(key, 0, String(query.limit - 1), 'REV', 'WITHSCORES')
      : Promise.resolve([]),
    query.viewerId ? client.zscore(key, query.viewerId) : Promise.resolve(null),
  ]);
  const rows = scoredMembers(top, 'leaderboard').map(({ member, score }) => ({
    playerId: member,
    points: score,
  }));
  const ids = rows.map((r) => r.playerId);
  if (query.viewerId && viewerScore !== null) ids.push(query.viewerId);
  const names = ids.length > 0 ? await client.hmget(keys.names(query.scope), ...ids) : [];
  const nameById = new Map(ids.map((id, i) => [id, names[i] ?? id]));
  const entries = rankBoard(rows, (id) => nameById.get(id) ?? id);

  let viewer: BoardEntry | null = null;
  if (query.viewerId && viewerScore !== null) {
    const points = Number(viewerScore);
    viewer = entries.find((e) => e.playerId === query.viewerId) ?? {
      rank: await rankOf(ctx, key, points),
      playerId: query.viewerId,
      displayName: nameById.get(query.viewerId) ?? query.viewerId,
      points,
    };
  }
  return {
    period: query.period,
    periodKey: query.period === 'all' ? 'all' : query.periodKey,
    entries,
    viewer,
  };
}

/**
 * Team boards rank by average per scoring member, which no sorted set can hold; a scope has few teams,
 * so all of them are read and ranked here.
 */
export async function teamLeaderboard(
  ctx: RedisStoreContext,
  query: Omit<BoardQuery, 'viewerId'>,
): Promise<TeamLeaderboard> {
  const { client, keys } = ctx;
  const bucket = bucketName(query.period, query.periodKey);
  const [board, scorers, names, sizes] = await Promise.all([
    client.zrange(keys.teamBoard(query.scope, bucket), 0, '-1', 'WITHSCORES'),
    client.hgetall(keys.teamScorerCounts(query.scope, bucket)),
    client.hgetall(keys.teams(query.scope)),
    client.hgetall(keys.teamSizes(query.scope)),
  ]);
  const rows = scoredMembers(board, 'teamLeaderboard').map(({ member, score }) => ({
    teamId: member,
    name: names[member] ?? member,
    memberCount: Number(sizes[member] ?? 0),
    scorers: Number(scorers[member] ?? 0),
    total: score,
  }));
  return {
    period: query.period,
    periodKey: query.period === 'all' ? 'all' : query.periodKey,
    entries: rankTeams(rows).slice(0, Math.max(0, query.limit)),
  };
}

/** Per-domain counts are `da:<domain>` (answered) and `dc:<domain>` (correct) fields of the player hash. */
function perDomainOf(hash: Record<string, string>): Record<string, DomainStats> {
  const perDomain: Record<string, DomainStats> = {};
  for (const [field, value] of Object.entries(hash)) {
    const isAnswered = field.startsWith('da:');
    if (!isAnswered && !field.startsWith('dc:')) continue;
    const domain = field.slice(3);
    const stats = perDomain[domain] ?? { answered: 0, correct: 0 };
    if (isAnswered) stats.answered = Number(value);
    else stats.correct = Number(value);
    perDomain[domain] = stats;
  }
  return perDomain;
}

/** The stored streak stands only until a later daily round of its channel closes unanswered. */
async function liveStreak(
  ctx: RedisStoreContext,
  scope: ScopeId,
  hash: Record<string, string>,
  channelId: string,
): Promise<number> {
  const stored = Number(hash.streak ?? 0);
  const lastSeq = Number(hash.lastSeq ?? 0);
  if (stored <= 0) return 0;
  const [latest, latestSeq] = await Promise.all([
    latestDailyRound(ctx, { scope, channelId }),
    ctx.client.get(ctx.keys.seq(scope, channelId)),
  ]);
  // A later round whose hash has expired closed long ago: the streak broke then.
  if (!latest) return Number(latestSeq ?? 0) > lastSeq ? 0 : stored;
  return streakStillAlive(stored, lastSeq, latest) ? stored : 0;
}

export async function playerStats(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
  periods: { week: string; month: string },
): Promise<PlayerStats> {
  const { client, keys } = ctx;
  const boards: [Period, string][] = [
    ['week', keys.board(scope, bucketName('week', periods.week))],
    ['month', keys.board(scope, bucketName('month', periods.month))],
    ['all', keys.board(scope, 'all')],
  ];
  const [hash, displayName, team, ...scores] = await Promise.all([
    client.hgetall(keys.player(scope, playerId)),
    client.hget(keys.names(scope), playerId),
    teamOf(ctx, scope, playerId),
    ...boards.map(([, key]) => client.zscore(key, playerId)),
  ]);
  const ranks = await Promise.all(
    boards.map(([, key], i) => {
      const score = scores[i];
      return score === null || score === undefined ? null : rankOf(ctx, key, Number(score));
    }),
  );
  const points: Record<Period, number> = { week: 0, month: 0, all: 0 };
  const rank: Record<Period, number | null> = { week: null, month: null, all: null };
  boards.forEach(([period], i) => {
    points[period] = Number(scores[i] ?? 0);
    rank[period] = ranks[i] ?? null;
  });

  const streak = hash.lastChannel === undefined ? 0 : await liveStreak(ctx, scope, hash, hash.lastChannel);
  return {
    playerId,
    displayName,
    points,
    rank,
    streak,
    bestStreak: Number(hash.best ?? 0),
    answered: Number(hash.answered ?? 0),
    correct: Number(hash.correct ?? 0),
    perDomain: perDomainOf(hash),
    team,
  };
}
