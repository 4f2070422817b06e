import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/adapters/redis/redis-keys.js';
import { scopeId } from '../src/core/model/model.js';
import { encodeAction } from '../src/core/presentation/action-id.js';
import { messagesFor } from '../src/core/presentation/messages/index.js';
import { click, GUILD_ID } from '../test/support/discord-interactions.js';
import { FakeDiscord, type RecordedRequest } from '../test/support/fake-discord.js';
import { deleteByPrefix, startRedisTarget } from '../test/support/redis-server.js';
import { type BareDiscordClient, startBareDiscordClient } from './support/bare-discord-client.js';
import { ownCpuSeconds } from './support/cpu-accounting.js';
import { type DiscordBotUnderTest, startDiscordBot } from './support/discord-bot-under-test.js';
import { formatSummary, type LatencySummary, summarize } from './support/stats.js';
import { formatTable } from './support/table.js';

/**
 * Discord at the adapter level: the real discord.js Client and our interaction handlers, with the core
 * on a RedisQuizStore (private redis-server), logged in to the fake gateway of test/support. The fake
 * dispatches INTERACTION_CREATE button clicks in bursts (distinct users, a real round) and records the
 * interaction callbacks (the private reply itself, or a defer) and any webhook edits (the feedback after a
 * defer). Everything runs in this
 * process, so the CPU column covers the bot, the fake and the generator together. Prints a table.
 */

/** Burst size and number of bursts: each burst is dispatched at once and awaited before the next. */
const LEVELS: readonly (readonly [burst: number, bursts: number])[] = [
  [1, 200],
  [32, 20],
  [256, 3],
];
const WARM_UP: readonly [number, number] = [32, 5];

/**
 * discord.js's REST client keeps a local global limit of 50 requests per second and counts the edits of
 * interaction replies against it, though Discord exempts interaction endpoints from its global limit.
 * The adapter now replies in the callback (exempt) unless the store is slow, so the cap matters only for
 * deferred replies; the second mode lifts it to show the headroom left.
 */
const MODES = [
  { name: 'as shipped (discord.js local global limit: 50 requests/s)', lift: false },
  { name: 'experiment: local global limit lifted', lift: true },
] as const;
const BURST_TIMEOUT_MS = 60_000;

const m = messagesFor('en');
const isFeedback = (title: string) => title.startsWith('Correct!') || title.startsWith(m.incorrect);

interface FeedbackBody {
  embeds?: { title?: string }[];
  content?: string;
}

interface Timing {
  dispatchedAt: number;
  callbackAt?: number;
  editAt?: number;
  editTitle?: string;
}

interface LevelResult {
  mode: string;
  burst: number;
  interactions: number;
  perSecond: number;
  callback: LatencySummary;
  edit: LatencySummary;
  cpuMsPerInteraction: number;
  errors: number;
}

/** Files each callback and edit the fake receives under its interaction token, with its arrival time. */
function trackResponses(fake: FakeDiscord, timings: Map<string, Timing>): void {
  fake.events.on('request', (request: RecordedRequest) => {
    const at = performance.now();
    const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.route);
    const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(request.route);
    const timing = timings.get(callback?.[1] ?? edit?.[1] ?? '');
    if (!timing) return;
    if (callback) timing.callbackAt ??= at;
    // The feedback is the callback itself (type 4, answered within the defer threshold) or, after a
    // defer (type 5), the edit of the original response.
    const body = request.body as { type?: number; data?: FeedbackBody } & FeedbackBody;
    const feedback =
      callback && body.type === 4 ? body.data : edit && request.method === 'PATCH' ? body : undefined;
    if (feedback) {
      timing.editAt ??= at;
      timing.editTitle = feedback.embeds?.[0]?.title ?? feedback.content ?? '';
    }
  });
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** What a level clicks: the buttons of a fresh round of ours, or any button for the bare client. */
interface Target {
  round(channelId: string): Promise<{ roundId: string; customIds: string[]; messageRef: string }>;
  /** Whether a private reply (an embed title, or the content) is the expected one. */
  expected(reply: string): boolean;
}

