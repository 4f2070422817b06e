import { validate as validateCron } from 'node-cron';
import { z } from 'zod';
import type { DiscordSettings } from '../adapters/discord/discord-bot.js';
import { multiWorkspaceProblems } from '../adapters/slack/slack-mode-problems.js';
import type { Locale } from '../core/model/model.js';
import { isValidTimeZone } from '../core/model/time-zone.js';

/**
 * The only reader of `process.env`. Every variable is checked at once and every problem is reported in
 * one message, each with a hint, so a deploy is fixed in one go rather than one error per restart.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => !v || v.startsWith('xoxb-'), 'a bot token starts with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (v) => !v || v.startsWith('xapp-'),
    'an app-level token starts with xapp-',
  ),
  SLACK_CLIENT_ID: optionalText.refine(
    (v) => !v || /^\d+\.\d+$/.test(v),
    "the Client ID from the app's Basic Information page (digits.digits)",
  ),
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine(
    (v) => !v || v.length >= 16,
    'at least 16 characters (e.g. openssl rand -hex 32)',
  ),
  SLACK_API_URL: optionalText.refine(
    (v) => !v || URL.canParse(v),
    'must be a URL such as https://slack.com/api/',
  ),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.refine(
    (v) => !v || /^\d{5,25}$/.test(v),
    'must be the numeric application id',
  ),
  DISCORD_GUILD_ID: optionalText.refine((v) => !v || /^\d{5,25}$/.test(v), 'must be a numeric guild id'),
  DISCORD_API_URL: optionalText.refine(
    (v) => !v || URL.canParse(v),
    'must be a URL such as https://discord.com/api',
  ),
  DISCORD_SHARDS: optionalText.refine(
    (v) => !v || v === 'auto' || /^[1-9]\d*$/.test(v),
    'use auto or a number',
  ),
  REDIS_URL: optionalText.refine(
    (v) => !v || /^rediss?:\/\//.test(v),
    'must look like redis://host:6379 (or rediss:// for TLS)',
  ),
  REDIS_CLUSTER_NODES: optionalText.refine(
    (v) => !v || v.split(',').every((n) => /^[^:\s]+:\d+$/.test(n.trim())),
    'a comma-separated list of host:port',
  ),
  REDIS_KEY_PREFIX: optionalText.refine((v) => !v || /^[A-Za-z0-9_-]+$/.test(v), 'letters, digits, - and _'),
  QUIZ_STORE: z.enum(['redis', 'memory']).optional().catch(undefined),
  QUIZ_TIMEZONE: optionalText.refine(
    (v) => !v || isValidTimeZone(v),
    'must be an IANA time zone such as Asia/Tokyo',
  ),
  QUIZ_CRON: optionalText.refine(
    (v) => !v || (v.split(/\s+/).length === 5 && validateCron(v)),
    'five cron fields',
  ),
  QUIZ_LOCALE: optionalText.refine((v) => !v || v === 'ja' || v === 'en', 'ja or en'),
  QUIZ_ADMIN_USER_IDS: optionalText,
  QUIZ_QUESTIONS_DIR: optionalText,
  QUIZ_SEED: optionalText.refine((v) => !v || /^\d+$/.test(v), 'a whole number'),
  PORT: optionalText.refine((v) => !v || (/^\d+$/.test(v) && Number(v) <= 65535), 'a port number 0-65535'),
  HOST: optionalText.refine((v) => !v || /^[A-Za-z0-9.:-]+$/.test(v), 'an address such as 127.0.0.1 or ::'),
  PUBLIC_URL: optionalText.refine(
    (v) => !v || publicOrigin(v) !== null,
    'the address people open, https://quiz.example.com (http:// only for localhost; no path, query or fragment)',
  ),
  METRICS_PORT: optionalText.refine(
    (v) => !v || (/^\d+$/.test(v) && Number(v) <= 65535),
    'a port number 0-65535 (the internal listener for /metrics and the detailed /readyz)',
  ),
  METRICS_HOST: optionalText.refine(
    (v) => !v || /^[A-Za-z0-9.:-]+$/.test(v),
    'an address such as 127.0.0.1 (default) or 0.0.0.0 for a scraper in another container',
  ),
  LOG_LEVEL: optionalText.refine(
    (v) => !v || (LOG_LEVELS as readonly string[]).includes(v),
    `one of ${LOG_LEVELS.join(', ')}`,
  ),
  LOG_PRETTY: optionalText,
  LOG_FILE: optionalText,
  /** Set to `true` by discord.js's ShardingManager in each shard process it spawns. */
  SHARDING_MANAGER: optionalText,
});

