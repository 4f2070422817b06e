import type { ChannelRef } from '../model/model.js';

/** A channel's daily-question subscription. */
export interface Subscription {
  channel: ChannelRef;
  /** Five cron fields, evaluated in `timeZone`. */
  cron: string;
  timeZone: string;
  /** Exam-domain filter. */
  domain?: string;
  /** Round length; by default a round lasts until the next slot, at most 24 hours. */
  roundMinutes?: number;
  /** Last week's top players and teams on the first slot of each week. */
  digest: boolean;
  /** Daily rounds include trivia and off-blueprint questions (`/quiz schedule extras on`); absent: off. */
  extras?: boolean;
  /** Set when posting can't work (channel gone, bot removed); a paused subscription posts nothing. */
  pausedReason?: string;
  /**
   * When the schedule was set or last changed (epoch ms): only slots at or after it are posted, so a
   * new schedule never posts "late" for a slot that passed before it existed. Absent on subscriptions
   * saved before this field existed (any slot counts).
   */
  since?: number;
}

/**
 * Subscriptions, an index of them by next post time, and the per-slot markers that make each slot post
 * once, whatever the number of replicas.
 */
export interface SubscriptionStore {
  getSubscription(channel: ChannelRef): Promise<Subscription | null>;
  /**
   * Saves the subscription. `nextPostAt` (epoch ms) also moves it in the post-time index: `null` keeps it out
   * of the due part (paused); `undefined` makes it due at once, and the next tick works out its real
   * next post time (a subscription resumed or changed elsewhere, by an older version or by a tool).
   */
  saveSubscription(subscription: Subscription, nextPostAt?: number | null): Promise<void>;
  /** Returns whether there was one; it leaves the index too. */
  deleteSubscription(channel: ChannelRef): Promise<boolean>;
  /** Every subscription (admin tools, tests); the scheduler never lists them all. */
  listSubscriptions(): Promise<Subscription[]>;
  /**
   * Subscriptions whose next post time is at or before `now`, earliest first, skipping the first
   * `offset`, at most `limit`. Costs one index read plus one read per subscription returned, so a tick
   * with nothing due reads no subscription. Index entries without a subscription are dropped.
   */
  dueSubscriptions(now: number, limit: number, offset?: number): Promise<Subscription[]>;
  /**
   * Moves a channel that is in the post-time index (`null`: out of the due part). Never adds one: a tick racing
   * with `/quiz schedule off` or a pause must not bring the channel back. `onlyLater`: only if `at` is
   * later than the time it has now (never pulls a channel back that another replica moved on).
   */
  setNextPost(channel: ChannelRef, at: number | null, options?: { onlyLater?: boolean }): Promise<void>;
  /** Atomic set-if-absent of the (channel, slot) marker: true for exactly one caller until `ttlMs` passes. */
  claimSlot(channel: ChannelRef, slot: number, ttlMs: number): Promise<boolean>;
  /** Gives a claimed slot back after a failed post, so a later tick can retry it. */
  releaseSlot(channel: ChannelRef, slot: number): Promise<void>;
}
