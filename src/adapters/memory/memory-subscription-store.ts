import type { ChannelRef } from '../../core/model.js';
import type { Subscription, SubscriptionStore } from '../../core/ports/subscription-store.js';

/** Subscriptions in process memory (console mode, tests). Same semantics as the Redis store. */
export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly subs = new Map<string, Subscription>();
  private readonly slots = new Map<string, number>();
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  async getSubscription(channel: ChannelRef): Promise<Subscription | null> {
    const sub = this.subs.get(key(channel));
    return sub ? structuredClone(sub) : null;
  }

  async saveSubscription(subscription: Subscription): Promise<void> {
    this.subs.set(key(subscription.channel), structuredClone(subscription));
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    return this.subs.delete(key(channel));
  }

  async listSubscriptions(): Promise<Subscription[]> {
    return [...this.subs.values()].map((s) => structuredClone(s));
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