/** The internal listener's port when METRICS_PORT is unset (the Prometheus exporters' usual 9464). */
export const DEFAULT_METRICS_PORT = 9464;

export type StoreConfig =
  | { kind: 'memory' }
  | { kind: 'redis'; url: string; keyPrefix: string }
  | { kind: 'redis-cluster'; nodes: { host: string; port: number }[]; keyPrefix: string };

export interface Config {
  /** Exactly one of `botToken` (single workspace) and `oauth` (any number of workspaces) is set. */
  slack?: {
    botToken?: string;
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
  };
  discord?: DiscordSettings;
  store: StoreConfig;
  quiz: {
    timeZone: string;
    cron: string;
    locale: Locale;
    adminUserIds: string[];
    questionsDir: string;
    seed?: number;
  };
  port: number;
  /** Address the HTTP server binds; all interfaces when unset. */
  host?: string;
  /** PUBLIC_URL's origin (`https://quiz.example.com`): the dashboard's links point there; unset: no dashboard. */
  publicUrl?: string;
  /**
   * The internal listener for `/metrics` and the detailed `/readyz`: loopback by default, so only the
   * container itself (or a sidecar) reads them. `portSet`: an operator chose the port, so a port in use
   * is fatal; the default port in use only costs the internal listener (a warning).
   */
  metrics: { port: number; host: string; portSet: boolean };
  log: { level: (typeof LOG_LEVELS)[number]; levelSet: boolean; pretty: boolean; file?: string };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // Mixing the Slack modes is reported with the malformed values, not after they are fixed.
    const raw = (name: string): string | undefined => env[name]?.trim() || undefined;
    const slackVars = {
      SLACK_CLIENT_ID: raw('SLACK_CLIENT_ID'),
      SLACK_CLIENT_SECRET: raw('SLACK_CLIENT_SECRET'),
      SLACK_STATE_SECRET: raw('SLACK_STATE_SECRET'),
      SLACK_SIGNING_SECRET: raw('SLACK_SIGNING_SECRET'),
      SLACK_BOT_TOKEN: raw('SLACK_BOT_TOKEN'),
      SLACK_APP_TOKEN: raw('SLACK_APP_TOKEN'),
    };
    if (slackVars.SLACK_CLIENT_ID || slackVars.SLACK_CLIENT_SECRET || slackVars.SLACK_STATE_SECRET) {
      problems.push(...multiWorkspaceProblems(slackVars));
    }
    return { ok: false, problems };
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oauthVariables = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const multiWorkspace = oauthVariables.some(Boolean);
  const hasPlatform = Boolean(e.SLACK_BOT_TOKEN || multiWorkspace || e.DISCORD_TOKEN);

  if (e.METRICS_PORT && e.METRICS_PORT !== '0' && e.METRICS_PORT === (e.PORT ?? '3000')) {
    problems.push('METRICS_PORT: must differ from PORT (the internal listener is a server of its own)');
  }
  if (multiWorkspace) problems.push(...multiWorkspaceProblems(e));
  else {
    if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    if ((e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) && !e.SLACK_BOT_TOKEN) {
      problems.push(
        'SLACK_BOT_TOKEN: required when Slack is configured (the xoxb- token of the app), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve many workspaces',
      );
    }
  }
  if (e.DISCORD_APPLICATION_ID && !e.DISCORD_TOKEN) {
    problems.push('DISCORD_TOKEN: required when DISCORD_APPLICATION_ID is set (the bot token)');
  }

