import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/bot-process.js';
import { FakeSlack } from '../support/fake-slack.js';
import { SIGNING_SECRET } from '../support/slack-harness.js';
import { type SpawnedMain, spawnMain, statusOf } from '../support/spawned-main.js';

/** The dashboard on the public port of the real entry point (Slack HTTP mode, memory store). */
const running: SpawnedMain[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill('SIGKILL')));
});

async function startSlackBot(slack: FakeSlack, extra: Record<string, string>): Promise<string> {
  const port = await freePort();
  const bot = spawnMain({
    QUIZ_STORE: 'memory',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    METRICS_PORT: '0',
    ...extra,
  });
  running.push(bot);
  const base = `http://127.0.0.1:${port}`;
  // Start-up on a loaded machine can take a while; the test's own bound is 60 s.
  await expect.poll(() => statusOf(`${base}/healthz`), { timeout: 40_000 }).toBe(200);
  return base;
}

describe('the dashboard on the public port', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('is served under /dash/ when PUBLIC_URL is set: no page without a session, the dashboard policy', async () => {
    const base = await startSlackBot(slack, { PUBLIC_URL: 'https://quiz.example.com' });
    const page = await fetch(`${base}/dash/team`);
    expect(page.status).toBe(401);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${base}/dash/login?t=forged.token`)).status).toBe(410);
    // A form posted from elsewhere than PUBLIC_URL's origin is refused before anything is read.
    const cross = await fetch(`${base}/dash/login`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: 't=x',
    });
    expect(cross.status).toBe(403);
    expect((await fetch(`${base}/dash/assets/dashboard.css`)).headers.get('content-type')).toContain(
      'text/css',
    );
  });

  it('is not served without PUBLIC_URL', async () => {
    const base = await startSlackBot(slack, {});
    expect(await statusOf(`${base}/dash/`)).toBe(404);
    expect(await statusOf(`${base}/dash/login?t=x`)).toBe(404);
  });
});
