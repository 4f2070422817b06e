import type { ChannelRef } from '../../core/model.js';
import type { Subscription, SubscriptionStore } from '../../core/ports/subscription-store.js';

/** Subscriptions in process memory (console mode, tests). Same semantics as the Redis store. */
export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly subs = new Map<string, Subscription>();
  private readonly slots = new Map<string, number>();

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
    const k = `${key(channel)}|${slot}`;
    const expires = this.slots.get(k);
    if (expires !== undefined && expires > this.now()) return false;
    this.slots.set(k, this.now() + ttlMs);
    return true;
  }

  async releaseSlot(channel: ChannelRef, slot: number): Promise<void> {
    this.slots.delete(`${key(channel)}|${slot}`);
  }
}

function key(channel: ChannelRef): string {
  return `${channel.scope}|${channel.channelId}`;
}
