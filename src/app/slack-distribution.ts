import { RedisSlackInstallations } from '../adapters/redis/redis-slack-installations.js';
import type { SlackBotDeps } from '../adapters/slack/register-slack.js';
import type { Logger } from '../core/ports/logger.js';
import { WorkspacePauses } from '../core/schedule/workspace-pauses.js';
import type { StoreConfig } from './config.js';
import type { Stores } from './stores.js';

/**
 * The wiring of multi-workspace Slack: installations and OAuth states on the interactive Redis client
 * (Bolt reads an installation for every request, so it must fail fast like the answer path), and the
 * subscriptions paused on uninstall and resumed on install.
 */
export function slackDistribution(
  store: StoreConfig,
  stores: Stores,
  log: Logger,
): Pick<SlackBotDeps, 'installationRecords' | 'workspaces'> {
  if (!stores.redis || store.kind === 'memory') {
    throw new Error('multi-workspace Slack needs Redis (REDIS_URL or REDIS_CLUSTER_NODES)');
  }
  const pauses = new WorkspacePauses(stores.subscriptions);
  return {
    installationRecords: new RedisSlackInstallations(stores.redis.interactive, {
      prefix: store.keyPrefix,
    }),
    workspaces: {
      async installed(scope) {
        const resumed = await pauses.resume(scope);
        if (resumed > 0) log.info({ scope, resumed }, 'subscriptions resumed after install');
      },
      async uninstalled(scope) {
        const paused = await pauses.pause(scope);
        // Nobody of an uninstalled workspace keeps a dashboard session (nor an unspent sign-in link).
        const sessions = await stores.dashboard.deleteScope(scope);
        log.info(
          { scope, paused, sessions },
          'subscriptions paused and dashboard sessions deleted after uninstall',
        );
      },
    },
  };
}
