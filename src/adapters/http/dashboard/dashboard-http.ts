import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../../core/model/model.js';
import { setSecurityHeaders } from '../security-headers.js';

/**
 * The dashboard's policy: its own stylesheet only, no script at all, no framing, forms posting only
 * back to itself.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` with the pages' own form
 * POSTs, and the cross-site check needs the real origin. No URL (a sign-in link's token) leaves the site.
 */
const DASHBOARD_REFERRER_POLICY = 'same-origin';

function setDashboardHeaders(res: ServerResponse): void {
  setSecurityHeaders(res, DASHBOARD_CSP);
  res.setHeader('referrer-policy', DASHBOARD_REFERRER_POLICY);
}

/** An HTML page that is never cached (every dashboard page shows someone's data or a sign-in). */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  setDashboardHeaders(res);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** 303 See Other: after a POST, the browser GETs `location` (no form resent on reload). */
export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  setDashboardHeaders(res);
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.writeHead(303, { location, 'cache-control': 'no-store' }).end();
}

/** The session cookie: `__Host-` prefixed and Secure on https, HttpOnly and SameSite=Lax always. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-pq_dash' : 'pq_dash';
}

export function sessionCookie(secure: boolean, value: string, maxAgeSeconds: number): string {
  return [
    `${sessionCookieName(secure)}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** One cookie's value from the Cookie header (values we set are base64url and a dot: no decoding). */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A urlencoded form body (the dashboard's forms post nothing else). */
export function readForm(req: IncomingMessage, body: Buffer | null): URLSearchParams | null {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' || !body) return null;
  return new URLSearchParams(body.toString('utf8'));
}

/** The query of a request URL. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
}

export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

/** The first of Japanese or English the browser asks for (by q weight), or null for neither. */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}

/**
 * A POST from another site: its `Origin` names another origin (browsers send it with every form POST).
 * A request without one (a non-browser client) still needs the session cookie and the CSRF token.
 */
export function crossSite(req: IncomingMessage, publicOrigin: string | null): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (publicOrigin) return origin !== publicOrigin;
  const host = req.headers.host;
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
