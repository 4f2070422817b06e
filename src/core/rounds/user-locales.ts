import { LRUCache } from 'lru-cache';
import type { Locale, ScopeId } from '../model/model.js';
import type { QuizEngine } from './quiz-engine.js';

/**
 * A user's language, cached for a short while: it is needed on every click, and a store read per click
 * would double the answer path's round trips. A change made through another replica shows up within the TTL.
 */
export class UserLocales {
  /** Bounded in size and age: the least recently used users are read again from the store. */
  private readonly cache: LRUCache<string, { locale: Locale | null }>;

  constructor(
    private readonly engine: QuizEngine,
    ttlMs = 60_000,
    maxEntries = 10_000,
  ) {
    this.cache = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  get size(): number {
    return this.cache.size;
  }

  /** The user's own choice, or null; a store failure counts as no choice. */
  async get(scope: ScopeId, userId: string): Promise<Locale | null> {
    const key = `${scope}|${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit.locale;
    const locale = await this.engine.userLocale(scope, userId).catch(() => null);
    this.cache.set(key, { locale });
    return locale;
  }

  /**
   * The cached choice without reading the store: `undefined` when not cached. The answer path uses it,
   * because the answer itself brings the stored choice back (see RecordAnswerResult.locale).
   */
  peek(scope: ScopeId, userId: string): Locale | null | undefined {
    return this.cache.get(`${scope}|${userId}`)?.locale;
  }

  remember(scope: ScopeId, userId: string, locale: Locale | null): void {
    this.cache.set(`${scope}|${userId}`, { locale });
  }
}
