import { parseArgs } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { readItemStatsData } from '../adapters/redis/redis-item-stats.js';
import { type ItemStatsRow, itemFlags, itemStatistics } from '../core/learning/item-statistics.js';

/**
 * `npm run questions:stats [-- --json]`: classical item analysis of every question version answered in
 * any workspace or guild of the deployment at `REDIS_URL` or `REDIS_CLUSTER_NODES` (key prefix `REDIS_KEY_PREFIX`,
 * default `pq`).
 * The table flags p < 0.2 (too hard, or a wrong key), p > 0.95 (too easy) and discrimination < 0.1
 * (negative: check the key). `--json` prints the rows.
 */
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

const FLAG_TEXT = {
  'too-hard': 'p < 0.2: too hard or wrong key',
  'too-easy': 'p > 0.95: too easy',
  'weak-discrimination': 'discrimination < 0.1',
  'check-key': 'negative discrimination: check the key',
} as const;

function printTable(rows: ItemStatsRow[], scopes: number): void {
  const fixed = (v: number | null): string => (v === null ? '-' : v.toFixed(2));
  console.log(`Question versions: ${rows.length}   Workspaces/guilds: ${scopes}`);
  console.log(
    `${'id'.padEnd(34)}${'version'.padEnd(12)}${'n'.padStart(6)}${'p'.padStart(7)}${'disc'.padStart(7)}${'rep'.padStart(5)}  options / flags`,
  );
  for (const row of rows) {
    const options = Object.entries(row.options)
      .sort()
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
    const flags = itemFlags(row).map((f) => FLAG_TEXT[f]);
    console.log(
      `${row.id.padEnd(34)}${row.version.padEnd(12)}${String(row.answered).padStart(6)}${fixed(row.p).padStart(7)}${fixed(row.discrimination).padStart(7)}${String(row.reports).padStart(5)}  ${options}${flags.length > 0 ? `  ⚠ ${flags.join('; ')}` : ''}`,
    );
  }
}

/** REDIS_CLUSTER_NODES (`host:port,...`) first, as the bot reads it; else REDIS_URL. */
function connectFromEnv(): Redis | Cluster | null {
  const nodes = process.env.REDIS_CLUSTER_NODES?.trim();
  if (nodes) {
    const startup = nodes.split(',').map((n) => {
      const [host = '', port = ''] = n.trim().split(':');
      return { host, port: Number(port) };
    });
    return new Cluster(startup, { lazyConnect: true, redisOptions: { maxRetriesPerRequest: 1 } });
  }
  const url = process.env.REDIS_URL;
  return url ? new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 }) : null;
}

const client = connectFromEnv();
if (!client) {
  console.error(
    'questions:stats reads the answers from Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379) or REDIS_CLUSTER_NODES.',
  );
  process.exitCode = 2;
} else {
  const prefix = process.env.REDIS_KEY_PREFIX || 'pq';
  try {
    await client.connect();
    const data = await readItemStatsData(client, prefix);
    const rows = itemStatistics(data.counters, data.responses, data.reports);
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else printTable(rows, data.scopes.length);
  } finally {
    client.disconnect();
  }
}
