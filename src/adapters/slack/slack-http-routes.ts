import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.js';
import type { InstallGate } from './oauth/install-gate.js';
import { INSTALL_PATH, REDIRECT_PATH } from './oauth/slack-oauth.js';
import type { SlackEventsReceiver } from './slack-events-receiver.js';
import {
  actsOnRepeat,
  SIGNATURE_WINDOW_MS,
  SLACK_BODY_DEADLINE_MS,
  SLACK_BODY_LIMIT_BYTES,
  signatureHeaders,
  signedBySlack,
  slackPayload,
} from './slack-request-check.js';

export const EVENTS_PATH = '/slack/events';

/**
 * One route of Slack's HTTP endpoint, in the shape the app's HTTP listener serves (which applies the
 * precheck before reading, the body limits, and a per-address limit on routes that have `tooMany`).
 */
export interface SlackHttpRoute {
  method: 'GET' | 'POST';
  path: string;
  precheck?(req: IncomingMessage): { status: number; reason: string } | null;
  body?: { limitBytes: number; deadlineMs: number };
  /** Install routes: the page for a client over the per-address limit. */
  tooMany?(req: IncomingMessage, res: ServerResponse): void;
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer | null): void | Promise<void>;
}

/** Signed requests already handled (Redis SET NX across replicas, or in memory). */
export interface SeenRequests {
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

export interface SlackHttpRoutesDeps {
  /** Bolt's receiver for the events route: takes the body as parsed here (no second read or parse). */
  events: Pick<SlackEventsReceiver, 'dispatch'>;
  /** Multi-workspace mode: Bolt's HTTPReceiver, which serves the install routes behind the gate. */
  installReceiver?: HTTPReceiver;
  signingSecret: string;
  seen: SeenRequests;
  log: Logger;
  /** For what anyone can cause (a bad signature): at most a line a minute. */
  throttledLog: Pick<Logger, 'warn'>;
  gate?: InstallGate;
  now?: () => number;
}

/**
 * `POST /slack/events` and, in multi-workspace mode, the install routes, in front of Bolt's receiver.
 * A request reaches Bolt only signed within the time window (both ways), with a body of at most 256 KB
 * that arrived within 10 s, parsed to an object, and not seen before: a replayed command or click is
 * dropped with a 200 and no effect.
 */
export function slackHttpRoutes(deps: SlackHttpRoutesDeps): SlackHttpRoute[] {
  const now = deps.now ?? Date.now;
  const routes: SlackHttpRoute[] = [
    {
      method: 'POST',
      path: EVENTS_PATH,
      precheck: (req) =>
        signatureHeaders(req, now())
          ? null
          : { status: 401, reason: 'no valid signature headers, or a timestamp outside the window' },
      body: { limitBytes: SLACK_BODY_LIMIT_BYTES, deadlineMs: SLACK_BODY_DEADLINE_MS },
      handle: async (req, res, body) => {
        const headers = signatureHeaders(req, now());
        if (!headers || !body || !signedBySlack(headers, body, deps.signingSecret)) {
          deps.throttledLog.warn({ path: EVENTS_PATH }, 'slack request with a bad signature refused');
          res.writeHead(401).end();
          return;
        }
        const payload = slackPayload(req, body);
        if (!payload) {
          deps.log.warn({ bytes: body.length }, 'signed slack request that is not a payload object refused');
          res.writeHead(400).end();
          return;
        }
        if (actsOnRepeat(payload) && !(await firstSeen(deps, headers.signature))) {
          deps.log.info({ type: payload.type, command: payload.command }, 'replayed slack request dropped');
          res.writeHead(200).end();
          return;
        }
        await deps.events.dispatch(req, res, payload);
      },
    },
  ];
  const gate = deps.gate;
  const installReceiver = deps.installReceiver;
  if (gate && installReceiver) {
    const bolt = (req: IncomingMessage, res: ServerResponse): void =>
      installReceiver.requestListener(req, res);
    const tooMany = (req: IncomingMessage, res: ServerResponse): void => gate.tooMany(req, res);
    routes.push(
      {
        method: 'GET',
        path: INSTALL_PATH,
        tooMany,
        handle: (req, res) => gate.install(req, res, () => bolt(req, res)),
      },
      {
        method: 'GET',
        path: REDIRECT_PATH,
        tooMany,
        handle: (req, res) => gate.redirect(req, res, () => bolt(req, res)),
      },
    );
  }
  return routes;
}

/**
 * A request's signature is remembered for twice the window: its timestamp is accepted from five minutes
 * before now to five after, so a copy can arrive up to ten minutes after the first. When the store
 * cannot answer, the request goes on (its command meets the same unavailable store and says so).
 */
async function firstSeen(deps: SlackHttpRoutesDeps, signature: string): Promise<boolean> {
  try {
    return await deps.seen.firstSeen(`slack:${signature}`, 2 * SIGNATURE_WINDOW_MS);
  } catch (error) {
    deps.throttledLog.warn({ err: error }, 'replay check unavailable; request let through');
    return true;
  }
}
