import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/dashboard-web-bed.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';
import { type SpawnedMain, spawnMain } from '../support/spawned-main.js';

const LINK = /http:\/\/127\.0\.0\.1:(\d+)\/dash\/login\?t=[A-Za-z0-9_.-]+/g;

let running: SpawnedMain | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  running?.child.stdin?.end();
  await running?.kill();
  running = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

describe('console mode: the dashboard on 127.0.0.1:PORT', () => {
  it('prints a sign-in link at start and on /quiz dashboard; PORT=0 picks a free port; HOST is ignored', async () => {
    const env = consoleEnv({ QUIZ_LOCALE: 'en', HOST: '0.0.0.0' });
    running = spawnMain({ ...(env as Record<string, string>), PORT: '0' });
    await expect.poll(() => running?.output().match(LINK)?.length ?? 0, { timeout: 15_000 }).toBe(1);
    running.child.stdin?.write('/quiz dashboard\n');
    await expect.poll(() => running?.output().match(LINK)?.length ?? 0, { timeout: 10_000 }).toBe(2);
    const [atStart, onCommand] = running.output().match(LINK) ?? [];
    expect(atStart).not.toBe(onCommand);
    const port = Number(new URL(atStart ?? '').port);
    expect(port).toBeGreaterThan(0);
    // A GET shows the button and spends nothing; the console player signs in as the admin of console:local.
    expect((await fetch(atStart ?? '')).status).toBe(200);
    const signIn = await fetch(`http://127.0.0.1:${port}/dash/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ t: new URL(atStart ?? '').searchParams.get('t') ?? '' }).toString(),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`http://127.0.0.1:${port}/dash/questions`, { headers: { cookie } })).status).toBe(
      200,
    );
    // A page elsewhere reaching this port under another name (DNS rebinding) is refused.
    const rebound = await rawRequest(`http://127.0.0.1:${port}/dash/`, {
      headers: { host: `attacker.example:${port}`, cookie },
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('console:local');
  }, 40_000);

  it('a busy port is reported clearly and the quiz goes on', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as AddressInfo).port;
    const result = await runEntryPoint('/quiz me\n', consoleEnv({ QUIZ_LOCALE: 'en', PORT: String(port) }));
    expect(result.code).toBe(0);
    const out = result.stdout.replace(/\s+/g, ' ');
    expect(out).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(out).toContain('PORT=0 picks one');
    expect(out).not.toMatch(LINK);
    expect(out).toContain('Stats for tester'); // /quiz me still answered
  }, 40_000);
});
