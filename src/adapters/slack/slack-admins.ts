import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/ports/logger.js';
import { isAuthFailure, type SlackTokens } from './slack-tokens.js';

/** What the bot needs from a user's `users.info`. */
interface SlackUserFacts {
  admin: boolean;
  /** The IANA zone of the user's Slack profile (`tz`), when it has one. */
  timeZone: string | null;
}

/**
 * Who may run admin commands: workspace admins and owners (from `users.info`, cached), plus the ids in
 * QUIZ_ADMIN_USER_IDS. A failed lookup means "no": refusing is safer than granting. The same cached
 * lookup gives the user's time zone, in which their exam date is read.
 */
export class SlackAdmins {
  /** Bounded in size and age: with many workspaces the set of users asking grows without end. */
  private readonly cache: LRUCache<string, SlackUserFacts>;

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
    return (await this.facts(userId, teamId))?.admin ?? false;
  }

  /** The user's profile time zone; null when Slack does not say (or the lookup failed). */
  async timeZoneOf(userId: string, teamId = ''): Promise<string | null> {
    return (await this.facts(userId, teamId))?.timeZone ?? null;
  }

  private async facts(userId: string, teamId: string): Promise<SlackUserFacts | null> {
    const key = `${teamId}|${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    try {
      const token = this.tokens ? await this.tokens.tokenFor(teamId) : undefined;
      if (token === null) return null;
      const result = await this.client.users.info({ user: userId, ...(token ? { token } : {}) });
      const user = result.user;
      const facts = {
        admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        timeZone: typeof user?.tz === 'string' && user.tz ? user.tz : null,
      };
      this.cache.set(key, facts);
      return facts;
    } catch (error) {
      if (this.tokens && isAuthFailure(error)) this.tokens.refused(teamId);
      this.log.warn(
        { err: error, userId },
        'users.info failed; treating as not an admin, in the bot time zone',
      );
      return null;
    }
  }
}
