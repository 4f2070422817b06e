import { describe, expect, it } from 'vitest';
import { countingStoreErrors } from '../../../src/app/stores.js';
import { StoreUnavailableError } from '../../../src/core/model/errors.js';

class Store {
  calls = 0;
  async recordAnswer(fail: 'down' | 'bug' | null): Promise<number> {
    this.calls++;
    if (fail === 'down') throw new StoreUnavailableError('redis is down');
    if (fail === 'bug') throw new Error('a bug');
    return this.calls;
  }
  size(): number {
    return this.calls;
  }
}

describe('countingStoreErrors', () => {
  it('counts each unavailable store by operation, passes results and other errors through', async () => {
    const counted: string[] = [];
    const store = countingStoreErrors(new Store(), (operation) => counted.push(operation));
    expect(await store.recordAnswer(null)).toBe(1);
    await expect(store.recordAnswer('down')).rejects.toThrow(StoreUnavailableError);
    await expect(store.recordAnswer('bug')).rejects.toThrow('a bug');
    await expect(store.recordAnswer('down')).rejects.toThrow(StoreUnavailableError);
    expect(store.size()).toBe(4);
    expect(counted).toEqual(['recordAnswer', 'recordAnswer']);
  });

  it('hands out one wrapper per method instead of a new function on every call', () => {
    const store = countingStoreErrors(new Store(), () => {});
    expect(store.recordAnswer).toBe(store.recordAnswer);
  });
});
