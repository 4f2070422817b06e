import type { ChannelRef } from '../../core/model/model.js';
import type { Subscription, SubscriptionStore } from '../../core/ports/subscription-store.js';

/** Subscriptions in process memory (console mode, tests). Same semantics as the Redis store. */
export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly subs = new Map<string, Subscription>();
  /** Next post time per channel; `Infinity` while paused. */
  private readonly nextPosts = new Map<string, number>();
  private readonly slots = new Map<string, number>();
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  async getSubscription(channel: ChannelRef): Promise<Subscription | null> {
    const sub = this.subs.get(key(channel));
    return sub ? structuredClone(sub) : null;
  }

  async saveSubscription(subscription: Subscription, nextPostAt?: number | null): Promise<void> {
    const k = key(subscription.channel);
    this.subs.set(k, structuredClone(subscription));
    // No time given: due at once; the next tick works out the real one (or takes it out if paused).
    this.nextPosts.set(k, nextPostAt === undefined ? 0 : (nextPostAt ?? Number.POSITIVE_INFINITY));
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    this.nextPosts.delete(key(channel));
    return this.subs.delete(key(channel));
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return [...this.subs.values()].map((s) => structuredClone(s));
  }

  async dueSubscriptions(now: number, limit: number, offset = 0): Promise<Subscription[]> {
    const due = [...this.nextPosts.entries()]
      .filter(([, at]) => at <= now)
      .sort(([ka, a], [kb, b]) => a - b || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .slice(offset, offset + limit);
    const subs: Subscription[] = [];
    for (const [k] of due) {
      const sub = this.subs.get(k);
      if (sub) subs.push(structuredClone(sub));
      else this.nextPosts.delete(k);
    }
    return subs;
  }

  async setNextPost(
    channel: ChannelRef,
    at: number | null,
    options: { onlyLater?: boolean } = {},
  ): Promise<void> {
    const k = key(channel);
    const current = this.nextPosts.get(k);
    if (current === undefined) return;
    const next = at ?? Number.POSITIVE_INFINITY;
    if (!options.onlyLater || next > current) this.nextPosts.set(k, next);
  }

  async claimSlot(channel: ChannelRef, slot: number, ttlMs: number): Promise<boolean> {
    this.pruneSlots();
    const k = `${key(channel)}|${slot}`;
    const expires = this.slots.get(k);
    if (expires !== undefined && expires > this.now()) return false;
    this.slots.set(k, this.now() + ttlMs);
    return true;
  }

  async releaseSlot(channel: ChannelRef, slot: number): Promise<void> {
    this.slots.delete(`${key(channel)}|${slot}`);
  }

  /** How many slot claims are held (tests of the pruning). */
  get heldSlots(): number {
    return this.slots.size;
  }

  /** Expired claims are forgotten, as their Redis keys expire; swept at most once a minute. */
  private pruneSlots(): void {
    const now = this.now();
    if (now - this.lastPruneAt < 60_000) return;
    this.lastPruneAt = now;
    for (const [k, expires] of this.slots) if (expires <= now) this.slots.delete(k);
  }
}

function key(channel: ChannelRef): string {
  return `${channel.scope}|${channel.channelId}`;
}
