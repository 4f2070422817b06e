import type { Locale, ScopeId } from './model.js';
import type { QuizEngine } from './quiz-engine.js';

/**
 * A user's language, cached for a short while: it is needed on every click, and a store read per click
 * would double the answer path's round trips. A change made through another replica shows up within the TTL.
 */
export class UserLocales {
  private readonly cache = new Map<string, { locale: Locale | null; until: number }>();

  constructor(
    private readonly engine: QuizEngine,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The user's own choice, or null; a store failure counts as no choice. */
  async get(scope: ScopeId, userId: string): Promise<Locale | null> {
    const key = `${scope}|${userId}`;
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.locale;
    const locale = await this.engine.userLocale(scope, userId).catch(() => null);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(key, { locale, until: now + this.ttlMs });
    return locale;
  }

  /**
   * The cached choice without reading the store: `undefined` when not cached. The answer path uses it,
   * because the answer itself brings the stored choice back (see RecordAnswerResult.locale).
   */
  peek(scope: ScopeId, userId: string): Locale | null | undefined {
    const hit = this.cache.get(`${scope}|${userId}`);
    return hit && hit.until > Date.now() ? hit.locale : undefined;
  }

  remember(scope: ScopeId, userId: string, locale: Locale | null): void {
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(`${scope}|${userId}`, { locale, until: Date.now() + this.ttlMs });
  }
}
