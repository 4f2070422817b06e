import { describe, expect, it } from 'vitest';
import { ScopeCache } from '../../../../src/adapters/http/dashboard/scope-cache.js';
import { ManualClock } from '../../../support/builders.js';

/** Lets the cache's own promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ScopeCache', () => {
  it('reuses a scope model within its time, per scope', async () => {
    const clock = new ManualClock(0);
    const cache = new ScopeCache<number>(clock, 30_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock.advance(29_999);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('b', load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('answers from the kept model once it is old while a reload runs, then serves the reloaded one', async () => {
    const clock = new ManualClock(0);
    const cache = new ScopeCache<number>(clock, 30_000);
    let loads = 0;
    let finish: (value: number) => void = () => {};
    const slowLoad = () => {
      loads += 1;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    await cache.get('a', async () => 1);
    await settle();
    clock.advance(30_000);
    expect(await cache.get('a', slowLoad)).toBe(1);
    // A second request while the reload is running is answered at once and starts no other load.
    expect(await cache.get('a', slowLoad)).toBe(1);
    expect(loads).toBe(1);
    finish(2);
    await settle();
    expect(await cache.get('a', slowLoad)).toBe(2);
    expect(loads).toBe(1);
  });

  it('loads afresh, and waits, once the kept model is older than twice its time', async () => {
    const clock = new ManualClock(0);
    const cache = new ScopeCache<number>(clock, 30_000);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await settle();
    clock.advance(60_000);
    expect(await cache.get('a', load)).toBe(2);
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
    await settle();
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });

  it('keeps serving the old model when a reload fails, and tries again on the next request', async () => {
    const clock = new ManualClock(0);
    const cache = new ScopeCache<string>(clock, 30_000);
    await cache.get('a', async () => 'first');
    await settle();
    clock.advance(30_000);
    expect(await cache.get('a', async () => Promise.reject(new Error('down')))).toBe('first');
    await settle();
    expect(await cache.get('a', async () => 'second')).toBe('first');
    await settle();
    expect(await cache.get('a', async () => 'third')).toBe('second');
  });

  it('reads every time when its time is 0', async () => {
    const cache = new ScopeCache<number>(new ManualClock(0), 0);
    let loads = 0;
    await cache.get('a', async () => ++loads);
    expect(await cache.get('a', async () => ++loads)).toBe(2);
  });
});
