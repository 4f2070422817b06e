import type { App } from '@slack/bolt';
import type { Logger } from '../../../core/ports/logger.js';
import { isAuthFailure } from '../slack-tokens.js';
import type { SlackInstallations } from './slack-installations.js';

export interface InstallationEventDeps {
  installations: SlackInstallations;
  /** The workspace's installation is gone: pause its subscriptions. */
  onUninstalled(teamId: string): Promise<void>;
  log: Logger;
}

/**
 * Multi-workspace mode: `app_uninstalled`, and `tokens_revoked` naming our bot, delete the workspace's
 * installation (so no call uses its token again) and pause its subscriptions. Bolt delivers both events
 * without an installation lookup. Any listener that meets a dead token drops the cached installation.
 */
export function registerInstallationEvents(app: App, deps: InstallationEventDeps): void {
  const { installations, log } = deps;

  app.use(async ({ context, next }) => {
    try {
      await next();
    } catch (error) {
      if (context.teamId && isAuthFailure(error)) installations.forget(context.teamId);
      throw error;
    }
  });

  const removeWorkspace = async (teamId: string, why: string): Promise<void> => {
    const existed = await installations.remove(teamId);
    await deps.onUninstalled(teamId);
    log.info({ teamId, why, existed }, 'workspace uninstalled; its subscriptions are paused');
  };

  app.event('app_uninstalled', async ({ body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (teamId) await removeWorkspace(teamId, 'app_uninstalled');
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (!teamId) return;
    const installed = await installations.get(teamId);
    // A revoked user token leaves the bot working; only the bot's own token matters.
    if (installed && (event.tokens.bot ?? []).includes(installed.botUserId)) {
      await removeWorkspace(teamId, 'tokens_revoked');
    }
  });
}
