import type { Cluster, Redis } from 'ioredis';
import type { ChannelRef } from '../../core/model.js';
import type { Subscription, SubscriptionStore } from '../../core/ports/subscription-store.js';
import { toStoreError } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';

/**
 * Channel subscriptions and per-slot markers on Redis.
 *
 * - `<prefix>:{<scope>}:sub:<channelId>`  STRING  the subscription as JSON; no TTL; written by /quiz schedule.
 * - `<prefix>:subs`                       SET     `<scope>|<channelId>` of every subscription (cross-scope,
 *                                                  single-key commands only); written with the above.
 * - `<prefix>:{<scope>}:slot:<channelId>:<slotMs>`  STRING  SET NX marker of a posted (or skipped) slot;
 *                                                  TTL 3 days; written by the scheduler tick on any replica.
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly client: Redis | Cluster,
    options: { prefix?: string } = {},
  ) {
    this.keys = new RedisKeys(options.prefix);
  }

  async getSubscription(channel: ChannelRef): Promise<Subscription | null> {
    return this.guard('getSubscription', async () => parse(await this.client.get(this.subKey(channel))));
  }

  async saveSubscription(subscription: Subscription): Promise<void> {
    await this.guard('saveSubscription', async () => {
      // The subscription first: an index entry without one is skipped by listSubscriptions.
      await this.client.set(this.subKey(subscription.channel), JSON.stringify(subscription));
      await this.client.sadd(this.indexKey(), member(subscription.channel));
    });
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    return this.guard('deleteSubscription', async () => {
      const removed = await this.client.del(this.subKey(channel));
      await this.client.srem(this.indexKey(), member(channel));
      return removed > 0;
    });
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return this.guard('listSubscriptions', async () => {
      const members = await this.client.smembers(this.indexKey());
      const channels = members.map(fromMember).filter((c): c is ChannelRef => c !== null);
      // One GET each: their keys live in different cluster slots, so no MGET.
      const subs = await Promise.all(channels.map(async (c) => parse(await this.client.get(this.subKey(c)))));
      return subs.filter((s): s is Subscription => s !== null);
    });
  }

  async claimSlot(channel: ChannelRef, slot: number, ttlMs: number): Promise<boolean> {
    return this.guard('claimSlot', async () => {
      const result = await this.client.set(this.slotKey(channel, slot), '1', 'PX', ttlMs, 'NX');
      return result === 'OK';
    });
  }

  async releaseSlot(channel: ChannelRef, slot: number): Promise<void> {
    await this.guard('releaseSlot', async () => {
      await this.client.del(this.slotKey(channel, slot));
    });
  }

  private subKey(channel: ChannelRef): string {
    return `${this.keys.scope(channel.scope)}sub:${channel.channelId}`;
  }

  private slotKey(channel: ChannelRef, slot: number): string {
    return `${this.keys.scope(channel.scope)}slot:${channel.channelId}:${slot}`;
  }

  private indexKey(): string {
    return `${this.keys.prefix}:subs`;
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}

function member(channel: ChannelRef): string {
  return `${channel.scope}|${channel.channelId}`;
}

function fromMember(value: string): ChannelRef | null {
  const bar = value.lastIndexOf('|');
  return bar > 0 ? { scope: value.slice(0, bar), channelId: value.slice(bar + 1) } : null;
}

function parse(json: string | null): Subscription | null {
  return json ? (JSON.parse(json) as Subscription) : null;
}
