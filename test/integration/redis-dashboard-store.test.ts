import { describe, expect, it } from 'vitest';
import { RedisDashboardStore } from '../../src/adapters/redis/redis-dashboard-store.js';
import { removeScopeData } from '../../src/adapters/redis/remove-scope-data.js';
import { describeDashboardStoreContract } from '../support/dashboard-store-contract.js';
import { startRedisTarget } from '../support/redis-server.js';
import { redisTestBed } from '../support/redis-test-bed.js';

const target = await startRedisTarget();

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('RedisDashboardStore on redis-server', () => {
  const bed = redisTestBed(target);

  describeDashboardStoreContract('RedisDashboardStore', async () => {
    const clients = await bed.clients();
    return new RedisDashboardStore(clients.interactive, { prefix: bed.newPrefix() });
  });

  it('keeps only hashes, with the scope hash tag, and slack:remove-workspace deletes the sessions', async () => {
    const clients = await bed.clients();
    const prefix = bed.newPrefix();
    const store = new RedisDashboardStore(clients.interactive, { prefix });
    const scope = 'slack:TREMOVE1';
    await store.putSession(
      'abc123',
      { scope, playerId: 'U1', isAdmin: false, csrfToken: 'c', createdAt: 1 },
      60_000,
    );
    await store.putLoginToken('def456', { scope, playerId: 'U1', isAdmin: false }, 60_000);
    const keys = (await bed.admin.keys(`${prefix}:*`)).sort();
    expect(keys).toEqual([
      `${prefix}:{${scope}}:dkeys`,
      `${prefix}:{${scope}}:dlogin:def456`,
      `${prefix}:{${scope}}:dsession:abc123`,
    ]);
    const ttl = await bed.admin.pttl(`${prefix}:{${scope}}:dsession:abc123`);
    expect(ttl).toBeGreaterThan(50_000);
    await removeScopeData(clients.background, scope, { prefix });
    expect(await store.getSession(scope, 'abc123')).toBeNull();
    expect(await bed.admin.keys(`${prefix}:*`)).toEqual([]);
  });
});
