import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { LRUCache } from 'lru-cache';

/** Where installations live: opaque JSON per team (RedisSlackInstallations in production). */
export interface InstallationRecords {
  get(teamId: string): Promise<string | null>;
  put(teamId: string, json: string): Promise<void>;
  /** Returns whether there was one. */
  delete(teamId: string): Promise<boolean>;
  count(): Promise<number>;
}

/** What a workspace's installation keeps: enough to call Slack as the bot, nothing of the installer's. */
export interface StoredInstallation {
  teamId: string;
  teamName?: string;
  appId?: string;
  botToken: string;
  botId: string;
  botUserId: string;
  scopes: string[];
  installedAt: number;
}

/** Thrown by fetchInstallation for a workspace without an installation (Bolt then ignores the request). */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/**
 * Bolt's InstallationStore over `InstallationRecords`, with a short in-process cache: a click costs no
 * Redis call for its token, and a replica that missed an uninstall stops using the token within
 * `ttlMs` (or at once when Slack answers token_revoked / invalid_auth / account_inactive: `forget`).
 * Only the bot token is kept; a user token, if Slack ever sends one, is dropped (the app asks for no
 * user scopes).
 */
export class SlackInstallations implements InstallationStore {
  private readonly cache: LRUCache<string, StoredInstallation>;

  constructor(
    private readonly records: InstallationRecords,
    options: { ttlMs?: number; max?: number; now?: () => number } = {},
  ) {
    this.cache = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 30_000 });
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  /** How many installations this process holds (tests of the size cap). */
  get cachedCount(): number {
    return this.cache.size;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const stored = toStored(installation, this.now());
    await this.records.put(stored.teamId, JSON.stringify(stored));
    this.cache.set(stored.teamId, stored);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v2', false>> {
    const stored = query.teamId ? await this.get(query.teamId) : null;
    if (!stored) throw new NotInstalledError(`no installation for team ${query.teamId ?? '(none)'}`);
    return {
      team: { id: stored.teamId, ...(stored.teamName ? { name: stored.teamName } : {}) },
      enterprise: undefined,
      user: { id: '', token: undefined, scopes: undefined },
      bot: { token: stored.botToken, id: stored.botId, userId: stored.botUserId, scopes: stored.scopes },
      ...(stored.appId ? { appId: stored.appId } : {}),
      tokenType: 'bot',
      isEnterpriseInstall: false,
      authVersion: 'v2',
    };
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) await this.remove(query.teamId);
  }

  /** The workspace's installation, from the cache when fresh; null when the app is not installed there. */
  async get(teamId: string): Promise<StoredInstallation | null> {
    const hit = this.cache.get(teamId);
    if (hit) return hit;
    const json = await this.records.get(teamId);
    if (!json) return null;
    const stored = JSON.parse(json) as StoredInstallation;
    this.cache.set(teamId, stored);
    return stored;
  }

  async botToken(teamId: string): Promise<string | null> {
    return (await this.get(teamId))?.botToken ?? null;
  }

  /** Drops the cached installation (Slack refused its token); the next use reads the store again. */
  forget(teamId: string): void {
    this.cache.delete(teamId);
  }

  /** Deletes the installation everywhere; returns whether there was one. */
  async remove(teamId: string): Promise<boolean> {
    this.cache.delete(teamId);
    return this.records.delete(teamId);
  }

  count(): Promise<number> {
    return this.records.count();
  }
}

function toStored(installation: Installation, now: number): StoredInstallation {
  const bot = installation.bot;
  const teamId = installation.team?.id;
  if (!bot || !teamId) throw new Error('installation without a bot token or a team');
  return {
    teamId,
    ...(installation.team?.name ? { teamName: installation.team.name } : {}),
    ...(installation.appId ? { appId: installation.appId } : {}),
    botToken: bot.token,
    botId: bot.id,
    botUserId: bot.userId,
    scopes: bot.scopes,
    installedAt: now,
  };
}
