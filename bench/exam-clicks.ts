import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { FuseServiceCatalog } from '../src/adapters/questions/fuse-service-catalog.js';
import { loadQuizContent } from '../src/adapters/questions/quiz-content.js';
import { createRedisClients } from '../src/adapters/redis/redis-client.js';
import { RedisQuizStore } from '../src/adapters/redis/redis-quiz-store.js';
import { ExamService } from '../src/core/exam/exam-service.js';
import type { Exam } from '../src/core/model/exam.js';
import type { Round } from '../src/core/model/model.js';
import { seededRandom } from '../src/core/model/random.js';
import { QuizEngine } from '../src/core/rounds/quiz-engine.js';
import { deleteByPrefix, startRedisTarget, uniquePrefix } from '../test/support/redis-server.js';
import { formatSummary, summarize } from './support/stats.js';
import { formatTable } from './support/table.js';

/**
 * A full mock exam's 50 clicks by 200 players at once, against 50 daily answers by the same 200 players at
 * once, on a private redis-server through the core (ExamService.move vs QuizEngine.submitAnswer): the issue's
 * target is the exam click's p99 within 2x the daily answer's. Also counts client commands per click.
 * Prints a table; asserts nothing.
 */

const PLAYERS = 200;
const CLICKS = 50;
const NOW = Date.UTC(2030, 0, 7, 1);
const silent = { info: () => {}, warn: () => {} };

/** Each player works through `steps` one after another; all players at once. Latency of every step, ms. */
async function everyoneAtOnce(
  steps: number,
  step: (player: number, i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: PLAYERS }, async (_, player) => {
      for (let i = 0; i < steps; i++) {
        const started = performance.now();
        await step(player, i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

async function calls(admin: Redis, name: string): Promise<number> {
  const match = new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(await admin.info('commandstats'));
  return Number(match?.[1] ?? 0);
}

export async function benchExamClicks(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'exam: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const clients = createRedisClients({ url: target.url, logger: silent });
  await clients.connect();
  const admin = new Redis(target.url);
  const prefix = uniquePrefix();
  const store = new RedisQuizStore(clients.interactive, { prefix });
  const { bank } = loadQuizContent('questions');
  let ids = 0;
  const engine = new QuizEngine({
    store,
    bank,
    catalog: new FuseServiceCatalog([]),
    clock: { now: () => NOW },
    random: seededRandom(7),
    newId: () => `b${++ids}`,
    timeZone: 'Asia/Tokyo',
  });
  const exams = new ExamService(engine);
  const scope = `slack:T-exam-bench-${randomUUID()}`;
  const player = (i: number) => `U${i}`;
  try {
    // Daily answers: 50 rounds, each answered by all 200 players (their first answers: the full write path).
    const rounds: Round[] = [];
    for (let r = 0; r < CLICKS; r++) {
      const started = await engine.startRound({ channel: { scope, channelId: `C${r}` }, kind: 'daily' });
      if (started.kind !== 'started') throw new Error('bench round not started');
      rounds.push(started.round);
    }
    const daily = await everyoneAtOnce(CLICKS, async (p, i) => {
      const round = rounds[i] as Round;
      await engine.submitAnswer({
        scope,
        roundId: round.id,
        player: { id: player(p), displayName: `P${p}` },
        choice: 'A',
      });
    });

    // Full exams: 200 players start one each, then all click through their 50 questions at once.
    const open: Exam[] = [];
    for (let p = 0; p < PLAYERS; p++) {
      const outcome = await exams.start(scope, player(p), 'full');
      if (outcome.kind !== 'question') throw new Error(`bench exam not started: ${outcome.kind}`);
      open.push(outcome.exam);
    }
    const evalshaBefore = await calls(admin, 'evalsha');
    const exam = await everyoneAtOnce(CLICKS, async (p, i) => {
      const mine = open[p] as Exam;
      const key = mine.items[i]?.answer ?? 'A';
      const outcome = await exams.move(scope, player(p), mine.id, {
        kind: 'answer',
        index: i,
        keys: key.split(','),
      });
      if (outcome.kind !== 'question') throw new Error(`bench click: ${outcome.kind}`);
    });
    const evalshaPerClick = ((await calls(admin, 'evalsha')) - evalshaBefore) / (PLAYERS * CLICKS);

    const submitStarted = performance.now();
    await Promise.all(open.map((_, p) => exams.submit(scope, player(p))));
    const submitSeconds = (performance.now() - submitStarted) / 1000;

    const d = summarize(daily);
    const x = summarize(exam);
    return formatTable([
      ['what (200 players at once, 50 each)', 'p50/p95/p99 ms', 'p99 vs daily'],
      ['daily answer (recordAnswer script)', formatSummary(d), '1.00x'],
      ['exam click (updateExam script)', formatSummary(x), `${(x.p99 / d.p99).toFixed(2)}x`],
      ['client scripts per exam click (evalsha)', evalshaPerClick.toFixed(2), ''],
      ['200 full exams submitted at once, s', submitSeconds.toFixed(2), ''],
    ]);
  } finally {
    await deleteByPrefix(admin, prefix).catch(() => {});
    await clients.quit();
    admin.disconnect();
    await target.close();
  }
}