function ourTarget(bot: DiscordBotUnderTest): Target {
  return {
    async round(channelId) {
      // The clicks are answer buttons, which only a single-answer question has (a multiple-select post
      // opens a picker instead): publishing again closes the round and draws another question.
      const channel = { scope: scopeId('discord', GUILD_ID), channelId };
      let posted = await bot.app.publisher.publish(channel);
      for (
        let tries = 0;
        posted.kind === 'posted' && posted.question.answer.length > 1 && tries < 20;
        tries++
      ) {
        posted = await bot.app.publisher.publish(channel);
      }
      if (posted.kind !== 'posted' || posted.question.answer.length > 1) {
        throw new Error('no single-answer question to post');
      }
      const customIds = posted.question.choices.map((c) =>
        encodeAction({ kind: 'answer', roundId: posted.round.id, choice: c.key }),
      );
      return { roundId: posted.round.id, customIds, messageRef: posted.messageRef };
    },
    expected: isFeedback,
  };
}

const BARE_TARGET: Target = {
  round: async () => ({
    roundId: '',
    customIds: ['ans:bare:A', 'ans:bare:B'],
    messageRef: '400000000000000001',
  }),
  expected: (reply) => reply.length > 0,
};

async function runLevel(
  fake: FakeDiscord,
  target: Target,
  timings: Map<string, Timing>,
  tag: string,
  [burst, bursts]: readonly [number, number],
): Promise<LevelResult & { roundId: string }> {
  // A channel per level, so each level answers a fresh round (and posting it closes no other).
  const channelId = String(300_000_000_000_000_000n + BigInt(timings.size + 1));
  const { roundId, customIds, messageRef } = await target.round(channelId);
  const mine: Timing[] = [];
  let busySeconds = 0;
  const cpuBefore = ownCpuSeconds();
  for (let b = 0; b < bursts; b++) {
    const batch: Timing[] = [];
    const started = performance.now();
    for (let i = 0; i < burst; i++) {
      const n = b * burst + i;
      const customId = customIds[n % customIds.length] ?? '';
      const user = {
        id: String(500_000_000_000_000_000n + BigInt(timings.size)),
        username: `${tag}-${n}`,
        locale: 'en-US',
      };
      const payload = click(customId, messageRef, user, { channelId });
      const timing: Timing = { dispatchedAt: performance.now() };
      timings.set(payload.token, timing);
      batch.push(timing);
      fake.dispatchInteraction(payload);
    }
    await waitFor(() => batch.every((t) => t.editAt !== undefined), BURST_TIMEOUT_MS);
    busySeconds += (Math.max(started, ...batch.map((t) => t.editAt ?? 0)) - started) / 1000;
    mine.push(...batch);
  }
  const cpuSeconds = ownCpuSeconds() - cpuBefore;
  const done = mine.filter((t) => t.editAt !== undefined && t.callbackAt !== undefined);
  const errors = mine.length - done.length + done.filter((t) => !target.expected(t.editTitle ?? '')).length;
  return {
    mode: '',
    roundId,
    burst,
    interactions: mine.length,
    perSecond: mine.length / busySeconds,
    callback: summarize(done.map((t) => (t.callbackAt ?? 0) - t.dispatchedAt)),
    edit: summarize(done.map((t) => (t.editAt ?? 0) - t.dispatchedAt)),
    cpuMsPerInteraction: (cpuSeconds * 1000) / mine.length,
    errors,
  };
}

const BARE_MODE = 'bare discord.js client';
const BARE_DESCRIPTION =
  'the same Client options, one ephemeral reply in the interaction callback per click, nothing else (bench/support/bare-discord-client.ts)';

/** Ours as shipped against the bare client, level by level: throughput, p99 of the feedback, CPU. */
function ratioRows(ours: readonly LevelResult[], bare: readonly LevelResult[]): string[][] {
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  return [
    ['ours/bare', 'burst', 'interactions/s', 'feedback p99', 'CPU ms/interaction'],
    ...ours.map((o, i) => {
      const b = bare[i];
      if (!b) return ['', String(o.burst), '-', '-', '-'];
      return [
        '',
        String(o.burst),
        x(o.perSecond, b.perSecond),
        x(o.edit.p99, b.edit.p99),
        x(o.cpuMsPerInteraction, b.cpuMsPerInteraction),
      ];
    }),
  ];
}

