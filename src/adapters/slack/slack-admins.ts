import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/ports/logger.js';
import { isAuthFailure, type SlackTokens } from './slack-tokens.js';

/**
 * Who may run admin commands: workspace admins and owners (from `users.info`, cached), plus the ids in
 * QUIZ_ADMIN_USER_IDS. A failed lookup means "no": refusing is safer than granting.
 */
export class SlackAdmins {
  /** Bounded in size and age: with many workspaces the set of users asking grows without end. */
  private readonly cache: LRUCache<string, { admin: boolean }>;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly adminUserIds: readonly string[],
    private readonly log: Logger,
    ttlMs = 10 * 60_000,
    /** Multi-workspace mode: ask with the token of the user's workspace. */
    private readonly tokens?: SlackTokens,
    maxEntries = 10_000,
  ) {
    this.cache = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  async isAdmin(userId: string, teamId = ''): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    const key = `${teamId}|${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit.admin;
    try {
      const token = this.tokens ? await this.tokens.tokenFor(teamId) : undefined;
      if (token === null) return false;
      const result = await this.client.users.info({ user: userId, ...(token ? { token } : {}) });
      const admin = Boolean(result.user?.is_admin || result.user?.is_owner || result.user?.is_primary_owner);
      this.cache.set(key, { admin });
      return admin;
    } catch (error) {
      if (this.tokens && isAuthFailure(error)) this.tokens.refused(teamId);
      this.log.warn({ err: error, userId }, 'users.info failed; treating as not an admin');
      return false;
    }
  }
}
