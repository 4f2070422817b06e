import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/action-id.js';
import { UNINSTALLED_REASON } from '../../src/core/workspace-pauses.js';
import type { FakeWorkspace } from '../support/fake-slack.js';
import { startRedisTarget } from '../support/redis-server.js';
import { SIGNING_SECRET } from '../support/slack-harness.js';
import {
  CLIENT_SECRET,
  STATE_SECRET,
  startWorkspacesHarness,
  WORKSPACE_A,
  WORKSPACE_B,
  type WorkspacesHarness,
} from '../support/slack-workspaces-harness.js';

const target = await startRedisTarget();
const SECRETS = [CLIENT_SECRET, STATE_SECRET, SIGNING_SECRET, WORKSPACE_A.botToken, WORKSPACE_B.botToken];

let harness: WorkspacesHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});
afterAll(async () => {
  await target?.close();
});

const MINUTE = 60_000;

function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? body.text ?? '');
}

async function replyTo(h: WorkspacesHarness, id: string): Promise<string> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  return textOf(h.fake.responsesTo(id)[0] ?? {});
}

/** Subscribes `channel` of the workspace to a question every minute, as one of its admins. */
async function subscribe(h: WorkspacesHarness, ws: FakeWorkspace, channel: string): Promise<void> {
  const admin = `UADMIN${ws.teamId}`;
  h.fake.admins.add(admin);
  const id = `sub-${ws.teamId}-${channel}`;
  await h.command(ws.teamId, 'schedule * * * * *', { user: admin, channel, responseId: id });
  expect(await replyTo(h, id)).toContain('Schedule saved');
  const digest = `${id}-digest`;
  await h.command(ws.teamId, 'schedule digest off', { user: admin, channel, responseId: digest });
  expect(await replyTo(h, digest)).toContain('Weekly digest off');
}

/** The posted question in `channel` (the last one) and its round id, from the answer buttons. */
function postedQuestion(h: WorkspacesHarness, channel: string) {
  const post = h.fake
    .callsOf('chat.postMessage')
    .filter((c) => c.body.channel === channel)
    .at(-1);
  const roundId = /"ans:([A-Za-z0-9_-]+):[A-E]"/.exec(textOf(post?.body ?? {}))?.[1];
  return { post, roundId };
}

function exchangeTranscript(ex: Awaited<ReturnType<WorkspacesHarness['install']>>): string {
  return [
    'GET /slack/install',
    `  -> ${ex.install.status} Location: ${ex.location.origin}${ex.location.pathname}?${ex.location.search.slice(1, 140)}…`,
    `     Set-Cookie: ${ex.install.headers.get('set-cookie')?.slice(0, 60)}…`,
    `GET /slack/oauth_redirect?code=…&state=${ex.state.slice(0, 12)}… (Cookie: ${ex.cookie.slice(0, 34)}…)`,
    `  -> ${ex.redirect.status} ${ex.redirect.headers.get('content-type')}: ${ex.page.replace(/\s+/g, ' ').slice(0, 400)}`,
  ].join('\n');
}

