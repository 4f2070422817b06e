import { type Client, PermissionFlagsBits } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/ports/logger.js';

/**
 * The chat's admin rule (`isAdmin` in interaction-context.ts: Manage Server, or QUIZ_ADMIN_USER_IDS) for a
 * request that comes with no interaction (the web dashboard): the member is fetched over REST and kept
 * for a minute, so a demoted admin loses admin pages within a minute and a page costs no call each time.
 * A failed lookup means "no".
 */
export class DiscordAdmins {
  private readonly cache: LRUCache<string, { admin: boolean }>;

  constructor(
    private readonly client: Client,
    private readonly adminUserIds: readonly string[],
    private readonly log: Logger,
    ttlMs = 60_000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: ttlMs });
  }

  async isAdmin(guildId: string, userId: string): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    const key = `${guildId}|${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit.admin;
    try {
      const guild = await this.client.guilds.fetch(guildId);
      const member = await guild.members.fetch(userId);
      const admin = member.permissions.has(PermissionFlagsBits.ManageGuild);
      this.cache.set(key, { admin });
      return admin;
    } catch (error) {
      this.log.warn({ err: error, guildId, userId }, 'member lookup failed; treating as not an admin');
      return false;
    }
  }
}
