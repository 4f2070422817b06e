/**
 * Which bot token a Web API call uses. Single-workspace mode has one token for everything (the client
 * carries it); multi-workspace mode looks up the token of the workspace a channel or request belongs to.
 */
export interface SlackTokens {
  /** The workspace's bot token, or null when the app is not installed there. */
  tokenFor(teamId: string): Promise<string | null>;
  /** Slack refused the workspace's token: drop any cached copy so the next call reads the store. */
  refused(teamId: string): void;
}

/** Slack errors that mean the token itself no longer works. */
const AUTH_FAILURES = new Set(['token_revoked', 'account_inactive', 'invalid_auth', 'not_authed']);

/** True when a @slack/web-api error says the token no longer works. */
export function isAuthFailure(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' && AUTH_FAILURES.has(code);
}

/** `slack:T123` -> `T123`. */
export function teamOfScope(scope: string): string {
  return scope.slice(scope.indexOf(':') + 1);
}
