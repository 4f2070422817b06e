import Fuse from 'fuse.js';
import type { LookupResult, ServiceCatalog, ServiceEntry } from '../../core/ports/service-catalog.js';
import { matchQuality } from './match-quality.js';
import { normalizeQuery } from './normalize-query.js';

interface SearchDoc {
  service: ServiceEntry;
  /** Every name the service is known by, normalised. */
  terms: string[];
}

/** Autocomplete: fuse.js scores run from 0 (exact) to 1; past this a suggestion is noise. */
const MATCH_THRESHOLD = 0.4;
const SUGGESTIONS = 3;

/**
 * The /gcp catalog. A lookup ranks every service by how well the query names one of its normalised
 * names or aliases (`match-quality.ts`: exact, then a few typos, then prefix, then inside a name); among
 * equally good matches the service the bank asks about most comes first, as the one a PMLE learner most
 * likely means. A query close to nothing gets no suggestions: unrelated services only confuse.
 * Autocomplete, where partial input is normal, adds fuse.js's looser fuzzy ranking to prefixes.
 */
export class FuseServiceCatalog implements ServiceCatalog {
  private readonly byId: Map<string, ServiceEntry>;
  private readonly docs: SearchDoc[];
  private readonly byTerm = new Map<string, ServiceEntry[]>();
  private readonly fuse: Fuse<SearchDoc>;

  constructor(private readonly services: readonly ServiceEntry[]) {
    this.byId = new Map(services.map((s) => [s.id, s]));
    const docs = services.map((service) => ({ service, terms: termsOf(service) }));
    this.docs = docs;
    for (const doc of docs) {
      for (const term of doc.terms) {
        const list = this.byTerm.get(term) ?? [];
        if (!list.includes(doc.service)) list.push(doc.service);
        this.byTerm.set(term, list);
      }
    }
    const options = { keys: ['terms'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true };
    this.fuse = new Fuse(docs, { ...options, threshold: MATCH_THRESHOLD });
  }

  lookup(query: string): LookupResult {
    const q = normalizeQuery(query);
    if (q.length === 0) return { kind: 'none', suggestions: [] };
    const exact = this.byTerm.get(q);
    if (exact?.length === 1 && exact[0]) return { kind: 'match', service: exact[0] };
    if (exact && exact.length > 1) return { kind: 'ambiguous', candidates: exact.slice(0, SUGGESTIONS) };

    const words = query
      .split(/\s+/)
      .map(normalizeQuery)
      .filter((w) => w.length > 0);
    const ranked = this.rank(q, words);
    const [best, second] = ranked;
    if (!best) return { kind: 'none', suggestions: [] };
    if (!second || second.quality > best.quality) return { kind: 'match', service: best.service };
    return { kind: 'ambiguous', candidates: ranked.slice(0, SUGGESTIONS).map((r) => r.service) };
  }

  /** Services that the query names in some way, best match first and, among equals, the most central. */
  private rank(q: string, words: string[]): { service: ServiceEntry; quality: number }[] {
    const found: { service: ServiceEntry; quality: number }[] = [];
    for (const doc of this.docs) {
      let quality: number | null = null;
      for (const term of doc.terms) {
        const m = matchQuality(q, words, term);
        if (m !== null && (quality === null || m < quality)) quality = m;
      }
      if (quality !== null) found.push({ service: doc.service, quality });
    }
    return found.sort((a, b) => a.quality - b.quality || centrality(b.service) - centrality(a.service));
  }

  suggest(query: string, limit: number): ServiceEntry[] {
    const q = normalizeQuery(query);
    if (q.length === 0)
      return [...this.services].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
    const prefixed = this.docs.filter((d) => d.terms.some((t) => t.startsWith(q))).map((d) => d.service);
    const fuzzy = this.fuse.search(q, { limit }).map((r) => r.item.service);
    return [...new Set([...prefixed, ...fuzzy])].slice(0, limit);
  }

  get(id: string): ServiceEntry | undefined {
    return this.byId.get(id);
  }

  all(): readonly ServiceEntry[] {
    return this.services;
  }
}

/** How much the bank asks about a service: the tie-breaker between equally good matches. */
function centrality(service: ServiceEntry): number {
  return service.relatedQuestionIds.length;
}

function termsOf(service: ServiceEntry): string[] {
  const raw = [
    service.id,
    service.name,
    ...service.formerNames,
    service.ja.name,
    service.ja.reading ?? '',
    ...service.aliases,
  ];
  return [...new Set(raw.map(normalizeQuery).filter((t) => t.length > 0))];
}
