import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type Logger as BoltLogger,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Receiver,
  type ReceiverEvent,
  ReceiverMultipleAckError,
} from '@slack/bolt';

/** Slack's 3 seconds, and one millisecond (Bolt's default). */
const UNACKED_MS = 3001;
/** A workflow step's `function_executed` event may take longer to ack (Bolt's default). */
const UNACKED_FUNCTION_MS = 5001;

export interface SlackEventsReceiverDeps {
  /**
   * Multi-workspace mode: Bolt's InstallProvider (kept by the HTTPReceiver that serves the install
   * routes). The App takes its `authorize` from its receiver's `installer`, as with Bolt's own receivers.
   */
  installer?: unknown;
  /** Nobody acked within this time: answered 404 (Slack shows its own timeout) and logged. */
  unhandledRequestTimeoutMillis?: number;
  /** Bolt's error line for an unacked request (the same words as Bolt's HTTPReceiver). */
  logUnacked(message: string): void;
  /** `app.processEvent` threw: logged and counted by the caller; the request gets a 500 unless answered. */
  onError(error: unknown): void;
}

/**
 * Bolt's receiver for `POST /slack/events` behind the app's HTTP listener, which has already read the
 * body within its limits, checked its v0 signature and parsed it once (slack-http-routes.ts). Bolt's
 * HTTPReceiver would read, parse and route the same request again (a URL object, the body string, the
 * querystring and JSON parse, a bound ack with debug lines built per call); this hands the parsed body
 * straight to `app.processEvent`, so every global middleware and listener still runs in the real Bolt
 * App. The HTTP answer is Bolt's: the ack writes 200 at once (`processBeforeResponse` false) with its
 * body as JSON or text, Slack's SSL check and URL verification are answered here, a request nobody acks
 * within 3 s gets a 404, and a `processEvent` failure a 500.
 */
export class SlackEventsReceiver implements Receiver {
  readonly installer: unknown;
  private app: App | undefined;

  constructor(private readonly deps: SlackEventsReceiverDeps) {
    this.installer = deps.installer;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The app's HTTP listener is started and stopped by its owner. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Hands one verified, parsed request to Bolt; resolves when Bolt's handling is done. */
  async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    if (body.ssl_check === '1') {
      res.writeHead(200).end();
      return;
    }
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    const app = this.app;
    if (!app) throw new Error('slack events receiver used before Bolt initialised it');
    const event: ReceiverEvent = { body, ack: this.ackFor(res, body) };
    const retryNum = header(req, 'x-slack-retry-num');
    if (retryNum !== undefined) event.retryNum = Number.parseInt(retryNum, 10);
    const retryReason = header(req, 'x-slack-retry-reason');
    if (retryReason !== undefined) event.retryReason = retryReason;
    try {
      await app.processEvent(event);
    } catch (error) {
      this.deps.onError(error);
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  private ackFor(res: ServerResponse, body: Record<string, unknown>): ReceiverEvent['ack'] {
    let acked = false;
    const timer = setTimeout(
      () => {
        if (acked) return;
        this.deps.logUnacked(
          'An incoming event was not acknowledged within 3 seconds. Ensure that the ack() argument is called in a listener.',
        );
        if (!res.headersSent) res.writeHead(404).end();
      },
      isFunctionExecuted(body)
        ? UNACKED_FUNCTION_MS
        : (this.deps.unhandledRequestTimeoutMillis ?? UNACKED_MS),
    );
    return async (response?: unknown): Promise<void> => {
      if (acked) throw new ReceiverMultipleAckError();
      acked = true;
      clearTimeout(timer);
      if (res.headersSent) return;
      if (!response) res.writeHead(200).end();
      else if (typeof response === 'string') res.writeHead(200).end(response);
      else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(response));
      }
    };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isFunctionExecuted(body: Record<string, unknown>): boolean {
  return (body.event as { type?: unknown } | undefined)?.type === 'function_executed';
}

export interface HttpModeReceiversDeps {
  logger: BoltLogger;
  /** Multi-workspace mode: the OAuth options of Bolt's HTTPReceiver (install routes, stores, pages). */
  oauth?: Partial<HTTPReceiverOptions>;
  onError(error: unknown): void;
  /** Unset: Bolt's 3001 ms. */
  unhandledRequestTimeoutMillis?: number | undefined;
}

/**
 * HTTP mode's receivers: ours for the events route, and in multi-workspace mode Bolt's HTTPReceiver for
 * the install routes and the InstallProvider the App authorizes with. That one never sees an event, so
 * it checks no signature (the listener in front checks every POST).
 */
export function httpModeReceivers(deps: HttpModeReceiversDeps): {
  events: SlackEventsReceiver;
  install: HTTPReceiver | null;
} {
  const install = deps.oauth
    ? new HTTPReceiver({
        signingSecret: '',
        signatureVerification: false,
        logger: deps.logger,
        ...deps.oauth,
      })
    : null;
  const events = new SlackEventsReceiver({
    installer: install?.installer,
    logUnacked: (message) => deps.logger.error(message),
    onError: deps.onError,
    ...(deps.unhandledRequestTimeoutMillis
      ? { unhandledRequestTimeoutMillis: deps.unhandledRequestTimeoutMillis }
      : {}),
  });
  return { events, install };
}
