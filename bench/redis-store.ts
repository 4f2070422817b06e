import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { createRedisClients } from '../src/adapters/redis/redis-client.js';
import { RedisKeys } from '../src/adapters/redis/redis-keys.js';
import { RedisQuizStore } from '../src/adapters/redis/redis-quiz-store.js';
import type { Round } from '../src/core/model/model.js';
import { periodBuckets } from '../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../src/core/model/scoring.js';
import { deleteByPrefix, startRedisTarget, uniquePrefix } from '../test/support/redis-server.js';
import { commandStats } from './support/redis-commands.js';

/**
 * Measures the Redis store on a private redis-server (or REDIS_URL when redis-server is not installed;
 * then the command counts include other clients' traffic). Prints a table; asserts nothing.
 */

const NOW = Date.UTC(2030, 0, 7, 1);
const PERIODS = periodBuckets(NOW, 'Asia/Tokyo');
const silent = { info: () => {}, warn: () => {} };

type Row = [string, string];

/** Runs `total` tasks with `concurrency` callers in flight; returns the elapsed seconds. */
async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await task(i);
    }),
  );
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function usedMemory(admin: Redis): Promise<number> {
  return Number(/^used_memory:(\d+)/m.exec(await admin.info('memory'))?.[1] ?? Number.NaN);
}