/** Lets the REST client send as fast as it likes (the fake never answers 429). */
function liftGlobalLimit(bot: DiscordBotUnderTest): void {
  const rest = bot.bot.client.rest;
  rest.options.globalRequestsPerSecond = Number.MAX_SAFE_INTEGER;
  rest.globalRemaining = Number.MAX_SAFE_INTEGER;
}

export async function benchDiscordEndToEnd(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'discord-e2e: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const fake = await FakeDiscord.start({ heartbeatIntervalMs: 30_000 });
  const admin = new Redis(target.url);
  const keyPrefix = `pqbench-${randomUUID()}`;
  const timings = new Map<string, Timing>();
  trackResponses(fake, timings);
  // The bare client has a gateway and REST of its own, in this process too, so the CPU columns compare.
  const bareFake = await FakeDiscord.start({ heartbeatIntervalMs: 30_000 });
  trackResponses(bareFake, timings);
  let bot: DiscordBotUnderTest | undefined;
  let bare: BareDiscordClient | undefined;
  try {
    bot = await startDiscordBot(fake, { url: target.url, keyPrefix });
    bare = await startBareDiscordClient(bareFake);
    await runLevel(fake, ourTarget(bot), timings, 'warm', WARM_UP);
    await runLevel(bareFake, BARE_TARGET, timings, 'bare-warm', WARM_UP);
    const results: (LevelResult & { roundId: string })[] = [];
    const bareResults: LevelResult[] = [];
    const rateLimitWarnings: number[] = [];
    for (const mode of MODES) {
      if (mode.lift) liftGlobalLimit(bot);
      const warningsBefore = bot.log.problems.length;
      for (const level of LEVELS) {
        const result = await runLevel(fake, ourTarget(bot), timings, `b${level[0]}`, level);
        results.push({ ...result, mode: mode.name });
        // Interleaved with ours, so a busy phase of the machine hits both alike.
        if (!mode.lift) {
          const bareResult = await runLevel(bareFake, BARE_TARGET, timings, `bare${level[0]}`, level);
          bareResults.push({ ...bareResult, mode: BARE_MODE });
        }
      }
      rateLimitWarnings.push(bot.log.problems.length - warningsBefore);
    }

    const keys = new RedisKeys(keyPrefix);
    let stored = 0;
    for (const r of results)
      stored += await admin.hlen(keys.answers(scopeId('discord', GUILD_ID), r.roundId));
    const total = results.reduce((sum, r) => sum + r.interactions, 0);
    const rows = [
      [
        'mode',
        'burst',
        'interactions',
        'interactions/s',
        'first callback p50/p95/p99 ms',
        'private feedback p50/p95/p99 ms',
        'CPU ms/interaction',
        'errors',
      ],
      ...[...results, ...bareResults].map((r, i) => [
        i % LEVELS.length === 0 ? (r.mode.split(' (')[0] ?? '') : '',
        String(r.burst),
        String(r.interactions),
        r.perSecond.toFixed(0),
        formatSummary(r.callback),
        formatSummary(r.edit),
        r.cpuMsPerInteraction.toFixed(2),
        String(r.errors),
      ]),
    ];
    const server = target.isPrivate ? 'private redis-server' : `shared server at ${target.url}`;
    return [
      `Discord end to end (real discord.js Client and handlers, RedisQuizStore on a ${server}; fake gateway + REST in this process)`,
      formatTable(rows),
      `  ${BARE_MODE}: ${BARE_DESCRIPTION}`,
      formatTable(ratioRows(results.slice(0, LEVELS.length), bareResults)),
      ...MODES.map((mode, i) => `  ${mode.name}: ${rateLimitWarnings[i]} warnings logged`),
      `  first warning: ${bot.log.problems[0]?.slice(0, 200) ?? 'none'}`,
      `  answers stored / interactions: ${stored} / ${total}`,
      `  REST requests seen by the fake: ${fake.requests.length} (channel message edits, throttled: ${fake.requests.filter((r) => r.method === 'PATCH' && r.route.startsWith('/channels/')).length})`,
      '',
    ].join('\n');
  } finally {
    await bot?.close();
    await bare?.close();
    await bareFake.close();
    if (!target.isPrivate) await deleteByPrefix(admin, keyPrefix);
    admin.disconnect();
    await fake.close();
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await benchDiscordEndToEnd());
}