describe.skipIf(!target)('Slack in many workspaces (OAuth installs in Redis, real Bolt, fake Slack)', () => {
  it('installs two workspaces through the real routes; each posts, answers and reads with its own token', async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;

    const a = await h.install(WORKSPACE_A);
    if (process.env.QUIZ_TEST_SHOW_EXCHANGE) process.stderr.write(`${exchangeTranscript(a)}\n`);
    expect(a.install.status).toBe(302);
    expect(a.location.origin + a.location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(a.location.searchParams.get('scope')).toBe('commands,chat:write,users:read');
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
      const answer = rounds?.question.answer ?? 'A';
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
    const h = await startWorkspacesHarness(target);
    harness = h;
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

    const ok = await h.install(WORKSPACE_A);
    expect(ok.redirect.status).toBe(200);
    h.fake.addInstallCode('code-again', WORKSPACE_A);
    const reused = await h.redirect('code-again', ok.state, ok.cookie);
    expect(reused.redirect.status).toBe(400);
    expect(reused.page).toContain('expired, was already used');
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(1);
  });

  it('refuses an Enterprise Grid org-wide install and hands its token back', async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;
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

  it('uninstall deletes the installation and pauses its channels; no call uses its token; reinstall resumes', async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await subscribe(h, WORKSPACE_A, 'CA');
    await subscribe(h, WORKSPACE_B, 'CB');
    await h.app.schedule.tick();
    const tokenACalls = h.fake.callsWithToken(WORKSPACE_A.botToken).length;

    const res = await h.event('TA', { type: 'app_uninstalled' });
    expect(res.status).toBe(200);
    await expect.poll(() => h.stores.redis?.background.exists(`${h.prefix}:{slack:TA}:install`)).toBe(0);
    await expect
      .poll(
        async () =>
          (await h.stores.subscriptions.getSubscription({ scope: 'slack:TA', channelId: 'CA' }))
            ?.pausedReason,
      )
      .toBe(UNINSTALLED_REASON);
    expect(
      (await h.stores.subscriptions.getSubscription({ scope: 'slack:TB', channelId: 'CB' }))?.pausedReason,
    ).toBeUndefined();
    expect(await h.metrics.registry.getSingleMetricAsString('quizbot_slack_installations')).toContain(
      'quizbot_slack_installations 1',
    );

    // The next slot posts in B only; a click and a command in A reach nothing with A's token.
    h.clock.advance(MINUTE);
    await h.app.schedule.tick();
    expect(postedQuestion(h, 'CB').post?.authorization).toBe(`Bearer ${WORKSPACE_B.botToken}`);
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CA')).toHaveLength(1);
    await h.click('TA', encodeAction({ kind: 'answer', roundId: 'whatever', choice: 'A' }), {
      responseId: 'gone',
    });
    await h.command('TA', 'schedule', { responseId: 'gone-cmd' });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsWithToken(WORKSPACE_A.botToken)).toHaveLength(tokenACalls);
    expect(h.fake.responsesTo('gone')).toHaveLength(0);

    // Reinstalled (Slack grants a new token): the channel is resumed and posts with the new token.
    const second: FakeWorkspace = { ...WORKSPACE_A, botToken: 'xoxb-team-a-second' };
    expect((await h.install(second)).redirect.status).toBe(200);
    expect(
      (await h.stores.subscriptions.getSubscription({ scope: 'slack:TA', channelId: 'CA' }))?.pausedReason,
    ).toBeUndefined();
    h.clock.advance(MINUTE);
    await h.app.schedule.tick();
    expect(postedQuestion(h, 'CA').post?.authorization).toBe('Bearer xoxb-team-a-second');
    expect(h.fake.callsWithToken(WORKSPACE_A.botToken)).toHaveLength(tokenACalls);

    // Slack took the bot out of the channel meanwhile: the pause says to invite it again.
    h.fake.channelsWithoutBot.add('CA');
    h.clock.advance(MINUTE);
    await h.app.schedule.tick();
    await h.command('TA', 'schedule', { channel: 'CA', responseId: 'paused' });
    expect(await replyTo(h, 'paused')).toContain(
      'The bot is not in this channel: invite it (/invite @pmle-quiz)',
    );

    for (const secret of SECRETS) expect(h.logs.join('')).not.toContain(secret);
  });

  it('tokens_revoked removes the installation only when it names the bot', async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;
    await h.install(WORKSPACE_B);
    await subscribe(h, WORKSPACE_B, 'CB');
    await h.event('TB', { type: 'tokens_revoked', tokens: { oauth: ['UB1'] } });
    await new Promise((r) => setTimeout(r, 200));
    expect(await h.bot.installations?.count()).toBe(1);
    await h.event('TB', { type: 'tokens_revoked', tokens: { bot: ['UBOTB'] } });
    await expect.poll(() => h.bot.installations?.count()).toBe(0);
    expect(
      (await h.stores.subscriptions.getSubscription({ scope: 'slack:TB', channelId: 'CB' }))?.pausedReason,
    ).toBe(UNINSTALLED_REASON);
  });

  it('a replica that missed the uninstall stops at the first token_revoked answer, despite its cache', async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target, { cacheTtlMs: 60_000 });
    harness = h;
    await h.install(WORKSPACE_A);
    await subscribe(h, WORKSPACE_A, 'CA');
    // Another replica handled app_uninstalled: the record is gone from Redis, this cache still has it.
    await h.stores.redis?.background.del(`${h.prefix}:{slack:TA}:install`);
    h.fake.revokedTokens.add(WORKSPACE_A.botToken);
    await h.app.schedule.tick();
    const refused = h.fake
      .callsWithToken(WORKSPACE_A.botToken)
      .filter((c) => c.method === 'chat.postMessage');
    expect(refused).toHaveLength(1);
    expect(
      (await h.stores.subscriptions.getSubscription({ scope: 'slack:TA', channelId: 'CA' }))?.pausedReason,
    ).toContain('token_revoked');
    // The cached installation was dropped: the next request finds none and calls nothing.
    await h.command('TA', 'schedule', { channel: 'CA', responseId: 'after' });
    await new Promise((r) => setTimeout(r, 200));
    expect(
      h.fake.callsWithToken(WORKSPACE_A.botToken).filter((c) => c.method === 'chat.postMessage'),
    ).toHaveLength(1);
    expect(h.fake.responsesTo('after')).toHaveLength(0);
  });

  it("npm run slack:remove-workspace deletes one workspace's data and nothing of the other", async () => {
    if (!target) return;
    const h = await startWorkspacesHarness(target);
    harness = h;
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await subscribe(h, WORKSPACE_A, 'CA');
    await subscribe(h, WORKSPACE_B, 'CB');
    await h.app.schedule.tick();
    await h.command('TA', 'team join owls', { user: 'UA1', channel: 'CA', responseId: 'team' });
    await replyTo(h, 'team');
    const redis = h.stores.redis?.background;
    if (!redis) throw new Error('no redis');
    const keysOf = async (team: string) => (await redis.keys(`${h.prefix}:{slack:${team}}:*`)).sort();
    expect((await keysOf('TA')).length).toBeGreaterThan(4);
    const before = await keysOf('TB');
    const env = { ...process.env, REDIS_URL: target.url, REDIS_KEY_PREFIX: h.prefix };
    const run = (...args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'src/tools/slack-remove-workspace.ts', ...args], { env });

    const dry = await run('TA', '--dry-run');
    expect(dry.stdout).toMatch(/^Would remove \d+ keys and 3 index entries of Slack workspace TA\.$/m);
    expect((await keysOf('TA')).length).toBeGreaterThan(4);
    const done = await run('TA');
    expect(done.stdout).toMatch(/^Removed \d+ keys and 3 index entries of Slack workspace TA\.$/m);
    expect(await keysOf('TA')).toEqual([]);
    expect(await redis.sismember(`${h.prefix}:slack:installs`, 'TA')).toBe(0);
    expect(await redis.smembers(`${h.prefix}:subs`)).toEqual(['slack:TB|CB']);
    const due = (await redis.zrange(`${h.prefix}:due`, '0', '-1')).map(String);
    expect(due.length).toBeGreaterThan(0);
    expect(due.filter((m) => !m.startsWith('slack:TB|'))).toEqual([]);
    expect(await keysOf('TB')).toEqual(before);
    await expect(run('not-a-team')).rejects.toMatchObject({ code: 2 });
  });
});
