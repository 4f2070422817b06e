import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createRedisClients, type RedisClients } from '../../src/adapters/redis/redis-client.js';
import { deleteByPrefix, type RedisTarget, uniquePrefix } from './redis-server.js';

export interface RedisTestBed {
  /** A plain client for set-up and inspection; connected before the suite's tests run. */
  readonly admin: Redis;
  /** A fresh key prefix whose keys are deleted after the suite (never FLUSHALL: the server may be shared). */
  newPrefix(): string;
  /** A bot process's own connected clients, closed after the suite. */
  clients(): Promise<RedisClients>;
}

/**
 * The life cycle of a Redis-backed suite: an admin client, prefixes cleaned up at the end, bot clients
 * closed, and the server stopped. Call it inside `describe`.
 */
export function redisTestBed(target: RedisTarget | null): RedisTestBed {
  let admin: Redis | undefined;
  const opened: RedisClients[] = [];
  const prefixes: string[] = [];
  beforeAll(async () => {
    if (!target) return;
    admin = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
  });
  afterAll(async () => {
    if (admin) for (const prefix of prefixes) await deleteByPrefix(admin, prefix).catch(() => {});
    await Promise.all(opened.map((c) => c.quit()));
    admin?.disconnect();
    await target?.close();
  });
  return {
    get admin(): Redis {
      if (!admin) throw new Error('no redis-server for this suite');
      return admin;
    },
    newPrefix() {
      const prefix = uniquePrefix();
      prefixes.push(prefix);
      return prefix;
    },
    async clients() {
      if (!target) throw new Error('no redis-server for this suite');
      const clients = createRedisClients({ url: target.url, logger: { info() {}, warn() {} } });
      await clients.connect();
      opened.push(clients);
      return clients;
    },
  };
}
