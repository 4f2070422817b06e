import type { ChannelRef } from '../model.js';

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
  /** Set when posting can't work (channel gone, bot removed); a paused subscription posts nothing. */
  pausedReason?: string;
}

/** Subscriptions and the per-slot markers that make each slot post once, whatever the number of replicas. */
export interface SubscriptionStore {
  getSubscription(channel: ChannelRef): Promise<Subscription | null>;
  saveSubscription(subscription: Subscription): Promise<void>;
  /** Returns whether there was one. */
  deleteSubscription(channel: ChannelRef): Promise<boolean>;
  listSubscriptions(): Promise<Subscription[]>;
  /** Atomic set-if-absent of the (channel, slot) marker: true for exactly one caller until `ttlMs` passes. */
  claimSlot(channel: ChannelRef, slot: number, ttlMs: number): Promise<boolean>;
  /** Gives a claimed slot back after a failed post, so a later tick can retry it. */
  releaseSlot(channel: ChannelRef, slot: number): Promise<void>;
}
