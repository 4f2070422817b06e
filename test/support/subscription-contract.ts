import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/model/model.js';
import type { Subscription, SubscriptionStore } from '../../src/core/ports/subscription-store.js';

/** The contract every SubscriptionStore implementation passes (memory and Redis). */
export function describeSubscriptionStoreContract(
  name: string,
  makeStore: () => Promise<SubscriptionStore>,
): void {
  describe(`${name} (subscription store contract)`, () => {
    const channel = () => ({ scope: `slack:T-${randomUUID()}`, channelId: 'C1' });
    const aSubscription = (c: ChannelRef = channel()): Subscription => ({
      channel: c,
      cron: '0 9 * * 1-5',
      timeZone: 'Asia/Tokyo',
      digest: true,
    });

    it('saves, reads, lists and deletes subscriptions', async () => {
      const store = await makeStore();
      const sub = aSubscription();
      expect(await store.getSubscription(sub.channel)).toBeNull();
      await store.saveSubscription(sub);
      expect(await store.getSubscription(sub.channel)).toEqual(sub);
      await store.saveSubscription({
        ...sub,
        cron: '30 8 * * *',
        domain: 'monitoring',
        pausedReason: 'gone',
      });
      expect(await store.getSubscription(sub.channel)).toMatchObject({
        cron: '30 8 * * *',
        pausedReason: 'gone',
      });
      expect(
        (await store.listSubscriptions()).filter((s) => s.channel.scope === sub.channel.scope),
      ).toHaveLength(1);
      expect(await store.deleteSubscription(sub.channel)).toBe(true);
      expect(await store.deleteSubscription(sub.channel)).toBe(false);
      expect(await store.getSubscription(sub.channel)).toBeNull();
      expect(
        (await store.listSubscriptions()).filter((s) => s.channel.scope === sub.channel.scope),
      ).toHaveLength(0);
    });

    it('lists only the channels due by their next post time, earliest first', async () => {
      const store = await makeStore();
      const scope = `slack:T-${randomUUID()}`;
      const [a, b, c, d] = ['Ca', 'Cb', 'Cc', 'Cd'].map((channelId) => aSubscription({ scope, channelId }));
      if (!a || !b || !c || !d) throw new Error();
      const ids = (subs: Subscription[]) =>
        subs.filter((s) => s.channel.scope === scope).map((s) => s.channel.channelId);
      await store.saveSubscription(b, 3000);
      await store.saveSubscription(a, 1000);
      await store.saveSubscription({ ...c, pausedReason: 'gone' }, null);
      expect(ids(await store.dueSubscriptions(999, 10))).toEqual([]);
      expect(ids(await store.dueSubscriptions(2000, 10))).toEqual(['Ca']);
      expect(ids(await store.dueSubscriptions(5000, 10))).toEqual(['Ca', 'Cb']);
      expect(ids(await store.dueSubscriptions(5000, 1, 1))).toEqual(['Cb']);
      await store.setNextPost(a.channel, 4000);
      expect(ids(await store.dueSubscriptions(3500, 10))).toEqual(['Cb']);
      await store.setNextPost(a.channel, 3000, { onlyLater: true }); // never pulled back
      expect(ids(await store.dueSubscriptions(3500, 10))).toEqual(['Cb']);
      await store.setNextPost(a.channel, 5000, { onlyLater: true });
      expect(ids(await store.dueSubscriptions(4500, 10))).toEqual(['Cb']);
      expect(ids(await store.dueSubscriptions(5000, 10))).toEqual(['Cb', 'Ca']);
      await store.setNextPost(a.channel, null);
      expect(ids(await store.dueSubscriptions(Number.MAX_SAFE_INTEGER, 10))).toEqual(['Cb']);
      // Saved without a time (resumed elsewhere, an older version, a tool): due at once.
      await store.saveSubscription(d);
      await store.saveSubscription({ ...c, pausedReason: undefined });
      expect(ids(await store.dueSubscriptions(1, 10))).toEqual(['Cc', 'Cd']);
    });

    it('never brings a deleted channel back into the index', async () => {
      const store = await makeStore();
      const sub = aSubscription();
      await store.saveSubscription(sub, 1000);
      await store.deleteSubscription(sub.channel);
      await store.setNextPost(sub.channel, 500); // a tick that read it just before the delete
      const due = await store.dueSubscriptions(Number.MAX_SAFE_INTEGER, 1000);
      expect(due.filter((s) => s.channel.scope === sub.channel.scope)).toEqual([]);
    });

    it('lets exactly one of many concurrent callers claim a slot, until it is released', async () => {
      const store = await makeStore();
      const c = channel();
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => store.claimSlot(c, 1_000_000, 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimSlot(c, 2_000_000, 60_000)).toBe(true); // another slot
      expect(await store.claimSlot({ ...c, channelId: 'C2' }, 1_000_000, 60_000)).toBe(true); // another channel
      await store.releaseSlot(c, 1_000_000);
      expect(await store.claimSlot(c, 1_000_000, 60_000)).toBe(true);
    });
  });
}