  const keyPrefix = e.REDIS_KEY_PREFIX ?? 'pq';
  let store: StoreConfig;
  if (e.QUIZ_STORE === 'memory') store = { kind: 'memory' };
  else if (e.REDIS_CLUSTER_NODES) {
    store = {
      kind: 'redis-cluster',
      nodes: e.REDIS_CLUSTER_NODES.split(',').map((n) => {
        const [host = '', port = ''] = n.trim().split(':');
        return { host, port: Number(port) };
      }),
      keyPrefix,
    };
  } else if (e.REDIS_URL) store = { kind: 'redis', url: e.REDIS_URL, keyPrefix };
  else if (e.QUIZ_STORE === 'redis') {
    problems.push('REDIS_URL: required with QUIZ_STORE=redis (e.g. redis://127.0.0.1:6379)');
    store = { kind: 'memory' };
  } else {
    store = { kind: 'memory' };
    if (hasPlatform) {
      problems.push(
        'REDIS_URL: a Slack or Discord bot keeps its rounds and boards in Redis; set REDIS_URL (or REDIS_CLUSTER_NODES), or QUIZ_STORE=memory to accept losing everything at restart',
      );
    }
  }
  if (multiWorkspace && store.kind === 'memory' && e.QUIZ_STORE === 'memory') {
    problems.push(
      'QUIZ_STORE: multi-workspace Slack keeps installations and install states in Redis; set REDIS_URL (or REDIS_CLUSTER_NODES) instead of QUIZ_STORE=memory',
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const config: Config = {
    store,
    quiz: {
      timeZone: e.QUIZ_TIMEZONE ?? 'Asia/Tokyo',
      cron: e.QUIZ_CRON ?? '0 9 * * 1-5',
      locale: (e.QUIZ_LOCALE as Locale | undefined) ?? 'ja',
      adminUserIds: (e.QUIZ_ADMIN_USER_IDS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      questionsDir: e.QUIZ_QUESTIONS_DIR ?? 'questions',
      ...(e.QUIZ_SEED ? { seed: Number(e.QUIZ_SEED) } : {}),
    },
    port: e.PORT ? Number(e.PORT) : 3000,
    ...(e.HOST ? { host: e.HOST } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: publicOrigin(e.PUBLIC_URL) ?? '' } : {}),
    metrics: {
      port: e.METRICS_PORT ? Number(e.METRICS_PORT) : DEFAULT_METRICS_PORT,
      host: e.METRICS_HOST ?? '127.0.0.1',
      portSet: e.METRICS_PORT !== undefined,
    },
    log: {
      level: (e.LOG_LEVEL as Config['log']['level'] | undefined) ?? 'info',
      levelSet: e.LOG_LEVEL !== undefined,
      pretty: e.LOG_PRETTY === '1' || e.LOG_PRETTY === 'true',
      ...(e.LOG_FILE ? { file: e.LOG_FILE } : {}),
    },
  };
  if (e.SLACK_BOT_TOKEN || multiWorkspace) {
    config.slack = {
      ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
      ...(e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
        ? {
            oauth: {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
            },
          }
        : {}),
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  }
  if (e.DISCORD_TOKEN) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      ...(e.DISCORD_APPLICATION_ID ? { applicationId: e.DISCORD_APPLICATION_ID } : {}),
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
      ...(e.DISCORD_SHARDS
        ? { shards: e.DISCORD_SHARDS === 'auto' ? 'auto' : Number(e.DISCORD_SHARDS) }
        : {}),
      shardChild: e.SHARDING_MANAGER === 'true',
    };
  }
  return { ok: true, config };
}

/** Variables set by the environment itself rather than by an operator. */
const INTERNAL_VARIABLES = new Set(['SHARDING_MANAGER']);

/** Every variable an operator can set (documented in .env.example and the README). */
export const OPERATOR_VARIABLES: readonly string[] = Object.keys(envSchema.shape).filter(
  (name) => !INTERNAL_VARIABLES.has(name),
);

/**
 * The origin of a PUBLIC_URL (a trailing slash is fine), or null when it is not one: https, or http for a
 * loopback name only (a session cookie must not travel in clear over a network).
 */
export function publicOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return null;
  if (url.protocol === 'https:') return url.origin;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && loopback ? url.origin : null;
}
