/**
 * The store could not be reached in time (Redis down, timed out). Adapters turn it into
 * "the quiz is unavailable for a moment; your answer was not recorded; please try again".
 * Stores throw it only when nothing was written.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

/**
 * A platform refused a configured credential (`SLACK_BOT_TOKEN`, `DISCORD_TOKEN`, ...): nothing the
 * process can do will fix it, so start-up ends with this message (it names the variable) and no stack.
 */
export class CredentialRejectedError extends Error {
  override readonly name = 'CredentialRejectedError';
  constructor(
    readonly variable: string,
    platform: string,
    reason: string,
  ) {
    super(`${variable} was rejected by ${platform}: ${reason}`);
  }
}
