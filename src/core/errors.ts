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
