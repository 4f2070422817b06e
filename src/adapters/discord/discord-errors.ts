import { DiscordAPIError, type RateLimitData, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { PlatformError } from '../../core/ports/chat-platform.js';

/** Discord errors that mean the channel cannot be posted to until a person fixes it. */
const CHANNEL_GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

/** Longest wait for a rate limit we accept inside one channel call before handing it back to the caller. */
export const MAX_CHANNEL_RATE_LIMIT_WAIT_MS = 10_000;

/**
 * discord.js queues a rate-limited request and waits; that is right for short waits and for interaction
 * replies. A channel post facing a long wait is instead rejected, so the scheduler logs it and moves on to
 * the other channels rather than stalling behind one.
 */
export function rejectLongChannelRateLimits(data: RateLimitData): boolean {
  return (
    data.route.startsWith('/channels/') &&
    Math.max(data.retryAfter, data.timeToReset) > MAX_CHANNEL_RATE_LIMIT_WAIT_MS
  );
}

/** Turns a discord.js REST error into the core's PlatformError. */
export function toPlatformError(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const cause = { cause: error };
  if (error instanceof RateLimitError) {
    const waitMs = Math.max(error.retryAfter, error.timeToReset);
    return new PlatformError('rate-limited', `${what}: rate limited`, waitMs, cause);
  }
  if (!(error instanceof DiscordAPIError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PlatformError('failed', `${what}: ${message}`, undefined, cause);
  }
  // discord.js normally handles 429s itself; one that escapes it carries no wait, so suggest a short one.
  if (error.status === 429) return new PlatformError('rate-limited', `${what}: rate limited`, 1000, cause);
  const detail = `${what}: ${error.message} (${error.code}, HTTP ${error.status})`;
  if (typeof error.code === 'number' && CHANNEL_GONE.has(error.code)) {
    return new PlatformError('channel-gone', detail, undefined, cause);
  }
  return new PlatformError('failed', detail, undefined, cause);
}
