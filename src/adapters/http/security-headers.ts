import type { ServerResponse } from 'node:http';

/**
 * Sent with every response of the public listeners. The pages there load nothing (no script, style,
 * image or frame), so the policy allows nothing; no page may be framed, sniffed into another type, or
 * leak its URL (an OAuth state, a one-time link) in a Referer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Sets the security headers on `res`; a page that needs resources passes its own policy. */
export function setSecurityHeaders(res: ServerResponse, contentSecurityPolicy?: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (contentSecurityPolicy) res.setHeader('content-security-policy', contentSecurityPolicy);
}
