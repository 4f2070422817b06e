import { describe, expect, it } from 'vitest';
import { useProcessTestBed } from '../support/process-test-bed.js';
import { startRedisTarget } from '../support/redis-server.js';
import { CLIENT_ID, CLIENT_SECRET, STATE_SECRET, WORKSPACE_A } from '../support/slack-workspaces-harness.js';

const target = await startRedisTarget();

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('the bot process in multi-workspace mode', { timeout: 60_000 }, () => {
  const bed = useProcessTestBed(target);
  const { fake } = bed;

  it('installs a workspace, posts with its token, counts it in /metrics, and logs no secret', async () => {
    fake.oauthClient = { id: CLIENT_ID, secret: CLIENT_SECRET };
    const bot = await bed.bot(bed.prefix(), {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      LOG_LEVEL: 'debug',
      HOST: '127.0.0.1',
    });
    const metricsBefore = await (await fetch(`${bot.opsUrl}/metrics`)).text();
    expect(metricsBefore).toContain('quizbot_slack_installations 0');

    const install = await fetch(`${bot.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
    fake.addInstallCode('process-code', WORKSPACE_A);
    const done = await fetch(
      `${bot.baseUrl}/slack/oauth_redirect?${new URLSearchParams({ code: 'process-code', state })}`,
      { headers: { cookie: `slack-app-oauth-state=${state}` } },
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Alpha Study');
    expect(await (await fetch(`${bot.opsUrl}/metrics`)).text()).toContain('quizbot_slack_installations 1');
    expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(200);

    await bot.command({
      command: '/quiz',
      text: 'post',
      team_id: 'TA',
      channel_id: 'CA',
      user_id: 'UADMIN',
      user_name: 'admin',
      response_url: fake.responseUrl('process-post'),
      trigger_id: 'trig-process',
    });
    await expect
      .poll(() => fake.callsOf('chat.postMessage').map((c) => c.authorization), { timeout: 5000 })
      .toEqual([`Bearer ${WORKSPACE_A.botToken}`]);

    const output = bot.output();
    expect(output).toContain('workspace installed');
    for (const secret of [CLIENT_SECRET, STATE_SECRET, WORKSPACE_A.botToken, 'process-code']) {
      expect(output.split('\n').filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
