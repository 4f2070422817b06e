import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Subscription, SubscriptionStore } from '../../src/core/ports/subscription-store.js';

/** The contract every SubscriptionStore implementation passes (memory and Redis). */
export function describeSubscriptionStoreContract(
  name: string,
  makeStore: () => Promise<SubscriptionStore>,
): void {
  describe(`${name} (subscription store contract)`, () => {
    const channel = () => ({ scope: `slack:T-${randomUUID()}`, channelId: 'C1' });
    const aSubscription = (c = channel()): Subscription => ({
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
