import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createRedisClients, type RedisClients } from '../../src/adapters/redis/redis-client.js';
import { bucketName, RedisKeys } from '../../src/adapters/redis/redis-keys.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { StoreUnavailableError } from '../../src/core/model/errors.js';
import type { Round } from '../../src/core/model/model.js';
import { periodBuckets } from '../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import type { QuizStore, RecordAnswerResult } from '../../src/core/ports/quiz-store.js';
import { deleteByPrefix, startRedisTarget, uniquePrefix } from '../support/redis-server.js';
import { describeQuizStoreContract } from '../support/store-contract/index.js';

const target = await startRedisTarget();
const T0 = Date.UTC(2030, 0, 7, 0, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Collects what the clients log, to check outages are reported, not thrown. */
const logged: { level: string; msg: string }[] = [];
const logger = {
  info: (_obj: object, msg: string) => logged.push({ level: 'info', msg }),
  warn: (_obj: object, msg: string) => logged.push({ level: 'warn', msg }),
};

describe.skipIf(!target)('RedisQuizStore on redis-server', () => {
  let clients: RedisClients;
  /** A plain client for inspecting the server (TTLs, INFO, SCRIPT FLUSH). */
  let admin: Redis;
  const prefixes: string[] = [];

  beforeAll(async () => {
    if (!target) return;
    clients = createRedisClients({ url: target.url, logger });
    await clients.connect();
    admin = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => {});
    await admin.connect();
  });

  afterAll(async () => {
    for (const prefix of prefixes) await deleteByPrefix(admin, prefix).catch(() => {});
    await clients?.quit();
    admin?.disconnect();
    await target?.close();
  });

  describeQuizStoreContract('RedisQuizStore', async () => {
    const prefix = uniquePrefix();
    return {
      store: new RedisQuizStore(clients.interactive, { prefix }),
      cleanup: () => deleteByPrefix(admin, prefix),
    };
  });

  /** A store under a fresh prefix, removed after the file. */
  const freshStore = (): { store: QuizStore; keys: RedisKeys; scope: string } => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    return {
      store: new RedisQuizStore(clients.interactive, { prefix }),
      keys: new RedisKeys(prefix),
      scope: `slack:T-${randomUUID()}`,
    };
  };

  const openRound = (store: QuizStore, scope: string, overrides: { kind?: 'daily' | 'practice' } = {}) =>
    store.createRound({
      id: `r-${randomUUID()}`,
      scope,
      channelId: 'C1',
      questionId: 'q1',
      answerKey: 'B',
      choiceKeys: ['A', 'B', 'C', 'D'],
      domain: 'd1',
      kind: overrides.kind ?? 'daily',
      openedAt: T0,
      closesAt: T0 + 8 * HOUR,
      ...(overrides.kind === 'practice' ? { ownerId: 'U1' } : {}),
    });

  const answerAt = T0 + HOUR;
  const periods = periodBuckets(answerAt, 'Asia/Tokyo');
  const answer = (store: QuizStore, scope: string, round: Round, playerId: string, choice: string) =>
    store.recordAnswer({
      scope,
      roundId: round.id,
      player: { id: playerId, displayName: `name-${playerId}` },
      choice,
      now: answerAt,
      pointsByStreak: POINTS_BY_STREAK,
      periods,
    });

  const requirePrivate = (context: TestContext) => {
    if (target?.isPrivate) return;
    if (process.env.CI === 'true')
      throw new Error('this test needs a private redis-server (install redis-server)');
    context.skip();
  };

  it('records exactly one answer per player when 20 players click 10 times each at once', async () => {
    const { store, scope } = freshStore();
    const round = await openRound(store, scope);
    const players = Array.from({ length: 20 }, (_, i) => `P${String(i).padStart(2, '0')}`);
    for (const [i, player] of players.entries())
      await store.joinTeam(scope, player, i % 2 ? 'odd' : 'even', 'T');
    const choices = ['A', 'B', 'C', 'D'];
    const calls = players.flatMap((player, p) =>
      Array.from({ length: 10 }, (_, click) => ({ player, choice: choices[(p + click) % 4] ?? 'A' })),
    );
    const results = await Promise.all(calls.map((c) => answer(store, scope, round, c.player, c.choice)));

    expect(results.filter((r) => r.kind === 'recorded')).toHaveLength(20);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(180);
    // Each player's duplicates all name the one choice that was kept.
    const kept = new Map<string, string>();
    results.forEach((result: RecordAnswerResult, i) => {
      if (result.kind !== 'duplicate') return;
      const player = calls[i]?.player ?? '';
      expect(kept.get(player) ?? result.previousChoice).toBe(result.previousChoice);
      kept.set(player, result.previousChoice);
    });
    expect(kept.size).toBe(20);
    const expectedCounts: Record<string, number> = {};
    for (const choice of kept.values()) expectedCounts[choice] = (expectedCounts[choice] ?? 0) + 1;
    expect(await store.tally(scope, round.id)).toEqual({
      counts: expectedCounts,
      total: 20,
      right: expectedCounts.B ?? 0,
    });

    const right = players.filter((p) => kept.get(p) === 'B');
    for (const [period, periodKey] of [
      ['week', periods.week.key],
      ['month', periods.month.key],
      ['all', 'all'],
    ] as const) {
      const board = await store.leaderboard({ scope, period, periodKey, limit: 100 });
      expect(board.entries.map((e) => [e.playerId, e.points, e.rank]).sort()).toEqual(
        right.map((p) => [p, 10, 1]).sort(),
      );
      const teams = await store.teamLeaderboard({ scope, period, periodKey, limit: 10 });
      const expectedTeams = ['even', 'odd']
        .map((team) => ({
          team,
          scorers: right.filter((p) => (players.indexOf(p) % 2 ? 'odd' : 'even') === team).length,
        }))
        .filter((t) => t.scorers > 0);
      expect(teams.entries.map((e) => [e.teamId, e.total, e.scorers, e.memberCount]).sort()).toEqual(
        expectedTeams.map((t) => [t.team, t.scorers * 10, t.scorers, 10]).sort(),
      );
    }
  });

  it('gives period keys the bucket expiry, rounds their retention, and all-time keys none', async () => {
    const { store, keys, scope } = freshStore();
    await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
    const daily = await openRound(store, scope);
    const practice = await openRound(store, scope, { kind: 'practice' });
    await answer(store, scope, daily, 'U1', 'B');
    await answer(store, scope, practice, 'U1', 'B');
    const week = bucketName('week', periods.week.key);
    const month = bucketName('month', periods.month.key);
    for (const key of [
      keys.board(scope, week),
      keys.teamBoard(scope, week),
      keys.teamScorers(scope, week),
      keys.teamScorerCounts(scope, week),
    ]) {
      expect(await admin.pexpiretime(key)).toBe(periods.week.expiresAt);
    }
    for (const key of [
      keys.board(scope, month),
      keys.teamBoard(scope, month),
      keys.teamScorerCounts(scope, month),
    ]) {
      expect(await admin.pexpiretime(key)).toBe(periods.month.expiresAt);
    }
    for (const key of [
      keys.board(scope, 'all'),
      keys.teamBoard(scope, 'all'),
      keys.player(scope, 'U1'),
      keys.teams(scope),
    ]) {
      expect(await admin.pttl(key)).toBe(-1);
    }
    for (const key of [keys.round(scope, daily.id), keys.answers(scope, daily.id)]) {
      expect(await admin.pexpiretime(key)).toBe(daily.closesAt + 14 * DAY);
    }
    for (const key of [keys.round(scope, practice.id), keys.answers(scope, practice.id)]) {
      expect(await admin.pexpiretime(key)).toBe(practice.closesAt + DAY);
    }
  });

  it('drops due entries whose round is gone', async () => {
    const { store, keys, scope } = freshStore();
    const round = await openRound(store, scope);
    await admin.del(keys.round(scope, round.id));
    expect(await store.dueRounds(round.closesAt, 10)).toEqual([]);
    expect(await admin.zcard(keys.due())).toBe(0);
  });

  it('counts a streak as broken when the later round it missed has already expired', async () => {
    const { store, keys, scope } = freshStore();
    const first = await openRound(store, scope);
    await answer(store, scope, first, 'U1', 'B');
    const stats = () => store.playerStats(scope, 'U1', { week: periods.week.key, month: periods.month.key });
    expect(await stats()).toMatchObject({ streak: 1 });
    await admin.del(keys.round(scope, first.id));
    expect(await stats()).toMatchObject({ streak: 1 });
    const missed = await openRound(store, scope);
    await admin.del(keys.round(scope, missed.id));
    expect(await stats()).toMatchObject({ streak: 0, bestStreak: 1 });
  });

  it('reloads its scripts after SCRIPT FLUSH', async (context) => {
    requirePrivate(context);
    const { store, scope } = freshStore();
    const round = await openRound(store, scope);
    await answer(store, scope, round, 'U1', 'B');
    const noscriptErrors = async () =>
      Number(/errorstat_NOSCRIPT:count=(\d+)/.exec(await admin.info('errorstats'))?.[1] ?? 0);
    const before = await noscriptErrors();
    await admin.script('FLUSH');
    expect(await answer(store, scope, round, 'U2', 'B')).toMatchObject({ kind: 'recorded', answerCount: 2 });
    expect(await noscriptErrors()).toBe(before + 1);
  });

  it('times out with StoreUnavailableError when Redis stops answering, and never scores twice', async (context) => {
    requirePrivate(context);
    const { store, scope } = freshStore();
    const round = await openRound(store, scope);
    await target?.pause();
    try {
      const started = Date.now();
      await expect(answer(store, scope, round, 'U1', 'B')).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await target?.resume();
    }
    // The script was sent before the timeout, so the server runs it once it wakes up: the retry the user
    // is asked for then finds the answer already there, scored once.
    expect(await answer(store, scope, round, 'U1', 'B')).toEqual({
      kind: 'duplicate',
      questionId: 'q1',
      previousChoice: 'B',
      locale: null,
    });
    expect(
      (await store.playerStats(scope, 'U1', { week: periods.week.key, month: periods.month.key })).points.all,
    ).toBe(10);
  });

  it('fails fast with StoreUnavailableError while Redis is down, and recovers when it is back', async (context) => {
    requirePrivate(context);
    const { store, scope } = freshStore();
    const round = await openRound(store, scope);
    await target?.stop();
    try {
      for (const call of [
        () => answer(store, scope, round, 'U1', 'B'),
        () => store.getRound(scope, round.id),
        () => store.leaderboard({ scope, period: 'all', periodKey: 'all', limit: 10 }),
      ]) {
        const started = Date.now();
        await expect(call()).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(2000);
      }
      // The failed reconnects are logged (an unhandled 'error' event would have crashed the process).
      await eventually(() => logged.some((l) => l.level === 'warn'));
    } finally {
      await target?.restart();
    }
    // The restarted server is empty; the same client reconnects by itself within its retry delay.
    const fresh = await eventually(() =>
      openRound(store, scope).catch((error: unknown) => {
        if (error instanceof StoreUnavailableError) return null;
        throw error;
      }),
    );
    expect(await answer(store, scope, fresh, 'U1', 'B')).toMatchObject({ kind: 'recorded', points: 10 });
    expect(logged.some((l) => l.level === 'info' && l.msg.includes('ready again'))).toBe(true);
  });
});

/** Polls `attempt` every 50 ms until it gives a truthy value, for at most 10 s. */
async function eventually<T>(attempt: () => T | null | false | Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await attempt();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
