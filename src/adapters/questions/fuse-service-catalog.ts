import Fuse from 'fuse.js';
import type { LookupResult, ServiceCatalog, ServiceEntry } from '../../core/ports/service-catalog.js';
import { normalizeQuery } from './normalize-query.js';

interface SearchDoc {
  service: ServiceEntry;
  /** Every name the service is known by, normalised. */
  terms: string[];
}

/** Fuse scores run from 0 (exact) to 1; past this a result is noise. */
const MATCH_THRESHOLD = 0.4;
/** A lone result this good is taken as the answer... */
const CONFIDENT_SCORE = 0.2;
/** ...when the runner-up is at least this much worse. */
const CLEAR_LEAD = 0.1;
const SUGGESTIONS = 3;

/**
 * The /gcp catalog: exact matches on any normalised name or alias first, then fuzzy ranking by fuse.js
 * over the same terms (it works on code points, so Japanese needs no tokenizer, and it forgives typos).
 */
export class FuseServiceCatalog implements ServiceCatalog {
  private readonly byId: Map<string, ServiceEntry>;
  private readonly docs: SearchDoc[];
  private readonly byTerm = new Map<string, ServiceEntry[]>();
  private readonly fuse: Fuse<SearchDoc>;
  private readonly loose: Fuse<SearchDoc>;

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
    this.loose = new Fuse(docs, { ...options, threshold: 0.8 });
  }

  lookup(query: string): LookupResult {
    const q = normalizeQuery(query);
    if (q.length === 0) return { kind: 'none', suggestions: [] };
    const exact = this.byTerm.get(q);
    if (exact?.length === 1 && exact[0]) return { kind: 'match', service: exact[0] };
    if (exact && exact.length > 1) return { kind: 'ambiguous', candidates: exact.slice(0, SUGGESTIONS) };

    const results = this.fuse.search(q, { limit: SUGGESTIONS });
    const [best, second] = results;
    if (!best) {
      return {
        kind: 'none',
        suggestions: this.loose.search(q, { limit: SUGGESTIONS }).map((r) => r.item.service),
      };
    }
    const bestScore = best.score ?? 1;
    if (bestScore <= CONFIDENT_SCORE && (!second || (second.score ?? 1) - bestScore >= CLEAR_LEAD)) {
      return { kind: 'match', service: best.item.service };
    }
    return { kind: 'ambiguous', candidates: results.map((r) => r.item.service) };
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

function termsOf(service: ServiceEntry): string[] {
  const raw = [
    service.id,
    service.name,
    ...service.formerNames,
    service.ja.name,
    service.ja.reading,
    ...service.aliases,
  ];
  return [...new Set(raw.map(normalizeQuery).filter((t) => t.length > 0))];
}
