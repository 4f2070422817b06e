import { PlatformError } from '../../core/ports/chat-platform.js';

/** Slack API errors that mean the channel cannot be posted to until a person fixes it. */
const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'missing_scope',
  'restricted_action',
]);

interface SlackErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  message?: string;
}

/** Turns a @slack/web-api error into the core's PlatformError. */
export function toPlatformError(error: unknown, method: string): PlatformError {
  const e = (error ?? {}) as SlackErrorShape;
  const apiError = e.data?.error;
  if (e.code === 'slack_webapi_rate_limited_error') {
    return new PlatformError('rate-limited', `${method}: rate limited`, (e.retryAfter ?? 1) * 1000, {
      cause: error,
    });
  }
  if (apiError && CHANNEL_GONE.has(apiError)) {
    return new PlatformError('channel-gone', `${method}: ${apiError}`, undefined, { cause: error });
  }
  return new PlatformError('failed', `${method}: ${apiError ?? e.message ?? 'unknown error'}`, undefined, {
    cause: error,
  });
}
