import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createRedisClients, type RedisClients } from '../src/adapters/redis/redis-client.js';
import { RedisQuizStore } from '../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../src/adapters/redis/redis-subscription-store.js';
import { buildApp } from '../src/app/app.js';
import type { ChannelRef, Question, Round } from '../src/core/model/model.js';
import type { ChatPlatform } from '../src/core/ports/chat-platform.js';
import { messagesFor } from '../src/core/presentation/messages/index.js';
import { aBank, aCatalog, someQuestions } from '../test/support/builders.js';
import {
  deleteByPrefix,
  type RedisTarget,
  startRedisTarget,
  uniquePrefix,
} from '../test/support/redis-server.js';
import { formatTable } from './support/table.js';

/**
 * `npm run bench -- fanout`: N channels subscribed to the same minute, one scheduler tick on one process,
 * a chat platform double that answers every call after `FANOUT_LATENCY_MS` (default 150 ms, about what
 * Slack's chat.postMessage takes), 100 channels per workspace. Prints when the first, median and last
 * question arrived after the slot; then what a tick costs when nothing is due (time and Redis commands).
 *
 * `FANOUT_SIZES=100,1000` and `FANOUT_IDLE_SIZES=1000` shorten the run (the old linear scheduler needed
 * about 0.3 s per channel).
 */

const MINUTE = 60_000;
const LATENCY_MS = Number(process.env.FANOUT_LATENCY_MS ?? 150);
const CHANNELS_PER_WORKSPACE = 100;
const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').map(Number).filter(Number.isFinite);
/** A Monday 08:59 in Tokyo, far from today: the schedule is set a minute before its slot. */
const SLOT = Date.parse('2030-01-07T00:00:00Z');
const en = messagesFor('en');
const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

/** The platform double: every call takes LATENCY_MS; posts are timed from `t0`. */
class LatentPlatform implements ChatPlatform {
  readonly postedAt: number[] = [];
  t0 = 0;
  async postQuestion(_c: ChannelRef, round: Round, _q: Question): Promise<string> {
    await sleep(LATENCY_MS);
    this.postedAt.push(performance.now() - this.t0);
    return `m-${round.id}`;
  }
  async refreshAnswerCount(): Promise<void> {}
  async revealRound(): Promise<void> {
    await sleep(2 * LATENCY_MS);
  }
  async postText(): Promise<void> {
    await sleep(LATENCY_MS);
  }
  async sendPrivately(): Promise<void> {
    await sleep(LATENCY_MS);
  }
}

/** A clock that starts at `start` and runs at real speed. */
function runningClock(start: number) {
  const origin = Date.now();
  return { now: () => start + (Date.now() - origin) };
}

async function makeApp(target: RedisTarget, clock: { now(): number }) {
  const clients: RedisClients = createRedisClients({ url: target.url, logger: { info() {}, warn() {} } });
  await clients.connect();
  const prefix = uniquePrefix();
  const platform = new LatentPlatform();
  const subscriptions = new RedisSubscriptionStore(clients.background, { prefix });
  const app = buildApp({
    bank: aBank(someQuestions(20)),
    catalog: aCatalog(),
    store: new RedisQuizStore(clients.interactive, { prefix }),
    subscriptions,
    clock,
    log: silentLog,
    quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
    channelLocale: 'en',
  });
  app.platforms.set('slack', platform);
  return { app, platform, clients, prefix, subscriptions };
}

function channelAt(i: number): ChannelRef {
  return { scope: `slack:T${Math.floor(i / CHANNELS_PER_WORKSPACE)}`, channelId: `C${i}` };
}

/** Subscribes `count` channels with `concurrency` calls in flight. */
async function subscribe(app: Awaited<ReturnType<typeof makeApp>>['app'], count: number, cron: string) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      for (let i = next++; i < count; i = next++)
        await app.schedule.set(channelAt(i), cron, 'Asia/Tokyo', en);
    }),
  );
}

/** Each row on stderr as soon as it is measured: the old scheduler took many minutes per table. */
function progress(row: string[] | undefined): void {
  process.stderr.write(`fanout: ${row?.join(' | ')}\n`);
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));

async function commandCalls(admin: Redis): Promise<number> {
  let total = 0;
  for (const m of (await admin.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (m[1] !== 'info') total += Number(m[2]);
  }
  return total;
}

async function fanout(target: RedisTarget, admin: Redis, channels: number): Promise<string[]> {
  const clock = {
    current: SLOT - MINUTE,
    now() {
      return this.current;
    },
  };
  const { app, platform, clients, prefix } = await makeApp(target, clock);
  try {
    // The '0 9 * * 1-5' slot the schedule was set a minute before (its first digest is posted too).
    await subscribe(app, channels, '0 9 * * 1-5');
    const running = runningClock(SLOT);
    clock.now = () => running.now();
    platform.t0 = performance.now();
    await app.schedule.tick();
    const times = [...platform.postedAt].sort((a, b) => a - b);
    return [
      String(channels),
      String(channels / CHANNELS_PER_WORKSPACE),
      String(times.length),
      seconds(times[0]),
      seconds(times[Math.floor(times.length / 2)]),
      seconds(times.at(-1)),
    ];
  } finally {
    await deleteByPrefix(admin, prefix).catch(() => {});
    await clients.quit();
  }
}

/** Saturday 10:00 in Tokyo: the weekday 09:00 schedule's last slot (Friday) is over 24 hours back. */
const SATURDAY_10 = Date.parse('2030-01-12T01:00:00Z');
const NEXT_MONDAY_9 = Date.parse('2030-01-14T00:00:00Z');

async function idleTick(target: RedisTarget, admin: Redis, count: number): Promise<string[]> {
  const clock = { now: () => SATURDAY_10 };
  const { app, clients, prefix, subscriptions } = await makeApp(target, clock);
  try {
    // Written straight to the store (as `/quiz schedule` would, without its reply), 200 at a time.
    let next = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        for (let i = next++; i < count; i = next++) {
          const sub = {
            channel: channelAt(i),
            cron: '0 9 * * 1-5',
            timeZone: 'Asia/Tokyo',
            digest: true,
            since: SATURDAY_10,
          };
          await subscriptions.saveSubscription(sub, NEXT_MONDAY_9);
        }
      }),
    );
    await app.schedule.tick(); // warm up (scripts loaded, first-run work done)
    const before = await commandCalls(admin);
    const started = performance.now();
    await app.schedule.tick();
    const elapsed = performance.now() - started;
    const calls = (await commandCalls(admin)) - before;
    return [String(count), `${elapsed.toFixed(1)} ms`, String(calls)];
  } finally {
    await deleteByPrefix(admin, prefix).catch(() => {});
    await clients.quit();
  }
}

export async function benchFanout(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'fanout: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const admin = new Redis(target.url);
  try {
    const postRows = [['channels', 'workspaces', 'posted', 'first s', 'median s', 'last s']];
    for (const n of sizes('FANOUT_SIZES', '100,1000,10000')) {
      postRows.push(await fanout(target, admin, n));
      progress(postRows.at(-1));
    }
    const idleRows = [['subscriptions', 'tick (none due)', 'redis commands']];
    for (const n of sizes('FANOUT_IDLE_SIZES', '1000,100000'))
      idleRows.push(await idleTick(target, admin, n));
    return [
      `one tick at a 09:00 slot, platform latency ${LATENCY_MS} ms per call, ${CHANNELS_PER_WORKSPACE} channels per workspace`,
      formatTable(postRows),
      '',
      'a tick with nothing due',
      formatTable(idleRows),
      '',
    ].join('\n');
  } finally {
    admin.disconnect();
    await target.close();
  }
}
