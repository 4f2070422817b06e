import { CredentialRejectedError } from '../../core/model/errors.js';

/**
 * Slack's answers that mean the token itself is refused: retrying cannot help (docs.slack.dev, auth.test
 * and apps.connections.open errors). Anything else (network, 5xx, rate limits) is worth retrying.
 */
const REFUSED_TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'team_disabled',
  'ekm_access_denied',
]);

/** Runs a Slack call made with the token in `variable`; a refusal becomes a `CredentialRejectedError`. */
export async function verifySlackCredential<T>(call: () => Promise<T>, variable: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && REFUSED_TOKEN_ERRORS.has(code)) throw new CredentialRejectedError(variable, 'Slack', code);
    throw error;
  }
}

/** The `error` field of a Slack API answer, wherever the SDK put it. */
function slackErrorCode(error: unknown): string | undefined {
  const e = error as { data?: { error?: unknown }; cause?: unknown; message?: unknown } | null;
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (e?.cause) return slackErrorCode(e.cause);
  // The Socket Mode client reports apps.connections.open refusals only in its message.
  const match =
    typeof e?.message === 'string' ? /\b(invalid_auth|not_authed|token_revoked)\b/.exec(e.message) : null;
  return match?.[1];
}
