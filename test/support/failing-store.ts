import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';

/**
 * A memory store whose listed methods throw a plain Error (a bug, not an outage): for the paths that
 * must still answer the user privately and log the error once.
 */
export function storeFailingOn(methods: (keyof MemoryQuizStore)[]): MemoryQuizStore {
  const failing = new Set<PropertyKey>(methods);
  return new Proxy(new MemoryQuizStore(), {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!failing.has(property) || typeof value !== 'function') return value;
      return async () => {
        throw new Error(`bug in ${String(property)}`);
      };
    },
  });
}
