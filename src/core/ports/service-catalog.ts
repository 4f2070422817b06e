import type { Localized } from '../model/model.js';

export type ServiceStatus = 'active' | 'preview' | 'renamed' | 'unmaintained' | 'deprecated' | 'retired';

export interface ServiceEntry {
  id: string;
  name: string;
  formerNames: string[];
  /** `reading`: katakana for a name written in Latin letters, absent where the name is Japanese. */
  ja: { name: string; reading?: string };
  aliases: string[];
  summary: Localized;
  chooseWhen: Localized;
  status: ServiceStatus;
  statusDate?: string;
  successor?: string;
  docsUrl: string;
  /** Ids of the questions that are about this service. */
  relatedQuestionIds: string[];
}

/**
 * `match`: one service stands out. `ambiguous`: several fit about as well. `none`: nothing fits;
 * `suggestions` holds the closest ones anyway (at most 3).
 */
export type LookupResult =
  | { kind: 'match'; service: ServiceEntry }
  | { kind: 'ambiguous'; candidates: ServiceEntry[] }
  | { kind: 'none'; suggestions: ServiceEntry[] };

/** The /gcp catalog. Lookups are synchronous and in memory (autocomplete must answer fast). */
export interface ServiceCatalog {
  lookup(query: string): LookupResult;
  /** Up to `limit` services for a partial query, best first (Discord autocomplete). */
  suggest(query: string, limit: number): ServiceEntry[];
  get(id: string): ServiceEntry | undefined;
  all(): readonly ServiceEntry[];
}