export async function benchRedisStore(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'redis-store: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const clients = createRedisClients({ url: target.url, logger: silent });
  await clients.connect();
  const admin = new Redis(target.url);
  const prefix = uniquePrefix();
  const store = new RedisQuizStore(clients.interactive, { prefix });
  const scope = `slack:T-bench-${randomUUID()}`;
  const rows: Row[] = [];

  let questions = 0;
  const newRound = (channelId = 'C1'): Promise<Round> =>
    store.createRound({
      id: `r-${randomUUID()}`,
      scope,
      channelId,
      // A question (and version) per round, so every answer is a first answer and the script's item
      // counters do their full work, as they do for a daily question.
      questionId: `q${++questions}`,
      questionVersion: 'v1',
      answerKey: 'B',
      choiceKeys: ['A', 'B', 'C', 'D'],
      // As the engine opens every round now: shuffled once and kept with the round.
      choiceOrder: ['C', 'A', 'D', 'B'],
      domain: 'd1',
      kind: 'daily',
      openedAt: NOW - 1000,
      closesAt: NOW + 3_600_000,
    });
  /** Records an answer that must be a player's first: the bench measures the full write path. */
  const answer = async (round: Round, playerId: string, choice = 'B') => {
    const result = await store.recordAnswer({
      scope,
      roundId: round.id,
      player: { id: playerId, displayName: `Player ${playerId}` },
      choice,
      now: NOW,
      pointsByStreak: POINTS_BY_STREAK,
      periods: PERIODS,
    });
    if (result.kind !== 'recorded') throw new Error(`bench answer not recorded: ${result.kind}`);
  };

  try {
    // Every player is in one of 10 teams, so answers take the full path (player and team boards).
    const players = Array.from({ length: 16_000 }, (_, i) => `U${i}`);
    await runConcurrently(players.length, 256, (i) =>
      store.joinTeam(scope, `U${i}`, `team-${i % 10}`, `Team ${i % 10}`),
    );

    for (const [concurrency, total] of [
      [1, 2_000],
      [16, 8_000],
      [256, 16_000],
    ] as const) {
      const round = await newRound();
      const seconds = await runConcurrently(total, concurrency, (i) =>
        answer(round, `U${i}`, i % 3 ? 'B' : 'A'),
      );
      rows.push([`answers/s, ${concurrency} concurrent caller(s)`, (total / seconds).toFixed(0)]);
    }
    // The rows above are the players' first answers ever, which also create their review logs; a
    // returning player (the usual click) appends to a log that exists.
    {
      const round = await newRound();
      const seconds = await runConcurrently(16_000, 256, (i) => answer(round, `U${i}`, i % 3 ? 'B' : 'A'));
      rows.push(['answers/s, 256 callers, returning players', (16_000 / seconds).toFixed(0)]);
    }

    const sample = 1_000;
    const round = await newRound();
    const beforeStats = await commandStats(admin);
    await runConcurrently(sample, 16, (i) => answer(round, `U${i}`));
    const afterStats = await commandStats(admin);
    const [before, after] = [beforeStats.calls, afterStats.calls];
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    // A script's usec includes the commands it runs: the time Redis is busy with one answer.
    const usec = (name: string) => (afterStats.usec.get(name) ?? 0) - (beforeStats.usec.get(name) ?? 0);
    const scripts = delta('evalsha') + delta('eval');
    // Commands run inside the script are counted too; the INFO call of this measurement is no answer's.
    const allCalls = [...after.keys()]
      .filter((name) => name !== 'info')
      .reduce((sum, name) => sum + delta(name), 0);
    rows.push(['client commands per answer (evalsha + eval)', (scripts / sample).toFixed(2)]);
    rows.push(['  of which eval (script body sent)', (delta('eval') / sample).toFixed(3)]);
    rows.push(['commands run inside the script per answer', ((allCalls - scripts) / sample).toFixed(1)]);
    rows.push([
      'µs inside Redis per answer (the script with its commands)',
      ((usec('evalsha') + usec('eval')) / sample).toFixed(1),
    ]);

    const boardScope = `slack:T-board-${randomUUID()}`;
    const keys = new RedisKeys(prefix);
    const boardSize = 100_000;
    for (let start = 0; start < boardSize; start += 1_000) {
      const chunk = Array.from({ length: 1_000 }, (_, j) => start + j);
      await admin.zadd(keys.board(boardScope, 'all'), ...chunk.flatMap((i) => [(i * 7919) % 5_000, `P${i}`]));
      await admin.hset(keys.names(boardScope), ...chunk.flatMap((i) => [`P${i}`, `Player ${i}`]));
    }
    const latencies: number[] = [];
    for (let q = 0; q < 1_000; q++) {
      const started = performance.now();
      await store.leaderboard({
        scope: boardScope,
        period: 'all',
        periodKey: 'all',
        limit: 10,
        viewerId: `P${q * 97}`,
      });
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    rows.push([
      `leaderboard top 10 + viewer, ${boardSize} players: p50 ms`,
      percentile(latencies, 50).toFixed(2),
    ]);
    rows.push([
      `leaderboard top 10 + viewer, ${boardSize} players: p99 ms`,
      percentile(latencies, 99).toFixed(2),
    ]);

    // 10,000 answers as a month of use: 1,000 players answering 10 daily rounds of one channel.
    // New players (in teams already), so their player hashes and board entries are counted too.
    await runConcurrently(1_000, 64, (i) =>
      store.joinTeam(scope, `M${i}`, `team-${i % 10}`, `Team ${i % 10}`),
    );
    const memoryBefore = await usedMemory(admin);
    const channel = `C-mem-${randomUUID()}`;
    for (let day = 0; day < 10; day++) {
      const daily = await newRound(channel);
      await runConcurrently(1_000, 64, (i) => answer(daily, `M${i}`, (i + day) % 4 ? 'B' : 'C'));
    }
    const memoryAfter = await usedMemory(admin);
    rows.push([
      'used_memory per 10,000 answers (1,000 players x 10 rounds)',
      `${((memoryAfter - memoryBefore) / 1024).toFixed(0)} KiB`,
    ]);
  } finally {
    await deleteByPrefix(admin, prefix);
    admin.disconnect();
    await clients.quit();
    await target.close();
  }

  const server = target.isPrivate ? 'private redis-server' : `shared server at ${target.url}`;
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `Redis store (${server}, one client with auto-pipelining)`,
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value.padStart(10)}`),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await benchRedisStore());
}
