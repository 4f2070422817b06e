import path from 'node:path';
import { createDiscordBot, type DiscordBot } from '../../src/adapters/discord/discord-bot.js';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { loadQuizContent, type QuizContent } from '../../src/adapters/questions/quiz-content.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import type { Locale } from '../../src/core/model/model.js';
import type { DashboardLinks } from '../../src/core/ports/dashboard-links.js';
import type { Logger } from '../../src/core/ports/logger.js';
import type { QuestionBank } from '../../src/core/ports/question-bank.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';
import { ManualClock } from './builders.js';
import type { InteractionPayload } from './discord-interactions.js';
import { requestProblems } from './discord-payload-limits.js';
import { APP_ID, FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { ROOT } from './run-entry-point.js';

let content: QuizContent | undefined;

/** The real question bank and /gcp catalog, loaded once per test file. */
export function realContent(): QuizContent {
  content ??= loadQuizContent(path.join(ROOT, 'questions'));
  return content;
}

/** A logger that keeps what was logged at warn and error, so tests can assert nothing went wrong. */
export function recordingLogger(): Logger & {
  problems: { level: string; msg: string | undefined; obj: object }[];
} {
  const problems: { level: string; msg: string | undefined; obj: object }[] = [];
  return {
    problems,
    debug() {},
    info() {},
    warn: (obj, msg) => problems.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => problems.push({ level: 'error', msg, obj }),
  };
}

export interface HarnessOptions {
  locale?: Locale;
  adminUserIds?: string[];
  refreshIntervalMs?: number;
  store?: QuizStore;
  /** A click's reply slower than this is deferred first. */
  deferAfterMs?: number;
  /** Another question bank than the real one (e.g. the long fixtures). */
  bank?: QuestionBank;
  /** The web dashboard's sign-in links (`/quiz dashboard`); absent: the command says it is off. */
  dashboard?: DashboardLinks;
}

export interface DiscordHarness {
  fake: FakeDiscord;
  app: AppParts;
  bot: DiscordBot;
  clock: ManualClock;
  log: ReturnType<typeof recordingLogger>;
  /** Dispatches an interaction and resolves with the request that finishes it (reply edit or callback). */
  interact(payload: InteractionPayload): Promise<InteractionResult>;
  /** Every Discord limit broken by any request so far. */
  limitProblems(): string[];
  close(): Promise<void>;
}

export interface InteractionResult {
  /** The interaction callbacks (the reply itself, a defer, or the autocomplete answer). */
  callbacks: RecordedRequest[];
  /** The final request: the reply callback, the edit of a deferred reply, or the autocomplete callback. */
  final: RecordedRequest;
}

/** The real app and the real discord.js Client, connected to a fresh fake Discord. */
export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start();
  const clock = new ManualClock(Date.parse('2026-11-26T00:00:00Z'));
  const locale = options.locale ?? 'ja';
  const log = recordingLogger();
  const app = buildApp({
    bank: options.bank ?? realContent().bank,
    catalog: realContent().catalog,
    store: options.store ?? new MemoryQuizStore(),
    subscriptions: new MemorySubscriptionStore(() => clock.now()),
    clock,
    log,
    quiz: {
      timeZone: 'Asia/Tokyo',
      cron: '0 9 * * 1-5',
      locale,
      adminUserIds: options.adminUserIds ?? [],
      questionsDir: 'questions',
      seed: 7,
    },
    channelLocale: locale,
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const bot = createDiscordBot({
    settings: { token: 'fake-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
    commands: app.commands,
    defaultLocale: locale,
    adminUserIds: options.adminUserIds ?? [],
    log,
    refreshIntervalMs: options.refreshIntervalMs ?? 200,
    restRetries: 0,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  app.platforms.set('discord', bot.platform);
  await bot.start();

  return {
    fake,
    app,
    bot,
    clock,
    log,
    async interact(payload) {
      const token = payload.token;
      await fake.waitForLiveSession();
      fake.dispatchInteraction(payload);
      // The reply is either the callback itself (type 4, or 8 for autocomplete) or, after a defer (type 5),
      // the edit of the original response.
      const final = await fake.waitForRequest(
        (r) =>
          (r.route.includes(`/${token}/callback`) && (r.body as { type?: number } | undefined)?.type !== 5) ||
          (r.method === 'PATCH' && r.route.endsWith(`/${token}/messages/@original`)),
      );
      return { callbacks: fake.requests.filter((r) => r.route.includes(`/${token}/callback`)), final };
    },
    limitProblems: () => fake.requests.flatMap(requestProblems),
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** The embed of a reply or message body. */
export function embedOf(request: RecordedRequest): {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
} {
  const body = messageBody(request);
  return (body?.embeds?.[0] ?? {}) as ReturnType<typeof embedOf>;
}

/** All the text of a reply's first embed, for `toContain` checks. */
export function textOf(request: RecordedRequest): string {
  const e = embedOf(request);
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join('\n');
}

/** The buttons of a message body, row by row flattened. */
export function buttonsOf(
  request: RecordedRequest,
): { label: string; custom_id?: string; url?: string; style: number; disabled?: boolean }[] {
  const body = messageBody(request);
  return (body?.components ?? []).flatMap((row) => row.components) as ReturnType<typeof buttonsOf>;
}

interface MessageBody {
  embeds?: unknown[];
  components?: { components: unknown[] }[];
  flags?: number;
}

/** The message of a request: an edit's body, or the `data` of an interaction callback. */
export function messageBody(request: RecordedRequest): MessageBody | undefined {
  const body = request.body as (MessageBody & { type?: number; data?: MessageBody }) | undefined;
  return body?.type !== undefined && body.data ? body.data : body;
}
