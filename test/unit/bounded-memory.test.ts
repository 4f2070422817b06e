import { describe, expect, it } from 'vitest';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { ROUND_RETENTION_MS } from '../../src/adapters/memory/memory-rounds.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { SlackAdmins } from '../../src/adapters/slack/slack-admins.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { NewRound } from '../../src/core/ports/quiz-store.js';
import { KeyedThrottle } from '../../src/core/rounds/keyed-throttle.js';
import { UserLocales } from '../../src/core/rounds/user-locales.js';
import { SeenRecently } from '../../src/core/runtime/seen-recently.js';
import { anEngine } from '../support/engine-fixture.js';

/**
 * Every per-round or per-user map a process keeps is bounded in size and age: fed 100,000 keys (a big
 * workspace, or a year of rounds revealed by other replicas), none grows past its cap.
 */
const KEYS = 100_000;
const MINUTE = 60_000;

describe('in-process memory fed 100,000 keys', { timeout: 60_000 }, () => {
  it('SeenRecently keeps at most its cap, and forgets a key after its TTL', async () => {
    const seen = new SeenRecently(40, 10_000);
    for (let i = 0; i < KEYS; i++) seen.firstTime(`delivery-${i}`);
    expect(seen.size).toBeLessThanOrEqual(10_000);
    expect(seen.firstTime(`delivery-${KEYS - 1}`)).toBe(false); // a recent one is still known
    await new Promise((r) => setTimeout(r, 60));
    expect(seen.firstTime(`delivery-${KEYS - 1}`)).toBe(true);
  });

  it('UserLocales keeps at most its cap', async () => {
    const { engine } = anEngine();
    const locales = new UserLocales(engine, 60_000, 10_000);
    for (let i = 0; i < KEYS; i++) locales.remember('slack:T1', `U${i}`, 'en');
    expect(locales.size).toBeLessThanOrEqual(10_000);
    expect(locales.peek('slack:T1', `U${KEYS - 1}`)).toBe('en');
    expect(locales.peek('slack:T1', 'U0')).toBeUndefined();
  });

  it('SlackAdmins keeps at most its cap', async () => {
    let lookups = 0;
    const client = {
      users: {
        info: async () => {
          lookups += 1;
          return { user: { is_admin: false } };
        },
      },
    } as unknown as ConstructorParameters<typeof SlackAdmins>[0];
    const admins = new SlackAdmins(client, [], silentLogger, 10 * MINUTE, undefined, 10_000);
    for (let i = 0; i < KEYS; i++) await admins.isAdmin(`U${i}`);
    expect(lookups).toBe(KEYS);
    await admins.isAdmin(`U${KEYS - 1}`); // cached
    await admins.isAdmin('U0'); // forgotten, asked again
    expect(lookups).toBe(KEYS + 1);
  });

  it('KeyedThrottle keeps at most maxKeys, cancelling what it forgets', async () => {
    let runs = 0;
    const throttle = new KeyedThrottle(
      60_000,
      async () => {
        runs += 1;
      },
      () => {},
      { maxKeys: 1000 },
    );
    for (let i = 0; i < KEYS; i++) throttle.request(`round-${i}`);
    expect(throttle.size).toBeLessThanOrEqual(1000);
    await throttle.flush();
    expect(runs).toBeLessThanOrEqual(1000);
  });
});

describe('the memory store prunes what has expired', { timeout: 60_000 }, () => {
  const round = (i: number, openedAt: number): NewRound => ({
    id: `r${i}`,
    scope: 'console:local',
    channelId: 'console',
    questionId: 'q-1',
    answerKey: 'A',
    choiceKeys: ['A', 'B', 'C', 'D'],
    domain: 'd1',
    kind: 'practice',
    openedAt,
    closesAt: openedAt + MINUTE,
  });

  it('forgets rounds past their retention, judged by the engine clock', async () => {
    const store = new MemoryQuizStore();
    const start = Date.parse('2026-01-05T00:00:00Z');
    // 100,000 practice rounds over ten days: one every ~8.6 s.
    const step = Math.floor((10 * 86_400_000) / KEYS);
    for (let i = 0; i < KEYS; i++) await store.createRound(round(i, start + i * step));
    const perRetention = ROUND_RETENTION_MS.practice / step;
    expect(store.storedRounds).toBeLessThan(perRetention + 2 * (MINUTE / step) + 10);
    expect(await store.getRound('console:local', 'r0')).toBeNull();
    expect(await store.getRound('console:local', `r${KEYS - 1}`)).not.toBeNull();
  });

  it('forgets expired slot claims', async () => {
    let now = Date.parse('2026-01-05T00:00:00Z');
    const subs = new MemorySubscriptionStore(() => now);
    for (let i = 0; i < KEYS; i++) {
      now += MINUTE;
      expect(await subs.claimSlot({ scope: 'slack:T1', channelId: 'C1' }, now, 10 * MINUTE)).toBe(true);
    }
    expect(subs.heldSlots).toBeLessThanOrEqual(12);
  });
});
