import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientRateLimiter } from '../../../src/adapters/http/client-rate-limiter.js';
import {
  close,
  createHttpListener,
  type HttpRoute,
  listen,
  type Refusal,
} from '../../../src/adapters/http/http-listener.js';
import { PUBLIC_SERVER_LIMITS } from '../../../src/adapters/http/server-limits.js';
import { ThrottledLog } from '../../../src/adapters/http/throttled-log.js';

const servers: Awaited<ReturnType<typeof listen>>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => close(s)));
});

async function serve(routes: HttpRoute[]) {
  const errors: unknown[] = [];
  const refusals: Refusal[] = [];
  const server = await listen(
    createHttpListener({
      routes,
      limits: PUBLIC_SERVER_LIMITS,
      onRefused: (_req, refusal) => refusals.push(refusal),
      onError: (error) => errors.push(error),
    }),
    0,
    '127.0.0.1',
  );
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, errors, refusals };
}

describe('the HTTP listener', () => {
  it('answers a throwing or rejecting handler with 500, reports it once, and keeps serving', async () => {
    const { base, errors } = await serve([
      {
        method: 'GET',
        path: '/throws',
        handle: () => {
          throw new TypeError('boom');
        },
      },
      {
        method: 'GET',
        path: '/rejects',
        handle: async () => {
          throw new Error('late boom');
        },
      },
      {
        method: 'GET',
        path: '/ok',
        handle: (_req, res) => {
          res.end('ok');
        },
      },
    ]);
    expect((await fetch(`${base}/throws`)).status).toBe(500);
    expect((await fetch(`${base}/rejects`)).status).toBe(500);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'late boom']);
    expect(await (await fetch(`${base}/ok`)).text()).toBe('ok');
  });

  it('matches paths exactly, serves HEAD where GET is, and says which methods a path takes', async () => {
    const { base } = await serve([
      {
        method: 'GET',
        path: '/healthz',
        handle: (_req, res) => {
          res.end('ok');
        },
      },
    ]);
    for (const path of ['/HEALTHZ', '/healthz/', '/healthz/x', '//healthz']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/healthz?x=1`)).status).toBe(200);
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses before reading the body, over the limit, and per client address', async () => {
    const seen: string[] = [];
    const limiter = new ClientRateLimiter({ limit: 2, windowMs: 60_000, maxClients: 10 }, () => 0);
    const { base, refusals } = await serve([
      {
        method: 'POST',
        path: '/in',
        precheck: (req) => (req.headers['x-ok'] ? null : { status: 401, reason: 'unsigned' }),
        body: { limitBytes: 10, deadlineMs: 5000 },
        handle: (_req, res, body) => {
          seen.push(String(body));
          res.end();
        },
      },
      {
        method: 'GET',
        path: '/page',
        rateLimit: {
          limiter,
          refuse: (_req, res) => {
            res.writeHead(429).end('slow down');
          },
        },
        handle: (_req, res) => {
          res.end('page');
        },
      },
    ]);
    expect((await fetch(`${base}/in`, { method: 'POST', body: 'hello' })).status).toBe(401);
    const post = (body: string) => fetch(`${base}/in`, { method: 'POST', body, headers: { 'x-ok': '1' } });
    expect((await post('x'.repeat(11))).status).toBe(413);
    expect((await post('hello')).status).toBe(200);
    expect(seen).toEqual(['hello']);
    expect([200, 200, 429].join()).toBe(
      [
        (await fetch(`${base}/page`)).status,
        (await fetch(`${base}/page`)).status,
        (await fetch(`${base}/page`)).status,
      ].join(),
    );
    expect(refusals.map((r) => r.status)).toEqual([401, 413, 429]);
  });

  it('sends the security headers with every answer, refusals included', async () => {
    const { base } = await serve([]);
    const res = await fetch(`${base}/anything`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('ClientRateLimiter', () => {
  it('counts each client in its own window and forgets the least recent beyond its bound', () => {
    let now = 0;
    const limiter = new ClientRateLimiter({ limit: 2, windowMs: 1000, maxClients: 2 }, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    now = 1000;
    expect(limiter.allow('a')).toBe(true);
    limiter.allow('c'); // 'b' is the least recent of three: forgotten, so it starts afresh
    now = 1001;
    expect([limiter.allow('b'), limiter.allow('b'), limiter.allow('b')]).toEqual([true, true, false]);
  });
});

describe('ThrottledLog', () => {
  it('logs the first warning of each interval and counts the rest on the next line', () => {
    let now = 0;
    const lines: object[] = [];
    const log = new ThrottledLog(
      { debug() {}, info() {}, warn: (o) => lines.push(o), error() {} },
      60_000,
      () => now,
    );
    for (let i = 0; i < 100; i++) log.warn({ path: '/slack/events' }, 'request refused');
    expect(lines).toEqual([{ path: '/slack/events' }]);
    now = 60_000;
    log.warn({ path: '/slack/events' }, 'request refused');
    expect(lines).toEqual([{ path: '/slack/events' }, { path: '/slack/events', suppressed: 99 }]);
  });
});
