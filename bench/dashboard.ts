import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createRedisClients } from '../src/adapters/redis/redis-client.js';
import { RedisDashboardStore } from '../src/adapters/redis/redis-dashboard-store.js';
import { RedisQuizStore } from '../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../src/adapters/redis/redis-subscription-store.js';
import { deleteByPrefix, startRedisTarget } from '../test/support/redis-server.js';
import { benchBank, startDashboardServer } from './support/dashboard-server.js';
import { formatMs, summarize } from './support/stats.js';
import { formatTable } from './support/table.js';

/**
 * `npm run bench -- dashboard`: each dashboard page over HTTP (the real routes and pages, session cookie,
 * layout) for a workspace of 500 players and 300 questions on a private redis-server, as the admin view
 * (the costliest). The first view of each page is shown apart (it reads the whole workspace); then
 * `BENCH_DASHBOARD_REQUESTS` requests per page from `BENCH_DASHBOARD_CLIENTS` clients at once (default 1),
 * viewers spread over the players.
 * Goal: p95 under 100 ms. Prints a table; asserts nothing.
 */
const PLAYERS = Number(process.env.BENCH_DASHBOARD_PLAYERS ?? 500);
const QUESTIONS = 300;
const ANSWERS_PER_PLAYER = Number(process.env.BENCH_DASHBOARD_ANSWERS ?? 100);
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 200);
/** Clients at once: 1 measures a page's own time; more adds queueing on the machine's cores. */
const CONCURRENCY = Number(process.env.BENCH_DASHBOARD_CLIENTS ?? 1);
const NOW = Date.UTC(2026, 11, 7, 3);

export async function benchDashboard(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'dashboard: no redis-server binary; skipped\n';
  const prefix = `pqbench-dash-${randomUUID()}`;
  const clients = createRedisClients({ url: target.url, logger: { info() {}, warn() {} } });
  await clients.connect();
  const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
  try {
    const bank = benchBank(QUESTIONS);
    const seedStarted = performance.now();
    const server = await startDashboardServer({
      store: new RedisQuizStore(clients.interactive, { prefix }),
      subscriptions: new RedisSubscriptionStore(clients.background, { prefix }),
      dashboardStore: new RedisDashboardStore(clients.interactive, { prefix }),
      bank,
      players: PLAYERS,
      answersPerPlayer: ANSWERS_PER_PLAYER,
      teams: 10,
      now: NOW,
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    try {
      const cookies = await Promise.all(Array.from({ length: 8 }, (_, i) => server.cookieFor(i * 37)));
      const reported = bank.all()[0]?.id ?? '';
      const pages: [string, string][] = [
        ['Me', '/dash/'],
        ['Team (admin view)', '/dash/team'],
        ['Questions', '/dash/questions'],
        ['Questions, one section by p', '/dash/questions?sort=p&order=desc&section=pipelines'],
        ['Question page', `/dash/questions/${encodeURIComponent(reported)}`],
      ];
      const rows: string[][] = [['page', 'first view ms', 'p50 ms', 'p95 ms', 'p99 ms', 'bytes', 'requests']];
      for (const [name, path] of pages) {
        const get = async (i: number): Promise<{ ms: number; bytes: number }> => {
          const started = performance.now();
          const res = await request(`${server.base}${path}`, {
            dispatcher: agent,
            headers: { cookie: cookies[i % cookies.length] ?? '', 'accept-language': i % 2 ? 'ja' : 'en' },
          });
          const body = await res.body.arrayBuffer();
          if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
          return { ms: performance.now() - started, bytes: body.byteLength };
        };
        const first = await get(0);
        const times: number[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            for (let i = next++; i < REQUESTS; i = next++) times.push((await get(i)).ms);
          }),
        );
        const s = summarize(times);
        rows.push([
          name,
          formatMs(first.ms),
          formatMs(s.p50),
          formatMs(s.p95),
          formatMs(s.p99),
          String(first.bytes),
          String(times.length),
        ]);
      }
      return [
        `  ${PLAYERS} players, ${QUESTIONS} questions, ~${ANSWERS_PER_PLAYER} answers per player over 8 weeks, on redis-server (seeded in ${seedSeconds.toFixed(0)} s)`,
        `  ${CONCURRENCY} client(s) at once over keep-alive HTTP; every viewer an admin; goal p95 < 100 ms`,
        `  load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${availableParallelism()} cores`,
        '',
        formatTable(rows),
        '',
      ].join('\n');
    } finally {
      await server.stop();
    }
  } finally {
    await agent.close();
    await deleteByPrefix(clients.background as never, prefix).catch(() => {});
    await clients.quit();
    await target.close();
  }
}
