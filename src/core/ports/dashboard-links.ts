import type { DashboardGrant } from './dashboard-store.js';

/** What `/quiz dashboard` gets: a private sign-in link, or why there is none. */
export type DashboardLinkResult =
  | { kind: 'link'; url: string; expiresInMinutes: number }
  /** No PUBLIC_URL: the dashboard is not served. */
  | { kind: 'off' }
  | { kind: 'too-many'; retryInMinutes: number };

/** Issues single-use sign-in links to the web dashboard (the web adapter implements it). */
export interface DashboardLinks {
  issue(grant: DashboardGrant): Promise<DashboardLinkResult>;
}
