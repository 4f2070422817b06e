import type { ScopeId } from '../model/model.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';

/** The pause reason of every subscription of a workspace the app was removed from. */
export const UNINSTALLED_REASON = 'the app was removed from this workspace';

/** Pause reasons that a new installation cures (the old token is gone, the new one works). */
const CURED_BY_INSTALL = [
  UNINSTALLED_REASON,
  'token_revoked',
  'invalid_auth',
  'account_inactive',
  'not installed',
];

/**
 * Pauses and resumes all subscriptions of one workspace when the app is uninstalled and installed
 * again. Rare events, so a scan of the subscription list is fine. Resuming touches only pauses an
 * install cures: a channel paused for `not_in_channel` stays paused until someone invites the bot.
 */
export class WorkspacePauses {
  constructor(private readonly subscriptions: SubscriptionStore) {}

  /** Returns how many subscriptions were paused. */
  async pause(scope: ScopeId, reason = UNINSTALLED_REASON): Promise<number> {
    const subs = (await this.subscriptions.listSubscriptions()).filter(
      (s) => s.channel.scope === scope && !s.pausedReason,
    );
    for (const sub of subs) await this.subscriptions.saveSubscription({ ...sub, pausedReason: reason });
    return subs.length;
  }

  /** Returns how many subscriptions were resumed. */
  async resume(scope: ScopeId): Promise<number> {
    const subs = (await this.subscriptions.listSubscriptions()).filter(
      (s) =>
        s.channel.scope === scope &&
        s.pausedReason !== undefined &&
        CURED_BY_INSTALL.some((reason) => s.pausedReason?.includes(reason)),
    );
    for (const { pausedReason: _cured, ...sub } of subs) await this.subscriptions.saveSubscription(sub);
    return subs.length;
  }
}
