import { App, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { QuizCommands } from '../../core/commands/quiz-commands.js';
import { type Locale, type RoundRef, scopeId } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';
import type { QuizMetrics } from '../../core/ports/metrics.js';
import { UserLocales } from '../../core/rounds/user-locales.js';
import type { InFlight } from '../../core/runtime/in-flight.js';
import { boltLogger } from './bolt-logger.js';
import {
  acceptMalformedPayloads,
  holdUntilReady,
  logUnhandledErrors,
  replyOnHandlerFailure,
} from './handler-failures.js';
import { isAnsweredInstallRefusal } from './oauth/install-pages.js';
import { registerInstallationEvents } from './oauth/installation-events.js';
import type { StateRecords } from './oauth/signed-state-store.js';
import type { InstallationRecords, SlackInstallations } from './oauth/slack-installations.js';
import { type SlackOAuth, type SlackOAuthSettings, slackOAuth } from './oauth/slack-oauth.js';
import { SlackAdmins } from './slack-admins.js';
import { verifySlackCredential } from './slack-credentials.js';
import { httpModeReceivers, type SlackEventsReceiver } from './slack-events-receiver.js';
import { registerSlackHandlers } from './slack-handlers.js';
import { type SeenRequests, type SlackHttpRoute, slackHttpRoutes } from './slack-http-routes.js';
import { SlackPlatform } from './slack-platform.js';

export interface SlackSettings {
  /** Single-workspace mode: the one workspace's bot token. */
  botToken?: string;
  /** Multi-workspace mode (no bot token): OAuth installs, each workspace with its own token. */
  oauth?: SlackOAuthSettings;
  signingSecret?: string;
  /** Set: Socket Mode. Unset: HTTP mode at POST /slack/events. */
  appToken?: string;
  /** Web API base URL (Slack-compatible gateways, tests). */
  apiUrl?: string;
}

export interface SlackBotDeps {
  settings: SlackSettings;
  commands: QuizCommands;
  timeZone: string;
  defaultLocale: Locale;
  adminUserIds: readonly string[];
  log: PinoLogger;
  /** HTTP mode: signed requests already handled, so a replayed one is dropped (Redis across replicas). */
  seen?: SeenRequests;
  /** HTTP mode: where warnings anyone on the internet can cause go (at most a line a minute). */
  throttledLog?: Pick<Logger, 'warn'>;
  /** An error inside Bolt's receiver (not a handler's): counted; it is logged once here. */
  onReceiverError?(error: unknown): void;
  /** How often at most a question's answer count is edited. */
  refreshIntervalMs?: number;
  /** Web API retries; tests use 0 so a failing fake does not stall them. */
  apiRetries?: number;
  /** Bolt answers 404 to a request nobody acked within this time (3001 ms, Slack's limit). */
  unhandledRequestTimeoutMillis?: number;
  metrics?: QuizMetrics;
  /** Work that shutdown waits for: every request's handling, including what follows the ack. */
  inFlight?: InFlight;
  /** Multi-workspace mode: where installations and OAuth states are kept (Redis). */
  installationRecords?: InstallationRecords & StateRecords;
  /** Multi-workspace mode: a workspace was installed or uninstalled (resume or pause its subscriptions). */
  workspaces?: { installed(scope: string): Promise<void>; uninstalled(scope: string): Promise<void> };
  /** Multi-workspace mode: how long an installation stays cached in this process (at most 60 s). */
  installationCacheTtlMs?: number;
}

export interface SlackBot {
  app: App;
  platform: SlackPlatform;
  /** Multi-workspace mode: the installations (for the installation count metric). */
  installations: SlackInstallations | null;
  /** The chat's admin rule (workspace admins and owners, QUIZ_ADMIN_USER_IDS), cached: the web dashboard asks it. */
  isAdmin(teamId: string, userId: string): Promise<boolean>;
  /**
   * Null when Slack is usable, else why not: Socket Mode's websocket is down, or (HTTP mode) the server is
   * not listening or the bot token fails `auth.test` (checked at most once a minute).
   */
  problem(): Promise<string | null>;
  /**
   * HTTP mode: the routes of Slack's endpoint (events, and the install routes in multi-workspace mode)
   * for the app's HTTP listener, which serves them with its limits. Socket Mode: none.
   */
  httpRoutes: SlackHttpRoute[];
  /**
   * Checks the bot token (`auth.test`), then readies Bolt and, in Socket Mode, opens the websocket.
   * A refused token throws `CredentialRejectedError`; an unreachable Slack throws the network error.
   */
  connect(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Slack app on Bolt: HTTP mode with a signing secret, or Socket Mode with an app token. */
export function createSlackBot(deps: SlackBotDeps): SlackBot {
  const { settings, log } = deps;
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...(deps.apiRetries !== undefined ? { retryConfig: { retries: deps.apiRetries } } : {}),
  };
  const logger = boltLogger(log, {
    handledElsewhere: isAnsweredInstallRefusal,
    // An event for a workspace without an installation is logged once, at info, by app.error below.
    quietWarnings: settings.oauth ? /^Authorization of incoming event did not succeed/ : undefined,
  });
  const records = deps.installationRecords;
  if (settings.oauth && !records) throw new Error('multi-workspace mode needs an installation store');
  const oauth: SlackOAuth | null =
    settings.oauth && records
      ? slackOAuth({
          settings: settings.oauth,
          records,
          client: (): webApi.WebClient => app.client,
          clientOptions,
          onInstalled: async (teamId) => deps.workspaces?.installed(scopeId('slack', teamId)),
          locale: deps.defaultLocale,
          log,
          ...(deps.installationCacheTtlMs !== undefined ? { cacheTtlMs: deps.installationCacheTtlMs } : {}),
        })
      : null;
  // Socket Mode: our own receiver, so its websocket client's connection state is ours to watch.
  const socketReceiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } })
    : null;
  // HTTP mode: Bolt gets the requests our listener has verified and parsed, once (slack-events-receiver.ts).
  const http = socketReceiver
    ? null
    : httpModeReceivers({
        logger,
        ...(oauth ? { oauth: oauth.receiverOptions } : {}),
        onError: (error) => {
          // One line, counted, and the process goes on; a 500 unless a listener acked already.
          log.error({ err: error }, 'slack receiver failed');
          deps.onReceiverError?.(error);
        },
        unhandledRequestTimeoutMillis: deps.unhandledRequestTimeoutMillis,
      });
  const receiver = socketReceiver ?? (http?.events as SlackEventsReceiver);
  // No conversation store: the app keeps no per-conversation state, and Bolt's runs on every request.
  const app = new App({
    ...(settings.botToken ? { token: settings.botToken } : {}),
    receiver,
    clientOptions,
    logger,
    logLevel: LogLevel.INFO,
    convoStore: false,
    // No message listeners, and the events listened to (Home tab opened, uninstall, token revocation) are
    // never the bot's own: Bolt's ignoreSelf filter would be one more middleware step on every click.
    ignoreSelf: false,
    // Bolt would call auth.test in this constructor and leave a rejection nobody handles (a bad token
    // crashed the process with a stack); connect() checks the token itself and then initialises Bolt.
    deferInitialization: true,
  });

  const engine = deps.commands.engine;
  const loadRound = (ref: RoundRef) => engine.roundWithQuestion(ref);
  // Channel posts get a client of their own that hands a 429 back instead of waiting: WebClient pauses
  // its whole request queue on a rate limit, which with one client for many workspaces (or for clicks
  // and posts alike) would stall everyone. The scheduler pauses just that workspace's lane instead.
  const channelClient = new webApi.WebClient(settings.botToken, {
    ...clientOptions,
    logger,
    rejectRateLimitedCalls: true,
  });
  const platform = new SlackPlatform({
    client: channelClient,
    bank: engine.bank,
    timeZone: deps.timeZone,
    locale: deps.defaultLocale,
    log,
    loadRound,
    ...(oauth ? { tokens: oauth.tokens } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.refreshIntervalMs !== undefined ? { refreshIntervalMs: deps.refreshIntervalMs } : {}),
  });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  holdUntilReady(app, ready, log);
  acceptMalformedPayloads(app, log);
  // Outermost: shutdown waits for every request's handling, including what follows the ack. Around
  // processEvent rather than as a Bolt middleware, which every click would pay a middleware step for.
  const inFlight = deps.inFlight;
  if (inFlight) {
    const processEvent = app.processEvent.bind(app);
    app.processEvent = (event) => inFlight.track(processEvent(event));
  }
  replyOnHandlerFailure(app, log, deps.defaultLocale);
  let connected = false;
  let lastAuth: { at: number; problem: string | null } | null = null;
  socketReceiver?.client.on('connected', () => {
    connected = true;
  });
  socketReceiver?.client.on('disconnected', () => {
    connected = false;
  });
  if (oauth) {
    registerInstallationEvents(app, {
      installations: oauth.installations,
      onUninstalled: async (teamId) => deps.workspaces?.uninstalled(scopeId('slack', teamId)),
      log,
    });
  }
  const admins = new SlackAdmins(app.client, deps.adminUserIds, log, undefined, oauth?.tokens);
  registerSlackHandlers(app, {
    commands: deps.commands,
    platform,
    admins,
    locales: new UserLocales(engine),
    defaultLocale: deps.defaultLocale,
    log,
  });
  logUnhandledErrors(app, log);
  const httpRoutes = http
    ? slackHttpRoutes({
        events: http.events,
        ...(http.install ? { installReceiver: http.install } : {}),
        signingSecret: settings.signingSecret ?? '',
        seen: deps.seen ?? { firstSeen: async () => true },
        log,
        throttledLog: deps.throttledLog ?? log,
        ...(oauth ? { gate: oauth.gate } : {}),
      })
    : [];

  return {
    app,
    platform,
    installations: oauth?.installations ?? null,
    isAdmin: (teamId, userId) => admins.isAdmin(userId, teamId),
    httpRoutes,
    async problem() {
      if (!connected) return socketReceiver ? 'socket mode not connected' : 'bot token not checked yet';
      // Multi-workspace mode has no one token to test; Redis readiness covers the installations.
      if (socketReceiver || oauth) return null;
      const now = Date.now();
      if (!lastAuth || now - lastAuth.at > AUTH_CHECK_INTERVAL_MS) {
        lastAuth = { at: now, problem: await authProblem(app) };
      }
      return lastAuth.problem;
    },
    async connect() {
      // Single-token mode only: with OAuth (many workspaces) there is no one token to check, and one
      // revoked installation must never stop the process, so this step is skipped there.
      if (settings.botToken) await checkBotToken(settings.botToken, settings.apiUrl, logger);
      await app.init();
      markReady();
      if (socketReceiver) await verifySlackCredential(() => socketReceiver.start(), 'SLACK_APP_TOKEN');
      connected = true;
    },
    async stop() {
      // HTTP mode: the app's listener is closed by its owner; only Socket Mode has a receiver to stop.
      if (socketReceiver) await app.stop();
      connected = false;
      await platform.flush();
    },
  };
}

/** How often readiness asks Slack whether the bot token still works. */
const AUTH_CHECK_INTERVAL_MS = 60_000;
const AUTH_CHECK_TIMEOUT_MS = 2000;

/** Null when `auth.test` accepts the bot token within the timeout, else the reason. */
async function authProblem(app: App): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`auth.test: no answer within ${AUTH_CHECK_TIMEOUT_MS} ms`),
      AUTH_CHECK_TIMEOUT_MS,
    );
  });
  const check = app.client.auth.test().then(
    () => null,
    (error: unknown) => `auth.test: ${(error as { data?: { error?: string } }).data?.error ?? String(error)}`,
  );
  const problem = await Promise.race([check, timeout]);
  clearTimeout(timer);
  return problem;
}

/**
 * `auth.test` on a client of its own without the SDK's retries (ten over half an hour): each attempt is
 * short, and connectWithRetry decides about the next one while /readyz says what is going on.
 */
async function checkBotToken(
  token: string,
  apiUrl: string | undefined,
  logger: ReturnType<typeof boltLogger>,
): Promise<void> {
  const check = new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger,
  });
  await verifySlackCredential(() => check.auth.test(), 'SLACK_BOT_TOKEN');
}
