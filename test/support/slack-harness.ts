import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Logger as PinoLogger, pino } from 'pino';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { createSlackBot, type SlackBot } from '../../src/adapters/slack/register-slack.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import type { Locale } from '../../src/core/model/model.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { DashboardLinks } from '../../src/core/ports/dashboard-links.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { QuestionBank } from '../../src/core/ports/question-bank.js';
import type { QuizStore } from '../../src/core/ports/quiz-store.js';
import type { ServiceCatalog } from '../../src/core/ports/service-catalog.js';
import { aBank, aCatalog, aService, someQuestions } from './builders.js';
import { FakeSlack } from './fake-slack.js';
import { listenAndConnect } from './slack-listener.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM = 'T1';
export const CHANNEL = 'C1';

export function slackSignature(body: string, ts = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET) {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

export interface SlackHarness {
  fake: FakeSlack;
  bot: SlackBot;
  app: AppParts;
  store: QuizStore;
  url: string;
  /** POSTs a signed slash command; the reply goes to `response/<responseId>`. */
  command(command: string, text: string, options?: { user?: string; responseId?: string }): Promise<Response>;
  /** POSTs a signed button click. */
  click(
    actionId: string,
    options?: { user?: string; responseId?: string; triggerId?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** POSTs a signed view_submission of a modal the app opened, with these checkbox values picked. */
  submitView(
    view: Record<string, unknown>,
    picked: { blockId: string; actionId: string; values: string[] },
    options?: { user?: string },
  ): Promise<Response>;
  event(
    event: Record<string, unknown>,
    options?: { eventId?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

let sequence = 0;

export async function startSlackHarness(
  options: {
    store?: QuizStore;
    bank?: QuestionBank;
    catalog?: ServiceCatalog;
    locale?: Locale;
    socketMode?: boolean;
    /** The app's clock (default: real time); a test that needs the next slot moves it. */
    clock?: Clock;
    /** Where the Slack adapter logs (silent by default). */
    log?: PinoLogger;
    /** The web dashboard's sign-in links (`/quiz dashboard`); absent: the command says it is off. */
    dashboard?: DashboardLinks;
  } = {},
): Promise<SlackHarness> {
  const fake = await new FakeSlack().start();
  const store = options.store ?? new MemoryQuizStore();
  const app = buildApp({
    bank: options.bank ?? aBank(someQuestions(6)),
    catalog:
      options.catalog ??
      aCatalog([
        aService(),
        aService({
          id: 'pubsub',
          name: 'Pub/Sub',
          formerNames: [],
          aliases: ['pub sub'],
          ja: { name: 'Pub/Sub', reading: 'パブサブ' },
        }),
      ]),
    store,
    subscriptions: new MemorySubscriptionStore(),
    clock: options.clock ?? { now: () => Date.now() },
    log: silentLogger,
    quiz: {
      timeZone: 'Asia/Tokyo',
      cron: '0 9 * * 1-5',
      locale: options.locale ?? 'en',
      adminUserIds: [],
      questionsDir: '',
    },
    channelLocale: options.locale ?? 'en',
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const bot = createSlackBot({
    settings: {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      ...(options.socketMode ? { appToken: 'xapp-test' } : {}),
    },
    commands: app.commands,
    timeZone: 'Asia/Tokyo',
    defaultLocale: options.locale ?? 'en',
    adminUserIds: ['UADMIN'],
    log: options.log ?? pino({ level: 'silent' }),
    refreshIntervalMs: 50,
    apiRetries: 0,
  });
  app.platforms.set('slack', bot.platform);
  const server = await listenAndConnect(bot);
  const url = server ? `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` : '';

  const post = (body: string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, ...slackSignature(body), ...headers },
    });

  return {
    fake,
    bot,
    app,
    store,
    url,
    post,
    command(command, text, o = {}) {
      const body = new URLSearchParams({
        command,
        text,
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: o.user ?? 'U1',
        user_name: (o.user ?? 'U1').toLowerCase(),
        response_url: fake.responseUrl(o.responseId ?? `cmd-${++sequence}`),
        trigger_id: `trig-${++sequence}`,
        api_app_id: 'A1',
      }).toString();
      return post(body, 'application/x-www-form-urlencoded');
    },
    click(actionId, o = {}) {
      const user = o.user ?? 'U1';
      const payload = {
        type: 'block_actions',
        team: { id: TEAM, domain: 'test' },
        user: {
          id: user,
          username: `user-${user.toLowerCase()}`,
          name: `user-${user.toLowerCase()}`,
          team_id: TEAM,
        },
        api_app_id: 'A1',
        trigger_id: o.triggerId ?? `trig-${++sequence}`,
        channel: { id: CHANNEL, name: 'quiz' },
        container: { type: 'message', channel_id: CHANNEL, message_ts: '1.1', is_ephemeral: false },
        response_url: fake.responseUrl(o.responseId ?? `click-${++sequence}`),
        actions: [
          { type: 'button', action_id: actionId, block_id: 'answers', value: actionId, action_ts: '1.2' },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, 'application/x-www-form-urlencoded', o.headers);
    },
    submitView(view, picked, o = {}) {
      const user = o.user ?? 'U1';
      const payload = {
        type: 'view_submission',
        team: { id: TEAM, domain: 'test' },
        user: {
          id: user,
          username: `user-${user.toLowerCase()}`,
          name: `user-${user.toLowerCase()}`,
          team_id: TEAM,
        },
        api_app_id: 'A1',
        trigger_id: `trig-${++sequence}`,
        view: {
          ...view,
          id: `V${++sequence}`,
          team_id: TEAM,
          state: {
            values: {
              [picked.blockId]: {
                [picked.actionId]: {
                  type: 'checkboxes',
                  selected_options: picked.values.map((value) => ({
                    text: { type: 'plain_text', text: value },
                    value,
                  })),
                },
              },
            },
          },
        },
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, 'application/x-www-form-urlencoded');
    },
    event(event, o = {}) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: TEAM,
        api_app_id: 'A1',
        event_id: o.eventId ?? `Ev${++sequence}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM, user_id: 'U0BOT', is_bot: true }],
        event,
      });
      return post(body, 'application/json', o.headers);
    },
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}
