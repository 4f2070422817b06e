import { MemoryDashboardStore } from '../adapters/memory/memory-dashboard-store.js';
import { MemoryQuizStore } from '../adapters/memory/memory-quiz-store.js';
import { MemorySeenRequests } from '../adapters/memory/memory-seen-requests.js';
import { MemorySubscriptionStore } from '../adapters/memory/memory-subscription-store.js';
import { createRedisClients, type RedisClients } from '../adapters/redis/redis-client.js';
import { RedisDashboardStore } from '../adapters/redis/redis-dashboard-store.js';
import { RedisQuizStore } from '../adapters/redis/redis-quiz-store.js';
import { RedisSeenRequests } from '../adapters/redis/redis-seen-requests.js';
import { RedisSubscriptionStore } from '../adapters/redis/redis-subscription-store.js';
import { isStoreUnavailable } from '../core/model/errors.js';
import type { DashboardStore } from '../core/ports/dashboard-store.js';
import type { Logger } from '../core/ports/logger.js';
import type { QuizStore } from '../core/ports/quiz-store.js';
import type { SubscriptionStore } from '../core/ports/subscription-store.js';
import type { StoreConfig } from './config.js';

export interface Stores {
  quiz: QuizStore;
  subscriptions: SubscriptionStore;
  /** Signed platform requests already handled (replays are dropped), shared by the replicas on Redis. */
  seen: { firstSeen(key: string, ttlMs: number): Promise<boolean> };
  /** The web dashboard's sign-in links and sessions (shared by the replicas on Redis). */
  dashboard: DashboardStore;
  /** Redis clients, when the stores are on Redis (health checks, shutdown). */
  redis: RedisClients | null;
}

/** Resolves null when Redis answers PING within `timeoutMs`, else the reason. */
export async function redisProblem(redis: RedisClients, timeoutMs = 500): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no PING reply within ${timeoutMs} ms`), timeoutMs);
  });
  const ping = redis.interactive.ping().then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const result = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return result;
}

/**
 * Counts every `StoreUnavailableError` a store throws, whatever the method: one wrapper instead of a
 * counter call in each of them.
 */
export function countingStoreErrors<T extends object>(store: T, count: (operation: string) => void): T {
  // One wrapper per method, made on first use: every answer goes through here.
  const wrappers = new Map<PropertyKey, { of: unknown; wrapper: (...args: unknown[]) => unknown }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const kept = wrappers.get(property);
      if (kept?.of === value) return kept.wrapper;
      const wrapper = (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            if (isStoreUnavailable(error)) count(String(property));
            throw error;
          });
        }
        return result;
      };
      wrappers.set(property, { of: value, wrapper });
      return wrapper;
    },
  });
}

/**
 * The stores the configuration asks for. On Redis, start-up fails at once when the server is not
 * reachable, rather than the first user finding out.
 */
export async function openStores(config: StoreConfig, log: Logger): Promise<Stores> {
  if (config.kind === 'memory') {
    return {
      quiz: new MemoryQuizStore(),
      subscriptions: new MemorySubscriptionStore(),
      seen: new MemorySeenRequests(),
      dashboard: new MemoryDashboardStore(),
      redis: null,
    };
  }
  const redis = createRedisClients({
    ...(config.kind === 'redis'
      ? { url: config.url }
      : { clusterNodes: config.nodes.map((n) => `${n.host}:${n.port}`).join(',') }),
    logger: { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m) },
  });
  try {
    await redis.connect();
  } catch (error) {
    await redis.quit().catch(() => {});
    const where =
      config.kind === 'redis'
        ? withoutPassword(config.url)
        : config.nodes.map((n) => `${n.host}:${n.port}`).join(',');
    throw new Error(
      `cannot reach Redis at ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    quiz: new RedisQuizStore(redis.interactive, { prefix: config.keyPrefix }),
    // The scheduler may wait through a short outage; it is not answering anyone.
    subscriptions: new RedisSubscriptionStore(redis.background, { prefix: config.keyPrefix }),
    // On the interactive client: it is on the path of every command and click, so it fails fast.
    seen: new RedisSeenRequests(redis.interactive, { prefix: config.keyPrefix }),
    // Interactive: a page or a sign-in fails fast with "try again" rather than hang.
    dashboard: new RedisDashboardStore(redis.interactive, { prefix: config.keyPrefix }),
    redis,
  };
}

/** A Redis URL safe to print: the password, if any, is masked. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured REDIS_URL';
  }
}
