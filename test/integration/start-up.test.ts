import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { SIGNING_SECRET } from '../support/slack-harness.js';
import { type SpawnedMain, spawnMain, statusOf } from '../support/spawned-main.js';

/**
 * Start-up as an operator meets it: the real entry point against fake platforms (and a closed port for a
 * platform that cannot be reached), on the memory store so no Redis is needed.
 */
const base = { QUIZ_STORE: 'memory', LOG_LEVEL: 'info', HOST: '127.0.0.1' };
const running: SpawnedMain[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill('SIGKILL')));
});

function start(env: Record<string, string>, args: string[] = []): SpawnedMain {
  const main = spawnMain({ ...base, ...env }, args);
  running.push(main);
  return main;
}

/** Each logged line: JSON, and none carries a stack trace. */
function expectNoStack(output: string): void {
  for (const line of output.split('\n').filter(Boolean)) {
    expect(line, 'no stack trace in a log line').not.toMatch(/\n\s+at |\\n\s+at /);
    expect(line).not.toMatch(/^\s+at /);
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  return freePort();
}

describe('start-up', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    discord = await FakeDiscord.start();
  });
  afterAll(async () => {
    await slack.stop();
    await discord.close();
  });

  it('ends within 10 s with one line naming SLACK_BOT_TOKEN when Slack rejects it', async () => {
    slack.failNext('auth.test', 'invalid_auth'); // no retry: a second call would pass
    const port = await freePort();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    const code = await bot.exitWithin(10_000);
    expect(code, bot.output()).not.toBe('running');
    expect(code).not.toBe(0);
    const lines = bot.output().split('\n');
    const named = lines.filter((l) => l.includes('SLACK_BOT_TOKEN was rejected by Slack: invalid_auth'));
    expect(named, bot.output()).toHaveLength(1);
    expectNoStack(bot.output());
  });

  it('ends within 10 s naming SLACK_APP_TOKEN when Slack refuses the Socket Mode token', async () => {
    slack.failNext('apps.connections.open', 'invalid_auth');
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-revoked',
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
    });
    const code = await bot.exitWithin(10_000);
    expect(code, bot.output()).toBe(1);
    const named = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('SLACK_APP_TOKEN was rejected by Slack: invalid_auth'));
    expect(named, bot.output()).toHaveLength(1);
    expectNoStack(bot.output());
  });

  it('ends within 10 s with one line naming DISCORD_TOKEN when Discord rejects it', async () => {
    discord.fail((r) => r.route === '/gateway/bot', {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    try {
      const bot = start({
        DISCORD_TOKEN: 'not-a-token',
        DISCORD_APPLICATION_ID: '123456789012',
        DISCORD_API_URL: discord.apiUrl,
        PORT: String(await freePort()),
      });
      const code = await bot.exitWithin(10_000);
      expect(code, bot.output()).not.toBe('running');
      expect(code).not.toBe(0);
      const named = bot
        .output()
        .split('\n')
        .filter((l) => l.includes('DISCORD_TOKEN was rejected by Discord'));
      expect(named, bot.output()).toHaveLength(1);
      expectNoStack(bot.output());
    } finally {
      discord.clearFailures();
    }
  });

  it('keeps retrying an unreachable Discord with /healthz 200 and /readyz 503 saying why', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const bot = start({
      DISCORD_TOKEN: 'token',
      DISCORD_APPLICATION_ID: '123456789012',
      DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api`,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
    });
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => statusOf(`${url}/healthz`), { timeout: 15_000 }).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready' });
    const why = await fetch(`http://127.0.0.1:${metricsPort}/readyz`);
    expect(JSON.stringify(await why.json())).toMatch(/discord: (connecting|cannot reach) discord/);
    await expect
      .poll(() => bot.output().match(/cannot reach discord; will retry/g)?.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await statusOf(`${url}/healthz`)).toBe(200);
    expectNoStack(bot.output());
    expect(await bot.kill('SIGTERM')).toBe(0);
  });

  it('answers /healthz in Socket Mode while Slack cannot be reached', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
    });
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => statusOf(`${url}/healthz`), { timeout: 15_000 }).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    const why = await fetch(`http://127.0.0.1:${metricsPort}/readyz`);
    expect(JSON.stringify(await why.json())).toMatch(/slack: (connecting|cannot reach) slack/);
    expect(await bot.kill('SIGTERM')).toBe(0);
  });

  it('becomes ready once Slack accepts the token, answering /healthz before that', async () => {
    const port = await freePort();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => statusOf(`${url}/readyz`), { timeout: 15_000 }).toBe(200);
    expect(await bot.kill('SIGTERM')).toBe(0);
  });

  it('ends a half-started process on a fatal error (the port is taken) instead of hanging', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const bot = start({
        DISCORD_TOKEN: 'token',
        DISCORD_APPLICATION_ID: '123456789012',
        DISCORD_API_URL: discord.apiUrl,
        PORT: String(port),
      });
      const code = await bot.exitWithin(10_000);
      expect(code, bot.output()).toBe(1);
      expect(bot.output()).toContain('EADDRINUSE');
    } finally {
      taken.close();
    }
  });

  it('refuses to run without a platform when told to (the image), naming what to set', async () => {
    const bot = start({}, ['--require-platform']);
    bot.child.stdin?.end();
    const code = await bot.exitWithin(10_000);
    expect(code).toBe(1);
    for (const name of ['SLACK_BOT_TOKEN', 'DISCORD_TOKEN', 'REDIS_URL'])
      expect(bot.output()).toContain(name);
  });

  it('keeps console mode for npm start with piped input', async () => {
    const bot = start({ QUIZ_STORE: '', LOG_LEVEL: 'warn' });
    bot.child.stdin?.end('help\n');
    expect(await bot.exitWithin(15_000)).toBe(0);
    expect(bot.output()).not.toContain('No chat platform is configured');
  });
});
