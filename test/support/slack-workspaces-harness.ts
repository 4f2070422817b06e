import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { PrometheusMetrics } from '../../src/adapters/http/prometheus-metrics.js';
import { createSlackBot, type SlackBot } from '../../src/adapters/slack/register-slack.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import { createLogger } from '../../src/app/logger.js';
import { slackDistribution } from '../../src/app/slack-distribution.js';
import { openStores, type Stores } from '../../src/app/stores.js';
import type { Locale } from '../../src/core/model/model.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { aBank, aCatalog, ManualClock, someQuestions } from './builders.js';
import { FakeSlack, type FakeWorkspace } from './fake-slack.js';
import { redisCommandRecorder } from './redis-command-recorder.js';
import { deleteByPrefix, type RedisTarget, uniquePrefix } from './redis-server.js';
import { SIGNING_SECRET, slackSignature } from './slack-harness.js';
import { listenAndConnect } from './slack-listener.js';

export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'test-client-secret';
export const STATE_SECRET = 'test-state-secret-0123456789abcdef';

/** Two workspaces that can install the app, each granting its own bot token. */
export const WORKSPACE_A: FakeWorkspace = {
  teamId: 'TA',
  teamName: 'Alpha Study',
  botToken: 'xoxb-team-a-secret',
  botUserId: 'UBOTA',
  botId: 'BBOTA',
};
export const WORKSPACE_B: FakeWorkspace = {
  teamId: 'TB',
  teamName: 'Beta Study',
  botToken: 'xoxb-team-b-secret',
  botUserId: 'UBOTB',
  botId: 'BBOTB',
};

export interface InstallExchange {
  install: Response;
  location: URL;
  state: string;
  cookie: string;
  redirect: Response;
  page: string;
}

let sequence = 0;

/**
 * The real Bolt app in multi-workspace mode on real Redis, wired as `npm start` wires it
 * (slackDistribution), talking to a fake Slack; every log line (at debug level) is kept in `logs`.
 */
export interface WorkspacesHarnessOptions {
  cacheTtlMs?: number;
  /** QUIZ_LOCALE of the app (default en). */
  locale?: Locale;
}

