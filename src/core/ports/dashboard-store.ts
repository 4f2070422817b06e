import type { ScopeId } from '../model/model.js';

/** Who a dashboard sign-in link or session stands for: the scope, the player, admin at issue time. */
export interface DashboardGrant {
  scope: ScopeId;
  playerId: string;
  /** Whether the player was an admin when the link was issued; pages and actions re-check it anyway. */
  isAdmin: boolean;
}

/** A signed-in browser: the grant, and the CSRF token its forms carry. */
export interface DashboardSession extends DashboardGrant {
  csrfToken: string;
  /** Epoch ms the session was created. */
  createdAt: number;
}

/**
 * Sign-in links and sessions of the web dashboard, shared by the replicas. Tokens and session ids are
 * stored only as hashes (a read of the store gives nobody a working link or cookie). Every record
 * belongs to one scope and is deleted with it (`deleteScope`, uninstall, `slack:remove-workspace`).
 */
export interface DashboardStore {
  /** Keeps a sign-in link's grant under the hash of its token for `ttlMs`. */
  putLoginToken(tokenHash: string, grant: DashboardGrant, ttlMs: number): Promise<void>;
  /** Whether a link is still unspent and unexpired (the GET page; it spends nothing). */
  hasLoginToken(scope: ScopeId, tokenHash: string): Promise<boolean>;
  /** Spends a link: returns its grant and deletes it in one atomic step (GETDEL); null once spent or expired. */
  takeLoginToken(scope: ScopeId, tokenHash: string): Promise<DashboardGrant | null>;
  /** Keeps a session under the hash of its id for `ttlMs` and lists it under its scope. */
  putSession(sessionHash: string, session: DashboardSession, ttlMs: number): Promise<void>;
  /** The session, or null when unknown, expired or signed out. */
  getSession(scope: ScopeId, sessionHash: string): Promise<DashboardSession | null>;
  /** Signs a session out (idempotent). */
  deleteSession(scope: ScopeId, sessionHash: string): Promise<void>;
  /** Deletes every session and unspent link of a scope; resolves how many sessions were deleted. */
  deleteScope(scope: ScopeId): Promise<number>;
  /**
   * Counts one link issued to `playerId` in the current window of `windowMs` (a fixed window, started by
   * the first link); resolves the count including this one.
   */
  countLinkIssued(scope: ScopeId, playerId: string, windowMs: number): Promise<number>;
}
