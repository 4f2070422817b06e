import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DashboardLinkResult, DashboardLinks } from '../../../core/ports/dashboard-links.js';
import type {
  DashboardGrant,
  DashboardSession,
  DashboardStore,
} from '../../../core/ports/dashboard-store.js';

/** A sign-in link lasts 10 minutes; a session 12 hours (then the player asks chat for a new link). */
export const LINK_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** Links one player may ask for per window: enough for a few browsers, not a link generator. */
export const LINK_RATE = { limit: 5, windowMs: 10 * 60_000 };
export const LOGIN_PATH = '/dash/login';

/** A signed-in request: the session and the hash it is stored under (to sign it out). */
export interface SignedIn {
  session: DashboardSession;
  sessionHash: string;
}

/**
 * Sign-in links and sessions. A token or a session id is `<scope, base64url>.<32 random bytes, base64url>`:
 * the scope part says which scope's keys to look in (so every key carries the scope's hash tag), the
 * random part (256 bits) is the secret, and only its SHA-256 is stored.
 */
export class DashboardSignIn implements DashboardLinks {
  constructor(
    private readonly store: DashboardStore,
    /** The origin links point to (`PUBLIC_URL`, or the console's local address once it listens); null: off. */
    private readonly baseUrl: () => string | null,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(grant: DashboardGrant): Promise<DashboardLinkResult> {
    const base = this.baseUrl();
    if (!base) return { kind: 'off' };
    const issued = await this.store.countLinkIssued(grant.scope, grant.playerId, LINK_RATE.windowMs);
    if (issued > LINK_RATE.limit) return { kind: 'too-many', retryInMinutes: LINK_RATE.windowMs / 60_000 };
    const { secret, hash } = newSecret(grant.scope);
    await this.store.putLoginToken(hash, grant, LINK_TTL_MS);
    const url = new URL(LOGIN_PATH, base);
    url.searchParams.set('t', secret);
    return { kind: 'link', url: url.toString(), expiresInMinutes: LINK_TTL_MS / 60_000 };
  }

  /** Whether a link is still good (the GET page): reads only, spends nothing. */
  async linkValid(token: string): Promise<boolean> {
    const parsed = parseSecret(token);
    return parsed ? this.store.hasLoginToken(parsed.scope, parsed.hash) : false;
  }

  /** Spends a link once and opens a fresh session; null for a spent, expired or forged link. */
  async spend(token: string): Promise<{ cookieValue: string; session: DashboardSession } | null> {
    const parsed = parseSecret(token);
    if (!parsed) return null;
    const grant = await this.store.takeLoginToken(parsed.scope, parsed.hash);
    if (!grant) return null;
    const { secret, hash } = newSecret(grant.scope);
    const session: DashboardSession = {
      ...grant,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: this.now(),
    };
    await this.store.putSession(hash, session, SESSION_TTL_MS);
    return { cookieValue: secret, session };
  }

  /** The session a cookie value names, or null. */
  async session(cookieValue: string | undefined): Promise<SignedIn | null> {
    const parsed = cookieValue ? parseSecret(cookieValue) : null;
    if (!parsed) return null;
    const session = await this.store.getSession(parsed.scope, parsed.hash);
    // The scope inside the record must be the one the cookie named (it always is unless forged).
    if (!session || session.scope !== parsed.scope) return null;
    return { session, sessionHash: parsed.hash };
  }

  async signOut(signedIn: SignedIn): Promise<void> {
    await this.store.deleteSession(signedIn.session.scope, signedIn.sessionHash);
  }
}

/** Compares a submitted CSRF token with the session's in constant time. */
export function csrfMatches(session: DashboardSession, submitted: string | null | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

function newSecret(scope: string): { secret: string; hash: string } {
  const random = randomBytes(32).toString('base64url');
  return { secret: `${Buffer.from(scope).toString('base64url')}.${random}`, hash: sha256(random) };
}

const SECRET_SHAPE = /^([A-Za-z0-9_-]{4,200})\.([A-Za-z0-9_-]{43})$/;
const SCOPE_SHAPE = /^(slack|discord|console):[A-Za-z0-9._-]{1,64}$/;

function parseSecret(value: string): { scope: string; hash: string } | null {
  const match = SECRET_SHAPE.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const scope = Buffer.from(match[1], 'base64url').toString('utf8');
  if (!SCOPE_SHAPE.test(scope)) return null;
  return { scope, hash: sha256(match[2]) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
