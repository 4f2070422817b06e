import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions } from '@slack/bolt';
import { decodeAction } from '../../core/presentation/action-id.js';

/** Slack's window for a request's timestamp, both ways: older is stale, newer is forged or skewed. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Slack's payloads are a few KB; a generous bound still stops a body of megabytes before it is read. */
export const SLACK_BODY_LIMIT_BYTES = 256 * 1024;
/** The whole body must arrive within this time, however slowly it is sent. */
export const SLACK_BODY_DEADLINE_MS = 10_000;

export interface SignatureHeaders {
  /** The hex HMAC after `v0=`. */
  signature: string;
  timestampSec: number;
}

/**
 * The signature headers, checked before the body is read: present, well formed, and a timestamp within
 * five minutes of now either way. Null means the request is refused at once (401).
 */
export function signatureHeaders(req: IncomingMessage, nowMs: number): SignatureHeaders | null {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return null;
  const hex = /^v0=([0-9a-f]{64})$/.exec(signature)?.[1];
  if (!hex || !/^\d{1,12}$/.test(timestamp)) return null;
  const timestampSec = Number(timestamp);
  if (Math.abs(nowMs - timestampSec * 1000) > SIGNATURE_WINDOW_MS) return null;
  return { signature: hex, timestampSec };
}

/** Whether `body` was signed with `signingSecret` as the headers say (Slack's v0 scheme). */
export function signedBySlack(headers: SignatureHeaders, body: Buffer, signingSecret: string): boolean {
  const expected = createHmac('sha256', signingSecret)
    .update(`v0:${headers.timestampSec}:`)
    .update(body)
    .digest();
  const given = Buffer.from(headers.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The body as Bolt will parse it (Bolt's own parser, on the same bytes), or null when Bolt could not
 * read it as a payload: malformed, or JSON that is not an object (`null`, an array, a number), which
 * Bolt's receiver does not expect and once crashed on.
 */
export function slackPayload(req: IncomingMessage, rawBody: Buffer): Record<string, unknown> | null {
  const buffered = Object.assign(req, { rawBody });
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  return body as Record<string, unknown>;
}

/**
 * Requests whose repeat could act twice, so a replay marker is worth its Redis round trip: every command,
 * button, modal and event, except Slack's URL and SSL checks, and except an answer click. The answer
 * script already takes a player's first answer only, so a replayed answer changes nothing (the player is
 * told again that they answered), and the answer path stays one Redis round trip.
 */
export function actsOnRepeat(payload: Record<string, unknown>): boolean {
  if (payload.type === 'url_verification' || payload.ssl_check !== undefined) return false;
  return !isAnswerClick(payload);
}

function isAnswerClick(payload: Record<string, unknown>): boolean {
  if (payload.type !== 'block_actions' || !Array.isArray(payload.actions) || payload.actions.length !== 1) {
    return false;
  }
  const actionId = (payload.actions[0] as { action_id?: unknown } | null)?.action_id;
  return typeof actionId === 'string' && decodeAction(actionId)?.kind === 'answer';
}
