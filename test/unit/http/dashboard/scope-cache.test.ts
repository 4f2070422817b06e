import { describe, expect, it } from 'vitest';
import { ScopeCache } from '../../../../src/adapters/http/dashboard/scope-cache.js';
import { ManualClock } from '../../../support/builders.js';

describe('ScopeCache', () => {
  it('reuses a scope model within its time, per scope, and loads again after it', async () => {
    const clock = new ManualClock(0);
    const cache = new ScopeCache<number>(clock, 30_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock.advance(29_999);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('b', load)).toBe(2);
    clock.advance(1);
    expect(await cache.get('a', load)).toBe(3);
  });

  it('shares one load between concurrent requests and forgets a failed one', async () => {
    const cache = new ScopeCache<string>(new ManualClock(0), 30_000);
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('store down');
    };
    const both = [cache.get('a', failing), cache.get('a', failing)];
    await expect(both[0]).rejects.toThrow('store down');
    await expect(both[1]).rejects.toThrow('store down');
    expect(calls).toBe(1);
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });

  it('reads every time when its time is 0', async () => {
    const cache = new ScopeCache<number>(new ManualClock(0), 0);
    let loads = 0;
    await cache.get('a', async () => ++loads);
    expect(await cache.get('a', async () => ++loads)).toBe(2);
  });
});
