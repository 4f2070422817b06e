import { Cluster, type Redis } from 'ioredis';
import type { ScopedResponse } from '../../core/learning/item-statistics.js';
import type { ItemCounters } from '../../core/ports/learning-store.js';
import { itemCountersFromHash, itemResponsesFromHash } from './redis-learning.js';

export interface ItemStatsData {
  scopes: string[];
  counters: ItemCounters[];
  responses: ScopedResponse[];
  /** Open reports per question id, over all scopes. */
  reports: Map<string, number>;
}

/** The scope of a key `<prefix>:{<scope>}:...`. */
function scopeOfKey(key: string): string | null {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open);
  return open >= 0 && close > open ? key.slice(open + 1, close) : null;
}

/**
 * Everything item statistics need, over all scopes of a deployment (`npm run questions:stats`): the
 * answer script counts per scope (one cluster slot), so the figures are summed here. SCAN, not KEYS,
 * so a large server is not blocked.
 */
export async function readItemStatsData(client: Redis | Cluster, prefix: string): Promise<ItemStatsData> {
  const scopes = new Set<string>();
  // In a cluster each scope lives on one master: scan them all.
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  for (const node of nodes) {
    for (const pattern of [`${prefix}:{*}:items`, `${prefix}:{*}:reported`]) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const scope = scopeOfKey(key);
          if (scope) scopes.add(scope);
        }
      } while (cursor !== '0');
    }
  }
  const data: ItemStatsData = { scopes: [...scopes].sort(), counters: [], responses: [], reports: new Map() };
  for (const scope of data.scopes) {
    const base = `${prefix}:{${scope}}:`;
    const [items, reported] = await Promise.all([
      client.hgetall(`${base}items`),
      client.smembers(`${base}reported`),
    ]);
    data.counters.push(...itemCountersFromHash(items));
    data.responses.push(...itemResponsesFromHash(items).map((r) => ({ ...r, scope })));
    for (const questionId of reported) {
      const open = await client.hlen(`${base}reports:${questionId}`);
      data.reports.set(questionId, (data.reports.get(questionId) ?? 0) + open);
    }
  }
  return data;
}
