import type { AnyMiddlewareArgs, App, RespondFn } from '@slack/bolt';
import type { Locale } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { NotInstalledError } from './oauth/slack-installations.js';

/**
 * Every failure in a Slack handler ends the same way: one log line with the error, and, where the
 * payload carries a way to reply, a private "something went wrong, try again". Handlers keep their own
 * specific replies (store unavailable, unknown round); this catches what they rethrow or never expected.
 * Register it before the handlers: Bolt runs global middleware in order and listener errors come back
 * through `next()`.
 */
export function replyOnHandlerFailure(app: App, log: Logger, locale: Locale): void {
  app.use(async (args) => {
    try {
      await args.next();
    } catch (error) {
      const body = args.body as { type?: unknown; command?: unknown };
      log.error({ err: error, type: body.type, command: body.command }, 'slack handler failed');
      const { ack, respond } = args as Partial<{ ack: () => Promise<void>; respond: RespondFn }>;
      // A listener that threw before acking: ack now, or Slack shows its own timeout error.
      await ack?.().catch(() => {});
      await respond?.({
        response_type: 'ephemeral',
        replace_original: false,
        text: messagesFor(locale).somethingWentWrong,
      }).catch((replyError: unknown) => log.warn({ err: replyError }, 'could not tell the user'));
    }
  });
}

/**
 * A signed payload Bolt cannot read (say, `block_actions` without `user`, `team` or `channel`) makes
 * Bolt throw before any middleware runs, which its HTTP receiver answers with a 500 and Slack retries.
 * Such a request came from Slack and is acked (200) and logged; nothing else happens.
 */
export function acceptMalformedPayloads(app: App, log: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    try {
      await processEvent(event);
    } catch (error) {
      log.warn(
        { err: error, type: (event.body as AnyMiddlewareArgs['body']).type },
        'unreadable slack payload',
      );
      // Acked already when a listener threw after its ack: a second ack throws, and that is fine.
      await event.ack().catch(() => {});
    }
  };
}

/** How long a request that arrives while Slack is still being connected waits for it (Slack allows 3 s). */
const READY_WAIT_MS = 2500;

/**
 * The HTTP server listens before the bot token is checked (so /healthz answers at once), and Bolt cannot
 * handle a request before that. Such a request waits briefly; if Bolt is still not ready it is left
 * unacknowledged, so Slack sees a failure and may retry, instead of an ack that silently drops it.
 */
export function holdUntilReady(app: App, ready: Promise<void>, log: Logger): void {
  let isReady = false;
  void ready.then(() => {
    isReady = true;
  });
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (!isReady) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), READY_WAIT_MS);
      });
      const outcome = await Promise.race([ready.then(() => 'ready' as const), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        log.warn({ waitedMs: READY_WAIT_MS }, 'slack request before the bot token was checked; not acked');
        return;
      }
    }
    await processEvent(event);
  };
}

/**
 * What reaches Bolt's global error handler is logged once. Slack still sends events to a workspace that
 * uninstalled until it notices: expected, so at info, not as an error.
 */
export function logUnhandledErrors(app: App, log: Logger): void {
  app.error(async (error) => {
    const notInstalled = causeOfType(error, NotInstalledError);
    if (notInstalled) {
      log.info({ reason: notInstalled.message }, 'slack request for a workspace without an installation');
      return;
    }
    log.error({ err: error }, 'slack handler failed');
  });
}

/** The first error of type `type` in the chain of `original` / `cause` (Bolt and @slack/oauth wrap). */
function causeOfType<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    const wrapped = current as { original?: unknown; cause?: unknown };
    current = wrapped.original ?? wrapped.cause;
  }
  return null;
}
