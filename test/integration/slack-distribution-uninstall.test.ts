import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { UNINSTALLED_REASON } from '../../src/core/schedule/workspace-pauses.js';
import type { FakeWorkspace } from '../support/fake-slack.js';
import { WORKSPACE_A, WORKSPACE_B } from '../support/slack-workspaces-harness.js';
import { postedQuestion, replyTo, subscribe } from '../support/slack-workspaces-steps.js';

import { SECRETS, workspacesSuite } from '../support/slack-workspaces-suite.js';

const suite = await workspacesSuite();
const { target } = suite;

const MINUTE = 60_000;

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)(
  'Slack in many workspaces: uninstalling (OAuth, Redis, real Bolt, fake Slack)',
  () => {
    it('uninstall deletes the installation and pauses its channels; no call uses its token; reinstall resumes', async () => {
      if (!target) return;
      const h = await suite.start();
      await h.install(WORKSPACE_A);
      await h.install(WORKSPACE_B);
      await subscribe(h, WORKSPACE_A, 'CA');
      await subscribe(h, WORKSPACE_B, 'CB');
      await h.app.schedule.tick();
      const tokenACalls = h.fake.callsWithToken(WORKSPACE_A.botToken).length;
      // A dashboard session in each workspace: the uninstalled one's must end with it.
      const session = (scope: string) => ({
        scope,
        playerId: 'U1',
        isAdmin: true,
        csrfToken: 'c',
        createdAt: 1,
      });
      await h.stores.dashboard.putSession('sa', session('slack:TA'), MINUTE);
      await h.stores.dashboard.putSession('sb', session('slack:TB'), MINUTE);

      const res = await h.event('TA', { type: 'app_uninstalled' });
      expect(res.status).toBe(200);
      await expect.poll(() => h.stores.redis?.background.exists(`${h.prefix}:{slack:TA}:install`)).toBe(0);
      await expect.poll(() => h.stores.dashboard.getSession('slack:TA', 'sa')).toBeNull();
      expect(await h.stores.dashboard.getSession('slack:TB', 'sb')).not.toBeNull();
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
      const h = await suite.start();
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
      const h = await suite.start({ cacheTtlMs: 60_000 });
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

    it("npm run slack:remove-workspace deletes one workspace's data and nothing of the other", {
      timeout: 60_000,
    }, async () => {
      if (!target) return;
      const h = await suite.start();
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
        promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'src/tools/slack-remove-workspace.ts', ...args],
          {
            env,
          },
        );

      const dry = await run('TA', '--dry-run');
      expect(dry.stdout).toMatch(/^Would remove \d+ keys and 4 index entries of Slack workspace TA\.$/m);
      expect((await keysOf('TA')).length).toBeGreaterThan(4);
      const done = await run('TA');
      expect(done.stdout).toMatch(/^Removed \d+ keys and 4 index entries of Slack workspace TA\.$/m);
      expect(await keysOf('TA')).toEqual([]);
      expect(await redis.sismember(`${h.prefix}:slack:installs`, 'TA')).toBe(0);
      expect(await redis.smembers(`${h.prefix}:subs`)).toEqual(['slack:TB|CB']);
      expect(await redis.zrange(`${h.prefix}:schedule`, '0', '-1')).toEqual(['slack:TB|CB']);
      const due = (await redis.zrange(`${h.prefix}:due`, '0', '-1')).map(String);
      expect(due.length).toBeGreaterThan(0);
      expect(due.filter((m) => !m.startsWith('slack:TB|'))).toEqual([]);
      expect(await keysOf('TB')).toEqual(before);
      await expect(run('not-a-team')).rejects.toMatchObject({ code: 2 });
    });
  },
);
