import { Cluster, type Redis } from 'ioredis';
import { RedisKeys } from './redis-keys.js';

export interface RemovedScopeData {
  /** Keys deleted: everything under `<prefix>:{<scope>}:`. */
  keys: number;
  /** Entries of the cross-scope indexes that named the scope (due rounds, exams and mock days, subscriptions and their post-time index, installations). */
  indexEntries: number;
}

/**
 * Deletes every key of one scope (a Slack workspace, a Discord guild) and its entries in the cross-scope
 * indexes: what an operator runs when a workspace asks for its data to be removed. The scope's keys all
 * share one hash tag, so in a cluster they sit on one node; every master is scanned anyway, which is
 * cheap and needs no slot math. `dryRun` only counts.
 */
export async function removeScopeData(
  client: Redis | Cluster,
  scope: string,
  options: { prefix?: string; dryRun?: boolean } = {},
): Promise<RemovedScopeData> {
  const keys = new RedisKeys(options.prefix);
  const scopePattern = `${escapeGlob(keys.scope(scope))}*`;
  let removedKeys = 0;
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', scopePattern, 'COUNT', 1000);
      cursor = next;
      removedKeys += found.length;
      if (!options.dryRun && found.length > 0) await node.unlink(...found);
    } while (cursor !== '0');
  }

  // Index members are `<scope>|<id>` (due rounds and exams, subscriptions) or the bare team id (installations).
  const member = `${escapeGlob(scope)}|*`;
  let indexEntries = 0;
  for (const [key, pattern] of [
    [keys.due(), member],
    [keys.examsDue(), member],
    [keys.mockDaysDue(), member],
    [`${keys.prefix}:subs`, member],
    [`${keys.prefix}:schedule`, member],
    ...(scope.startsWith('slack:')
      ? [[`${keys.prefix}:slack:installs`, escapeGlob(scope.slice('slack:'.length))] as const]
      : []),
  ] as const) {
    indexEntries += await removeMembers(client, key, pattern, options.dryRun ?? false);
  }
  return { keys: removedKeys, indexEntries };
}

/** Removes the members of a set or sorted set matching a glob; returns how many matched. */
async function removeMembers(client: Redis | Cluster, key: string, pattern: string, dryRun: boolean) {
  const type = await client.type(key);
  if (type !== 'set' && type !== 'zset') return 0;
  const matched: string[] = [];
  let cursor = '0';
  do {
    const [next, page] =
      type === 'set'
        ? await client.sscan(key, cursor, 'MATCH', pattern, 'COUNT', 1000)
        : await client.zscan(key, cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    // ZSCAN pages alternate member and score.
    matched.push(...(type === 'set' ? page : page.filter((_, i) => i % 2 === 0)));
  } while (cursor !== '0');
  const unique = [...new Set(matched)];
  if (!dryRun && unique.length > 0) {
    if (type === 'set') await client.srem(key, ...unique);
    else await client.zrem(key, ...unique);
  }
  return unique.length;
}

/** Redis glob specials (`*?[]\`) taken literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
