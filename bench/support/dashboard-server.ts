import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createDashboardPages } from '../../src/adapters/http/dashboard/create-dashboard-pages.js';
import { InMemoryQuestionBank } from '../../src/adapters/questions/in-memory-question-bank.js';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import { buildApp } from '../../src/app/app.js';
import { dashboardSignIn, dashboardWebRoutes } from '../../src/app/dashboard-web.js';
import { closeListener, startListener } from '../../src/app/http-listeners.js';
import type { DashboardStore } from '../../src/core/ports/dashboard-store.js';
import type { QuestionBank } from '../../src/core/ports/question-bank.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';
import type { SubscriptionStore } from '../../src/core/ports/subscription-store.js';
import { seedDashboard, seedPlayerId } from '../../test/support/dashboard-seed.js';
import { ROOT } from './node-child.js';

export const DASH_SCOPE = 'slack:TDASHBENCH';
export const TIME_ZONE = 'Asia/Tokyo';

/** The real bank cut to `count` questions (the dashboard bench's 300). */
export function benchBank(count: number): QuestionBank {
  const real = loadQuizContent(path.join(ROOT, 'questions')).bank;
  return new InMemoryQuestionBank(real.all().slice(0, count), real.domains());
}

export interface DashboardServer {
  base: string;
  /** A signed-in session cookie (`name=value`) for the seeded player `playerIndex`, an admin. */
  cookieFor(playerIndex: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The dashboard as the bot serves it (the real routes on the public listener, the real pages) over the
 * given stores, a seeded workspace in it. Everyone is an admin (the admin view is the costliest).
 */
export async function startDashboardServer(input: {
  store: QuizStore;
  subscriptions: SubscriptionStore;
  dashboardStore: DashboardStore;
  bank: QuestionBank;
  players: number;
  answersPerPlayer: number;
  teams: number;
  now: number;
  cacheMs?: number;
}): Promise<DashboardServer> {
  const log = pino({ level: 'silent' });
  await seedDashboard(input.store, {
    scope: DASH_SCOPE,
    players: input.players,
    questions: input.bank.all(),
    answersPerPlayer: input.answersPerPlayer,
    teams: input.teams,
    now: input.now,
    timeZone: TIME_ZONE,
  });
  let base = '';
  const signIn = dashboardSignIn(input.dashboardStore, () => base);
  const app = buildApp({
    bank: input.bank,
    catalog: loadQuizContent(path.join(ROOT, 'questions')).catalog,
    store: input.store,
    subscriptions: input.subscriptions,
    clock: { now: () => input.now },
    log,
    quiz: {
      timeZone: TIME_ZONE,
      cron: '0 9 * * 1-5',
      locale: 'en',
      adminUserIds: [],
      questionsDir: 'questions',
    },
    channelLocale: 'en',
    dashboard: signIn,
  });
  const pages = createDashboardPages({
    store: input.store,
    bank: input.bank,
    clock: { now: () => input.now },
    timeZone: TIME_ZONE,
    ...(input.cacheMs !== undefined ? { cacheMs: input.cacheMs } : {}),
  });
  const server: Server = await startListener({
    routes: dashboardWebRoutes({
      signIn,
      pages,
      commands: app.commands,
      adminRules: { slack: async () => true },
      defaultLocale: 'en',
      publicUrl: null,
      log,
      // One client makes every request here: the per-address limit would only measure itself.
      rateLimit: { limit: 1_000_000, windowMs: 60_000, maxClients: 10 },
    }),
    port: 0,
    host: '127.0.0.1',
    log,
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async cookieFor(playerIndex) {
      const issued = await signIn.issue({
        scope: DASH_SCOPE,
        playerId: seedPlayerId(playerIndex),
        isAdmin: true,
      });
      if (issued.kind !== 'link') throw new Error(`no link: ${issued.kind}`);
      const token = new URL(issued.url).searchParams.get('t') ?? '';
      const res = await fetch(`${base}/dash/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ t: token }).toString(),
        redirect: 'manual',
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    stop: () => closeListener(server),
  };
}
