import { type RespondArguments, RespondError, type RespondFn } from '@slack/bolt';
import { request } from 'undici';

/** A private reply through a `response_url`, as Bolt's `respond()` takes it. */
export type Reply = (message: string | RespondArguments) => Promise<unknown>;

/**
 * The same POST Bolt's `respond()` makes (JSON body, `Content-Type: application/json`, a non-2xx status
 * thrown as `RespondError`), sent with undici's `request` instead of WHATWG `fetch`: fetch builds a
 * Request, a Response, Headers and web streams for every call, several times the CPU of the request
 * itself, and the answer click is the bot's hottest path (docs/performance.md). Both go through the same
 * global undici dispatcher (keep-alive pool, any proxy set with setGlobalDispatcher). Bolt's `respond` is
 * the fallback for a payload without a `response_url`.
 */
export function replyVia(responseUrl: unknown, respond: RespondFn): Reply {
  if (typeof responseUrl !== 'string' || responseUrl === '') {
    return async (message) => {
      await respond(message);
    };
  }
  return async (message) => {
    const response = await request(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
    });
    // Read to the end so the connection goes back to the pool.
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw new RespondError(
        `Failed to respond to the response_url: ${response.statusCode}`,
        response.statusCode,
      );
    }
  };
}
