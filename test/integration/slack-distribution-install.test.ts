import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import type { FakeWorkspace } from '../support/fake-slack.js';
import { WORKSPACE_A, WORKSPACE_B } from '../support/slack-workspaces-harness.js';
import { exchangeTranscript, postedQuestion, replyTo, subscribe } from '../support/slack-workspaces-steps.js';

import { SECRETS, workspacesSuite } from '../support/slack-workspaces-suite.js';

const suite = await workspacesSuite();
const { target } = suite;

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('Slack in many workspaces: installing (OAuth, Redis, real Bolt, fake Slack)', () => {
  it('installs two workspaces through the real routes; each posts, answers and reads with its own token', async () => {
    if (!target) return;
    const h = await suite.start();

    const a = await h.install(WORKSPACE_A);
    if (process.env.QUIZ_TEST_SHOW_EXCHANGE) process.stderr.write(`${exchangeTranscript(a)}\n`);
    expect(a.install.status).toBe(302);
    expect(a.location.origin + a.location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(a.location.searchParams.get('scope')).toBe(
      'commands,chat:write,users:read,channels:history,groups:history',
    );
    expect(a.location.searchParams.get('client_id')).toBe('1111.2222');
    expect(a.cookie).toBe(`slack-app-oauth-state=${a.state}`);
    expect(a.redirect.status).toBe(200);
    expect(a.page).toContain('PMLE Quiz is now installed in Alpha Study.');
    expect(a.page).toContain('/invite @pmle-quiz');
    expect(a.page).toContain('/quiz schedule');
    const b = await h.install(WORKSPACE_B);
    expect(b.redirect.status).toBe(200);
    expect(b.page).toContain('Beta Study');

    // The code exchange went to SLACK_API_URL with the app's credentials; the new token was checked.
    const exchanges = h.fake.callsOf('oauth.v2.access');
    expect(exchanges.map((c) => c.body.code)).toEqual([
      expect.stringMatching(/^code-TA-/),
      expect.stringMatching(/^code-TB-/),
    ]);
    expect(h.fake.callsWithToken(WORKSPACE_A.botToken).map((c) => c.method)).toEqual(['auth.test']);
    // Stored in Redis under each team's hash tag, and counted.
    const redis = h.stores.redis?.background;
    const stored = JSON.parse((await redis?.get(`${h.prefix}:{slack:TA}:install`)) ?? '{}');
    expect(stored).toMatchObject({
      teamId: 'TA',
      teamName: 'Alpha Study',
      botUserId: 'UBOTA',
      botId: 'BBOTA',
    });
    expect(stored.botToken).toBe(WORKSPACE_A.botToken);
    expect(await h.metrics.registry.getSingleMetricAsString('quizbot_slack_installations')).toContain(
      'quizbot_slack_installations 2',
    );

    // Each workspace subscribes a channel; the admin check asks Slack with that workspace's token.
    await subscribe(h, WORKSPACE_A, 'CA');
    await subscribe(h, WORKSPACE_B, 'CB');
    const adminChecks = h.fake.callsOf('users.info').map((c) => [c.body.user, c.authorization]);
    expect(adminChecks).toEqual([
      ['UADMINTA', `Bearer ${WORKSPACE_A.botToken}`],
      ['UADMINTB', `Bearer ${WORKSPACE_B.botToken}`],
    ]);

    // One scheduler tick posts in both, each with its own token.
    await h.app.schedule.tick();
    const inA = postedQuestion(h, 'CA');
    const inB = postedQuestion(h, 'CB');
    expect(inA.post?.authorization).toBe(`Bearer ${WORKSPACE_A.botToken}`);
    expect(inB.post?.authorization).toBe(`Bearer ${WORKSPACE_B.botToken}`);
    expect(inA.roundId).toBeTruthy();
    expect(inB.roundId).toBeTruthy();

    // Answers in both workspaces, signed like Slack's; the boards stay apart.
    for (const [ws, round, channel, user] of [
      [WORKSPACE_A, inA.roundId, 'CA', 'UA1'],
      [WORKSPACE_B, inB.roundId, 'CB', 'UB1'],
    ] as const) {
      const rounds = await h.app.engine.roundWithQuestion({
        scope: `slack:${ws.teamId}`,
        roundId: round ?? '',
      });
      const answer = rounds?.question.answer[0] ?? 'A';
      const id = `answer-${user}`;
      let res = new Response();
      // A click costs one Redis round trip: the installation comes from the process's cache.
      const sent = await h.redisCommandsOf(async () => {
        res = await h.click(
          ws.teamId,
          encodeAction({ kind: 'answer', roundId: round ?? '', choice: answer }),
          {
            user,
            channel,
            responseId: id,
          },
        );
        await replyTo(h, id);
      });
      // (The answer-count refresher may read the round later; that is per edit, not per click.)
      expect(sent.filter((c) => !c.includes(':round:')).map((c) => c.split(' ')[0])).toEqual(['evalsha']);
      expect(res.status).toBe(200);
      expect(await replyTo(h, id)).toContain('Correct! +10 points');
    }
    await h.command('TA', 'leaderboard', { user: 'UA1', channel: 'CA', responseId: 'board-a' });
    const boardA = await replyTo(h, 'board-a');
    expect(boardA).toContain('ua1');
    expect(boardA).not.toContain('ub1');

    // The answer counts are edited with the right token too, and App Home is published with it.
    await expect
      .poll(
        () =>
          h.fake
            .callsOf('chat.update')
            .map((c) => `${c.body.channel} ${c.authorization}`)
            .sort(),
        {
          timeout: 3000,
        },
      )
      .toEqual([`CA Bearer ${WORKSPACE_A.botToken}`, `CB Bearer ${WORKSPACE_B.botToken}`]);
    await h.event('TB', { type: 'app_home_opened', user: 'UB1', tab: 'home', channel: 'DB1' });
    await expect
      .poll(() => h.fake.callsOf('views.publish').map((c) => c.authorization))
      .toEqual([`Bearer ${WORKSPACE_B.botToken}`]);

    const logs = h.logs.join('');
    expect(logs).toContain('workspace installed');
    for (const secret of SECRETS) expect(logs.split('\n').filter((l) => l.includes(secret))).toEqual([]);
  });

  it('refuses a forged state and a state used twice, with a page that says so', async () => {
    if (!target) return;
    const h = await suite.start();
    h.fake.addInstallCode('code-forged', WORKSPACE_A);

    const started = await h.startInstall();
    const [nonce] = started.state.split('.');
    const forged = `${nonce}.${'A'.repeat(43)}`;
    const refused = await h.redirect('code-forged', forged, `slack-app-oauth-state=${forged}`);
    expect(refused.redirect.status).toBe(400);
    expect(refused.page).toContain('expired, was already used, or did not come from this app');
    expect(refused.page).toContain('href="/slack/install"');
    // A state from no install at all, and one without the browser's cookie, fare no better.
    expect(
      (await h.redirect('code-forged', 'made-up', 'slack-app-oauth-state=made-up')).redirect.status,
    ).toBe(400);
    expect((await h.redirect('code-forged', started.state, '')).redirect.status).toBe(400);
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(0);
    // The installer pressed Cancel on Slack's consent page.
    const cancelled = await fetch(
      `${h.base}/slack/oauth_redirect?error=access_denied&state=${started.state}`,
    );
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain('The installation was cancelled. Nothing was installed.');

    const ok = await h.install(WORKSPACE_A);
    expect(ok.redirect.status).toBe(200);
    h.fake.addInstallCode('code-again', WORKSPACE_A);
    const reused = await h.redirect('code-again', ok.state, ok.cookie);
    expect(reused.redirect.status).toBe(400);
    expect(reused.page).toContain('expired, was already used');
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(1);
  });

  it('answers both install routes with a "try again" page at once when Redis does not answer', async () => {
    if (!target?.isPrivate) return;
    const h = await suite.start();
    await target.pause();
    try {
      // Well inside the old 3 s wait: the state check's short PING decides, not a deadline.
      const install = await fetch(`${h.base}/slack/install`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(2000),
      });
      expect(install.status).toBe(503);
      expect(await install.text()).toContain('The quiz is unavailable for a moment');
      const back = await fetch(`${h.base}/slack/oauth_redirect?code=c&state=s`, {
        signal: AbortSignal.timeout(2000),
      });
      expect(back.status).toBe(503);
    } finally {
      await target.resume();
    }
  });

  it('refuses an Enterprise Grid org-wide install and hands its token back', async () => {
    if (!target) return;
    const h = await suite.start();
    const org: FakeWorkspace = {
      ...WORKSPACE_A,
      teamId: 'TORG',
      enterpriseId: 'E1',
      botToken: 'xoxb-org-token',
    };
    const ex = await h.install(org);
    expect(ex.redirect.status).toBe(403);
    expect(ex.page).toContain('cannot be installed for a whole Enterprise Grid organization');
    expect(h.fake.callsOf('auth.revoke').map((c) => c.authorization)).toEqual(['Bearer xoxb-org-token']);
    expect(await h.bot.installations?.count()).toBe(0);
  });
});
