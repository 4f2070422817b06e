import type { Cluster, Redis } from 'ioredis';
import type { ChannelRef } from '../../core/model/model.js';
import type { Subscription, SubscriptionStore } from '../../core/ports/subscription-store.js';
import { toStoreError } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';

/**
 * Channel subscriptions, their post-time index and per-slot markers on Redis.
 *
 * - `<prefix>:{<scope>}:sub:<channelId>`  STRING  the subscription as JSON; no TTL; written by /quiz schedule.
 * - `<prefix>:subs`                       SET     `<scope>|<channelId>` of every subscription; written with
 *                                                  the above (listSubscriptions, and the index's rebuild).
 * - `<prefix>:schedule`                   ZSET    `<scope>|<channelId>` scored by the next post time (ms),
 *                                                  `+inf` while paused. The tick reads only the due part
 *                                                  (ZRANGEBYSCORE), so its cost follows what is due.
 * - `<prefix>:{<scope>}:slot:<channelId>:<slotMs>`  STRING  SET NX marker of a posted (or skipped) slot;
 *                                                  TTL 3 days; written by the scheduler tick on any replica.
 *
 * The two cross-scope keys are only ever used by single-key commands (Redis Cluster: they live in one
 * slot, each subscription in its scope's slot), so nothing here needs a script across slots.
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  private readonly keys: RedisKeys;
  /** Subscriptions saved before the index existed are added to it once per process (see dueSubscriptions). */
  private indexChecked = false;

  constructor(
    private readonly client: Redis | Cluster,
    options: { prefix?: string } = {},
  ) {
    this.keys = new RedisKeys(options.prefix);
  }

  async getSubscription(channel: ChannelRef): Promise<Subscription | null> {
    return this.guard('getSubscription', async () => parse(await this.client.get(this.subKey(channel))));
  }

  async saveSubscription(subscription: Subscription, nextPostAt?: number | null): Promise<void> {
    await this.guard('saveSubscription', async () => {
      const m = member(subscription.channel);
      // The subscription first: an index entry without one is dropped by dueSubscriptions.
      await this.client.set(this.subKey(subscription.channel), JSON.stringify(subscription));
      await this.client.sadd(this.listKey(), m);
      // No time given: due at once; the next tick works out the real one (or takes it out if paused).
      await this.client.zadd(this.indexKey(), nextPostAt === undefined ? 0 : score(nextPostAt), m);
    });
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    return this.guard('deleteSubscription', async () => {
      const removed = await this.client.del(this.subKey(channel));
      await this.client.srem(this.listKey(), member(channel));
      await this.client.zrem(this.indexKey(), member(channel));
      return removed > 0;
    });
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return this.guard('listSubscriptions', async () => {
      const members = await this.client.smembers(this.listKey());
      const subs = await this.readAll(members);
      return subs.filter((s): s is Subscription => s !== null);
    });
  }

  async dueSubscriptions(now: number, limit: number, offset = 0): Promise<Subscription[]> {
    return this.guard('dueSubscriptions', async () => {
      if (!this.indexChecked) await this.indexUnindexed();
      const members = await this.client.zrangebyscore(this.indexKey(), '-inf', now, 'LIMIT', offset, limit);
      if (members.length === 0) return [];
      const subs = await this.readAll(members);
      const orphans = members.filter((_, i) => subs[i] === null);
      if (orphans.length > 0) await this.client.zrem(this.indexKey(), ...orphans);
      return subs.filter((s): s is Subscription => s !== null);
    });
  }

  async setNextPost(
    channel: ChannelRef,
    at: number | null,
    options: { onlyLater?: boolean } = {},
  ): Promise<void> {
    await this.guard('setNextPost', async () => {
      if (options.onlyLater) await this.client.zadd(this.indexKey(), 'XX', 'GT', score(at), member(channel));
      else await this.client.zadd(this.indexKey(), 'XX', score(at), member(channel));
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

  /**
   * Subscriptions saved by a version without the index are listed in the set only. When the index has
   * fewer entries than the set, each missing channel is added as due now (ZADD NX): its first tick works
   * out its real next post time (`+inf` if paused), and a slot it already posted is still protected by
   * its marker. Two cheap calls once per process when nothing is missing.
   */
  private async indexUnindexed(): Promise<void> {
    const [listed, indexed] = await Promise.all([
      this.client.scard(this.listKey()),
      this.client.zcard(this.indexKey()),
    ]);
    if (listed > indexed) {
      const members = await this.client.smembers(this.listKey());
      for (let i = 0; i < members.length; i += 1000) {
        await this.client.zadd(this.indexKey(), 'NX', ...members.slice(i, i + 1000).flatMap((m) => [0, m]));
      }
    }
    this.indexChecked = true;
  }

  /** One GET each: the keys live in different cluster slots, so no MGET. */
  private async readAll(members: string[]): Promise<(Subscription | null)[]> {
    return Promise.all(
      members.map(async (m) => {
        const channel = fromMember(m);
        return channel ? parse(await this.client.get(this.subKey(channel))) : null;
      }),
    );
  }

  private subKey(channel: ChannelRef): string {
    return `${this.keys.scope(channel.scope)}sub:${channel.channelId}`;
  }

  private slotKey(channel: ChannelRef, slot: number): string {
    return `${this.keys.scope(channel.scope)}slot:${channel.channelId}:${slot}`;
  }

  private listKey(): string {
    return `${this.keys.prefix}:subs`;
  }

  private indexKey(): string {
    return `${this.keys.prefix}:schedule`;
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

/** Not scheduled (paused, or a schedule with no future slot) sorts after every time. */
function score(at: number | null): number | string {
  return at === null ? '+inf' : at;
}

function parse(json: string | null): Subscription | null {
  return json ? (JSON.parse(json) as Subscription) : null;
}
