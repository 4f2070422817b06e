import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { FakeSlack } from '../test/support/fake-slack.js';
import { deleteByPrefix, startRedisTarget } from '../test/support/redis-server.js';
import { freePort, ROOT } from './support/node-child.js';
import { formatTable } from './support/table.js';

/**
 * The public port under abuse (issue 25), measured from outside the real entry point:
 *
 * 1. 200 connections to `POST /slack/events`, each announcing a 4 MB body without signature headers and
 *    sending all but its last byte: the process's RSS (from /proc) idle, at its peak and after the
 *    connections closed, and how long until every connection was answered or closed (20 s at most).
 * 2. 20,000 anonymous `GET /slack/install` in multi-workspace mode: the answers, and the Redis keys they
 *    wrote.
 *
 * `BENCH_PUBLIC_PORT_ROOT=<checkout>` runs another checkout's `src/main.ts` (the figures before a change).
 * Prints tables; asserts nothing.
 */
const CONNECTIONS = 200;
const ANNOUNCED = 4 * 1024 * 1024;
const WAIT_MS = 20_000;
const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 20_000);
const SIGNING_SECRET = 'bench-signing-secret';

export async function benchPublicPort(): Promise<string> {
  const target = await startRedisTarget();
  if (!target) return 'public-port: no redis-server binary and nothing at REDIS_URL; skipped\n';
  const root = path.resolve(process.env.BENCH_PUBLIC_PORT_ROOT ?? ROOT);
  const fake = await new FakeSlack().start();
  fake.oauthClient = { id: '1111.2222', secret: 'bench-client-secret' };
  const admin = new Redis(target.url);
  const prefix = `pqbench-${randomUUID()}`;
  const lines: string[] = [`  entry point: ${path.join(root, 'src/main.ts')}`];
  try {
    const single = await startBot(root, {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: target.url,
      REDIS_KEY_PREFIX: prefix,
    });
    try {
      const probe = await unsignedBodies(single);
      lines.push(
        '',
        `  ${CONNECTIONS} unsigned connections announcing ${ANNOUNCED / 1024 / 1024} MB, all but the last byte sent`,
        formatTable([
          ['RSS idle MB', 'RSS peak MB', 'RSS after MB', 'answered', 'closed by server', 'all done within'],
          [
            mb(probe.idle),
            mb(probe.peak),
            mb(probe.after),
            `${probe.answered}/${CONNECTIONS}`,
            `${probe.closed}/${CONNECTIONS}`,
            probe.allDoneMs === null
              ? `not in ${WAIT_MS / 1000} s`
              : `${(probe.allDoneMs / 1000).toFixed(1)} s`,
          ],
        ]),
      );
    } finally {
      await single.stop();
    }
    const multi = await startBot(root, {
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'bench-client-secret',
      SLACK_STATE_SECRET: 'bench-state-secret-0123456789abcdef',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: target.url,
      REDIS_KEY_PREFIX: `${prefix}-oauth`,
    });
    try {
      const started = Date.now();
      const statuses = await anonymousInstalls(multi.baseUrl);
      const seconds = (Date.now() - started) / 1000;
      const keys = await countKeys(admin, `${prefix}-oauth`);
      lines.push(
        '',
        `  ${INSTALLS} anonymous GET /slack/install, 64 at a time`,
        formatTable([
          ['answers', 'seconds', 'Redis keys written'],
          [
            [...statuses.entries()].map(([status, n]) => `${n}x${status}`).join(' '),
            seconds.toFixed(1),
            String(keys),
          ],
        ]),
      );
    } finally {
      await multi.stop();
    }
  } finally {
    await deleteByPrefix(admin, prefix).catch(() => {});
    await deleteByPrefix(admin, `${prefix}-oauth`).catch(() => {});
    admin.disconnect();
    await fake.stop();
    await target.close();
  }
  return `${lines.join('\n')}\n`;
}

interface Bot {
  pid: number;
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
}

async function startBot(root: string, env: Record<string, string>): Promise<Bot> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('bench bot did not start');
    await sleep(100);
  }
  await sleep(1000); // settle: start-up garbage collected, Slack connected
  return {
    pid: child.pid ?? 0,
    port,
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}

async function unsignedBodies(bot: Bot) {
  const idle = rss(bot.pid);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(bot.pid));
  }, 100);
  const body = Buffer.alloc(ANNOUNCED - 1, 'a');
  const head =
    `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${ANNOUNCED}\r\n\r\n`;
  const started = Date.now();
  let answered = 0;
  let closed = 0;
  const sockets: Socket[] = [];
  const done = Array.from({ length: CONNECTIONS }, () => {
    const socket = connect(bot.port, '127.0.0.1');
    sockets.push(socket);
    return new Promise<void>((resolve) => {
      socket.on('error', () => {});
      socket.once('data', () => {
        answered += 1;
        resolve();
      });
      socket.once('close', () => {
        closed += 1;
        resolve();
      });
      socket.write(head);
      socket.write(body);
    });
  });
  const all = Promise.all(done).then(() => Date.now() - started);
  const allDoneMs = await Promise.race([all, sleep(WAIT_MS).then(() => null)]);
  peak = Math.max(peak, rss(bot.pid));
  // What the server did by itself: counted before the bench closes the rest.
  const byServer = { answered, closed };
  for (const socket of sockets) socket.destroy();
  await sleep(3000);
  clearInterval(sampler);
  return { idle, peak, after: rss(bot.pid), ...byServer, allDoneMs };
}

async function anonymousInstalls(baseUrl: string): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < INSTALLS) {
      next += 1;
      const status = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return statuses;
}

async function countKeys(client: Redis, prefix: string): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

/** Resident set size of `pid` in bytes, read from /proc (0 once the process is gone). */
function rss(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
