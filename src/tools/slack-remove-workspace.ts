import { createRedisClients } from '../adapters/redis/redis-client.js';
import { removeScopeData } from '../adapters/redis/remove-scope-data.js';
import { loadConfig } from '../app/config.js';

const USAGE = `Usage: npm run slack:remove-workspace -- <team id, e.g. T0123ABCD> [--dry-run]

Deletes everything the bot keeps about one Slack workspace in Redis (REDIS_URL or REDIS_CLUSTER_NODES,
REDIS_KEY_PREFIX): its installation and bot token, subscriptions, rounds, answers, boards, teams, player
stats and language choices. Uninstall the app from the workspace first, or its next request finds no
installation and is ignored. --dry-run only counts.
`;

/** `npm run slack:remove-workspace -- T0123 [--dry-run]`: removes one workspace's data from Redis. */
async function main(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const teams = args.filter((a) => a !== '--dry-run');
  const [teamId] = teams;
  if (teams.length !== 1 || !teamId || !/^[TE][A-Z0-9]{1,20}$/.test(teamId)) {
    process.stderr.write(USAGE);
    return 2;
  }
  // Only the store matters here: a tool run next to the bot must not fail on its platform variables.
  const loaded = loadConfig({
    REDIS_URL: process.env.REDIS_URL,
    REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX,
  });
  if (!loaded.ok || loaded.config.store.kind === 'memory') {
    const problems = loaded.ok ? ['REDIS_URL: required (or REDIS_CLUSTER_NODES)'] : loaded.problems;
    process.stderr.write(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const store = loaded.config.store;
  const redis = createRedisClients({
    ...(store.kind === 'redis'
      ? { url: store.url }
      : { clusterNodes: store.nodes.map((n) => `${n.host}:${n.port}`).join(',') }),
    logger: { info: () => {}, warn: () => {} },
  });
  await redis.connect();
  try {
    const removed = await removeScopeData(redis.background, `slack:${teamId}`, {
      prefix: store.keyPrefix,
      dryRun,
    });
    process.stdout.write(
      `${dryRun ? 'Would remove' : 'Removed'} ${removed.keys} keys and ${removed.indexEntries} index entries of Slack workspace ${teamId}.\n`,
    );
    return 0;
  } finally {
    await redis.quit();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `slack:remove-workspace failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
