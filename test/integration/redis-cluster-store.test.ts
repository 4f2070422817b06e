import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClients, type RedisClients } from '../../src/adapters/redis/redis-client.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../../src/adapters/redis/redis-subscription-store.js';
import { periodBuckets } from '../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import { deleteByPrefix, startRedisClusterTarget, uniquePrefix } from '../support/redis-server.js';
import { describeQuizStoreContract } from '../support/store-contract/index.js';
import { describeSubscriptionStoreContract } from '../support/subscription-contract.js';

const target = await startRedisClusterTarget();

describe.skipIf(!target)('RedisQuizStore on a 3-master Redis Cluster', () => {
  let clients: RedisClients;

  beforeAll(async () => {
    if (!target) return;
    // A real (silent) pino logger: the factory must accept what main.ts will pass it.
    clients = createRedisClients({ clusterNodes: target.nodesText, logger: pino({ level: 'silent' }) });
    await clients.connect();
  });

  afterAll(async () => {
    await clients?.quit();
    await target?.close();
  });

  describeQuizStoreContract('RedisQuizStore (Cluster)', async () => {
    const prefix = uniquePrefix();
    return {
      store: new RedisQuizStore(clients.interactive, { prefix }),
      cleanup: () => deleteByPrefix(clients.interactive, prefix),
    };
  });

  describeSubscriptionStoreContract('RedisSubscriptionStore (Cluster)', async () => {
    return new RedisSubscriptionStore(clients.background, { prefix: uniquePrefix() });
  });

  it('keeps every key of a scope on one node, and spreads scopes over the nodes', async () => {
    const prefix = uniquePrefix();
    const store = new RedisQuizStore(clients.interactive, { prefix });
    const scopes = Array.from({ length: 12 }, () => `slack:T-${randomUUID()}`);
    const now = Date.UTC(2030, 0, 7, 1);
    for (const scope of scopes) {
      const round = await store.createRound({
        id: `r-${randomUUID()}`,
        scope,
        channelId: 'C1',
        questionId: 'q1',
        answerKey: 'B',
        choiceKeys: ['A', 'B'],
        domain: 'd1',
        kind: 'daily',
        openedAt: now - 1000,
        closesAt: now + 1000,
      });
      await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
      await store.recordAnswer({
        scope,
        roundId: round.id,
        player: { id: 'U1', displayName: 'one' },
        choice: 'B',
        now,
        pointsByStreak: POINTS_BY_STREAK,
        periods: periodBuckets(now, 'Asia/Tokyo'),
      });
    }
    const cluster = clients.interactive;
    if (!(cluster instanceof Cluster)) throw new Error('expected a Cluster client');
    const nodesOfScope = new Map<string, Set<number>>();
    for (const [index, node] of cluster.nodes('master').entries()) {
      const keys = await node.keys(`${prefix}:{*`);
      for (const key of keys) {
        const scope = key.slice(key.indexOf('{') + 1, key.indexOf('}'));
        nodesOfScope.set(scope, (nodesOfScope.get(scope) ?? new Set()).add(index));
      }
    }
    expect([...nodesOfScope.keys()].sort()).toEqual([...scopes].sort());
    for (const nodes of nodesOfScope.values()) expect(nodes.size).toBe(1);
    expect(new Set([...nodesOfScope.values()].flatMap((n) => [...n])).size).toBeGreaterThan(1);
    await deleteByPrefix(cluster, prefix);
  });
});
