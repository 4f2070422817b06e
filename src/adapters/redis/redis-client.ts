import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../core/ports/logger.js';
import { ANSWER_SCRIPT } from './quiz-scripts.js';

/** The slice of the logger port (a pino logger) the clients report connection trouble to. */
export type RedisLogger = Pick<Logger, 'info' | 'warn'>;

export interface RedisClientOptions {
  /** `redis://` or `rediss://` URL of a standalone server (REDIS_URL). */
  url?: string;
  /** Cluster seed nodes, `host:port,host:port` (REDIS_CLUSTER_NODES); wins over `url`. */
  clusterNodes?: string;
  logger: RedisLogger;
  /** How long an interactive command may wait, in ms (default 1000: a Slack ack is due within 3 s). */
  interactiveTimeoutMs?: number;
}

export interface RedisClients {
  /**
   * For user-facing paths: fails at once while disconnected and within `interactiveTimeoutMs` when a
   * reply does not come, so the user can be told to retry. A call that failed for want of a connection
   * never runs later; one that timed out after it was sent may have run.
   */
  interactive: Redis | Cluster;
  /**
   * For the sweep and cron jobs: the same, but waits up to 10 s for a reply (a slow scan is no outage),
   * and keeps slow background work from delaying user-facing commands on the same connection.
   */
  background: Redis | Cluster;
  /**
   * Connects both; rejects when Redis is not reachable, so a misconfigured boot fails at once. Call it
   * before use: the clients do not queue commands while not connected.
   */
  connect(): Promise<void>;
  /** Sends QUIT on both, letting replies in flight arrive. */
  quit(): Promise<void>;
}

/**
 * How a client waits. Neither client queues commands while disconnected: ioredis sends a queued command
 * after a reconnect even when its caller already got "Command timed out", so a call reported as failed
 * could still write later. Without the queue a call fails at once while Redis is away, and the caller
 * (the user, or the next sweep) tries again.
 */
interface ClientProfile {
  name: string;
  /** How long a sent command may wait for its reply, in ms. */
  commandTimeout: number;
  /**
   * Commands (by the name ioredis knows them under; a defined script by its own name) written to the
   * socket when called instead of auto-pipelined. Auto-pipelining holds every command until a
   * setImmediate so one write can carry many; an answer click sends exactly one EVALSHA, so on the
   * interactive client that wait and the pipeline built around the one command are pure cost on every
   * click's reply (docs/performance.md, "Third pass").
   */
  sendAtOnce?: readonly string[];
}

export function parseClusterNodes(text: string): { host: string; port: number }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const colon = part.lastIndexOf(':');
      const port = Number(part.slice(colon + 1));
      if (colon <= 0 || !Number.isInteger(port) || port <= 0) {
        throw new Error(`REDIS_CLUSTER_NODES entry is not host:port: ${part}`);
      }
      return { host: part.slice(0, colon), port };
    });
}

/** Reconnects quickly at first, then every 2 s at most, forever: the process heals when Redis returns. */
function reconnectDelay(times: number): number {
  return Math.min(times * 100, 2000);
}

function redisOptions(profile: ClientProfile): RedisOptions {
  return {
    lazyConnect: true,
    connectionName: `pmle-quiz-bot:${profile.name}`,
    // ioredis defaults retry a command for over a minute; here a broken connection fails it at once.
    maxRetriesPerRequest: 1,
    commandTimeout: profile.commandTimeout,
    connectTimeout: 2000,
    // A command in flight when the connection broke may have run; sending it again could run it twice.
    autoResendUnfulfilledCommands: false,
    enableAutoPipelining: true,
    autoPipeliningIgnoredCommands: [...(profile.sendAtOnce ?? [])],
  };
}

function createClient(options: RedisClientOptions, profile: ClientProfile): Redis | Cluster {
  if (options.clusterNodes) {
    const clusterOptions: ClusterOptions = {
      lazyConnect: true,
      enableAutoPipelining: true,
      autoPipeliningIgnoredCommands: [...(profile.sendAtOnce ?? [])],
      clusterRetryStrategy: reconnectDelay,
      enableOfflineQueue: false,
      slotsRefreshTimeout: 1000,
      redisOptions: redisOptions(profile),
    };
    return new Cluster(parseClusterNodes(options.clusterNodes), clusterOptions);
  }
  return new Redis(options.url ?? 'redis://127.0.0.1:6379', {
    ...redisOptions(profile),
    enableOfflineQueue: false,
    retryStrategy: reconnectDelay,
  });
}

/**
 * Logs connection trouble without ever throwing (an `error` event with no listener would crash the
 * process), once per distinct error until the connection is ready again, so an outage is not a log flood.
 */
function watch(client: Redis | Cluster, name: string, logger: RedisLogger): void {
  let lastError: string | null = null;
  client.on('error', (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (message === lastError) return;
    lastError = message;
    logger.warn({ client: name, err: message }, 'redis connection error');
  });
  // A Cluster reports trouble with single nodes separately; it heals by refreshing its slot map.
  client.on('node error', (error: unknown, node: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ client: name, node: String(node), err: message }, 'redis cluster node error');
  });
  client.on('ready', () => {
    if (lastError !== null) logger.info({ client: name }, 'redis connection ready again');
    lastError = null;
  });
}

/**
 * Builds the two Redis clients the bot needs, from REDIS_URL or REDIS_CLUSTER_NODES. Commands fail at
 * once while Redis is unreachable and within `interactiveTimeoutMs` when it stops answering (the store
 * reports `StoreUnavailableError`); both clients reconnect by themselves when it comes back.
 */
export function createRedisClients(options: RedisClientOptions): RedisClients {
  const interactive = createClient(options, {
    name: 'interactive',
    commandTimeout: options.interactiveTimeoutMs ?? 1000,
    // Only the answer script: reads that a view fans out in parallel (boards, stats) still share writes.
    sendAtOnce: [ANSWER_SCRIPT],
  });
  const background = createClient(options, { name: 'background', commandTimeout: 10_000 });
  watch(interactive, 'interactive', options.logger);
  watch(background, 'background', options.logger);
  const both = [interactive, background];
  return {
    interactive,
    background,
    async connect() {
      await Promise.all(both.map((client) => client.connect()));
    },
    async quit() {
      await Promise.all(both.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