export async function startWorkspacesHarness(target: RedisTarget, options: WorkspacesHarnessOptions = {}) {
  const locale = options.locale ?? 'en';
  const fake = await new FakeSlack().start();
  fake.oauthClient = { id: CLIENT_ID, secret: CLIENT_SECRET };
  const prefix = uniquePrefix();
  const storeConfig = { kind: 'redis' as const, url: target.url, keyPrefix: prefix };
  const stores: Stores = await openStores(storeConfig, silentLogger);
  // A minute's start plus 5 s: an every-minute schedule has a slot due now, whatever today is.
  const clock = new ManualClock(Math.floor(Date.now() / 60_000) * 60_000 + 5000);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const log = createLogger({ level: 'debug', levelSet: true, pretty: false }, sink);
  const app: AppParts = buildApp({
    bank: aBank(someQuestions(6)),
    catalog: aCatalog(),
    store: stores.quiz,
    subscriptions: stores.subscriptions,
    clock,
    log: silentLogger,
    quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale, adminUserIds: [], questionsDir: '' },
    channelLocale: locale,
  });
  const metrics = new PrometheusMetrics();
  const bot: SlackBot = createSlackBot({
    settings: {
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET },
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
    },
    commands: app.commands,
    timeZone: 'Asia/Tokyo',
    defaultLocale: locale,
    adminUserIds: [],
    log,
    refreshIntervalMs: 50,
    apiRetries: 0,
    metrics,
    ...(options.cacheTtlMs !== undefined ? { installationCacheTtlMs: options.cacheTtlMs } : {}),
    ...slackDistribution(storeConfig, stores, log),
  });
  const installations = bot.installations;
  if (installations) metrics.slackInstallations(() => installations.count());
  app.platforms.set('slack', bot.platform);
  const server = await listenAndConnect(bot);
  if (!server) throw new Error('HTTP mode should return its server');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const post = (body: string, contentType: string) =>
    fetch(`${base}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, ...slackSignature(body) },
    });

  const redisCommandsOf = redisCommandRecorder([stores.redis?.interactive, stores.redis?.background]);

  return {
    fake,
    bot,
    /** Records the Redis commands `run` causes, as `name key`. */
    redisCommandsOf,
    app,
    stores,
    clock,
    metrics,
    logs,
    base,
    prefix,

    /** GET /slack/install: the redirect to Slack's consent page, its state and the state cookie. */
    async startInstall(
      headers: Record<string, string> = {},
    ): Promise<Omit<InstallExchange, 'redirect' | 'page'>> {
      const install = await fetch(`${base}/slack/install`, { redirect: 'manual', headers });
      const location = new URL(install.headers.get('location') ?? 'http://missing/');
      const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { install, location, state: location.searchParams.get('state') ?? '', cookie };
    },

    /** GET /slack/oauth_redirect as the browser does after the consent page. */
    async redirect(
      code: string,
      state: string,
      cookie: string,
      headers: Record<string, string> = {},
    ): Promise<{ redirect: Response; page: string }> {
      const query = new URLSearchParams({ code, state });
      const redirect = await fetch(`${base}/slack/oauth_redirect?${query}`, {
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
        redirect: 'manual',
      });
      return { redirect, page: await redirect.text() };
    },

    /** The whole install of `workspace`: install link, consent (the fake's code), redirect. */
    async install(workspace: FakeWorkspace, headers: Record<string, string> = {}): Promise<InstallExchange> {
      const code = `code-${workspace.teamId}-${++sequence}`;
      fake.addInstallCode(code, workspace);
      const started = await this.startInstall(headers);
      return { ...started, ...(await this.redirect(code, started.state, started.cookie, headers)) };
    },

    command(teamId: string, text: string, o: { user?: string; channel?: string; responseId?: string } = {}) {
      const user = o.user ?? 'U1';
      return post(
        new URLSearchParams({
          command: '/quiz',
          text,
          team_id: teamId,
          channel_id: o.channel ?? 'C1',
          user_id: user,
          user_name: user.toLowerCase(),
          response_url: fake.responseUrl(o.responseId ?? `cmd-${++sequence}`),
          trigger_id: `trig-${++sequence}`,
          api_app_id: 'A1',
        }).toString(),
        'application/x-www-form-urlencoded',
      );
    },

    click(
      teamId: string,
      actionId: string,
      o: { user?: string; channel?: string; responseId?: string } = {},
    ) {
      const user = o.user ?? 'U1';
      const channel = o.channel ?? 'C1';
      const payload = {
        type: 'block_actions',
        team: { id: teamId, domain: teamId.toLowerCase() },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: teamId },
        api_app_id: 'A1',
        trigger_id: `trig-${++sequence}`,
        channel: { id: channel, name: 'quiz' },
        container: { type: 'message', channel_id: channel, message_ts: '1.1', is_ephemeral: false },
        response_url: fake.responseUrl(o.responseId ?? `click-${++sequence}`),
        actions: [
          { type: 'button', action_id: actionId, block_id: 'answers', value: actionId, action_ts: '1.2' },
        ],
      };
      return post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      );
    },

    event(teamId: string, event: Record<string, unknown>) {
      return post(
        JSON.stringify({
          type: 'event_callback',
          team_id: teamId,
          api_app_id: 'A1',
          event_id: `Ev${++sequence}`,
          event_time: Math.floor(Date.now() / 1000),
          authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true }],
          event,
        }),
        'application/json',
      );
    },

    async stop() {
      await bot.stop();
      await fake.stop();
      const redis = stores.redis;
      if (redis) await deleteByPrefix(redis.background, prefix).catch(() => {});
      await redis?.quit();
    },
  };
}

export type WorkspacesHarness = Awaited<ReturnType<typeof startWorkspacesHarness>>;
