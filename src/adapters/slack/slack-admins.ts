import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/ports/logger.js';

/**
 * Who may run admin commands: workspace admins and owners (from `users.info`, cached), plus the ids in
 * QUIZ_ADMIN_USER_IDS. A failed lookup means "no": refusing is safer than granting.
 */
export class SlackAdmins {
  /** Bounded in size and age: a workspace of 100,000 people keeps the most recent 10,000 answers. */
  private readonly cache: LRUCache<string, { admin: boolean }>;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly adminUserIds: readonly string[],
    private readonly log: Logger,
    ttlMs = 10 * 60_000,
    maxEntries = 10_000,
  ) {
    this.cache = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  async isAdmin(userId: string): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    const hit = this.cache.get(userId);
    if (hit) return hit.admin;
    try {
      const result = await this.client.users.info({ user: userId });
      const admin = Boolean(result.user?.is_admin || result.user?.is_owner || result.user?.is_primary_owner);
      this.cache.set(userId, { admin });
      return admin;
    } catch (error) {
      this.log.warn({ err: error, userId }, 'users.info failed; treating as not an admin');
      return false;
    }
  }
}
