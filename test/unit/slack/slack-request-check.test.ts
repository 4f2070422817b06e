import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  actsOnRepeat,
  signatureHeaders,
  signedBySlack,
  slackPayload,
} from '../../../src/adapters/slack/slack-request-check.js';
import { encodeAction } from '../../../src/core/presentation/action-id.js';

const NOW = Date.UTC(2030, 0, 1, 12);
const secret = 'unit-signing-secret';

function request(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

function signed(body: string, ts = NOW / 1000) {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

describe('the Slack request checks', () => {
  it('take a timestamp within five minutes either way, and refuse missing or malformed headers', () => {
    const at = (offsetSec: number) => signatureHeaders(request(signed('{}', NOW / 1000 + offsetSec)), NOW);
    expect(at(0)).not.toBeNull();
    expect(at(-300)).not.toBeNull();
    expect(at(300)).not.toBeNull();
    expect(at(-301)).toBeNull();
    expect(at(301)).toBeNull();
    expect(at(86_400)).toBeNull();
    expect(signatureHeaders(request({}), NOW)).toBeNull();
    expect(
      signatureHeaders(
        request({ 'x-slack-request-timestamp': String(NOW / 1000), 'x-slack-signature': 'v0=zz' }),
        NOW,
      ),
    ).toBeNull();
  });

  it('verify the signature over the exact bytes', () => {
    const headers = signatureHeaders(request(signed('{"a":1}')), NOW);
    if (!headers) throw new Error('headers refused');
    expect(signedBySlack(headers, Buffer.from('{"a":1}'), secret)).toBe(true);
    expect(signedBySlack(headers, Buffer.from('{"a":2}'), secret)).toBe(false);
    expect(signedBySlack(headers, Buffer.from('{"a":1}'), 'another-secret')).toBe(false);
  });

  it('read only objects as payloads, as Bolt parses them', () => {
    const json = (body: string) =>
      slackPayload(request({ 'content-type': 'application/json' }), Buffer.from(body));
    const form = (body: string) =>
      slackPayload(request({ 'content-type': 'application/x-www-form-urlencoded' }), Buffer.from(body));
    for (const body of ['null', '[]', '5', '"x"', 'true', '{']) expect(json(body), body).toBeNull();
    expect(json('{"type":"event_callback"}')).toEqual({ type: 'event_callback' });
    expect(form('payload=null')).toBeNull();
    expect(form('payload=%5B%5D')).toBeNull();
    expect(form('command=%2Fquiz&text=help')).toMatchObject({ command: '/quiz', text: 'help' });
  });

  it('remember every payload but Slack URL and SSL checks and answer clicks (one Redis call)', () => {
    const click = (actionId: string) => ({ type: 'block_actions', actions: [{ action_id: actionId }] });
    expect(actsOnRepeat(click(encodeAction({ kind: 'answer', roundId: 'r1', choice: 'A' })))).toBe(false);
    expect(actsOnRepeat(click(encodeAction({ kind: 'pick', roundId: 'r1' })))).toBe(true);
    expect(actsOnRepeat(click('open-docs'))).toBe(true);
    expect(actsOnRepeat({ type: 'block_actions' })).toBe(true);
    expect(actsOnRepeat({ command: '/quiz' })).toBe(true);
    expect(actsOnRepeat({ type: 'url_verification' })).toBe(false);
    expect(actsOnRepeat({ ssl_check: '1' })).toBe(false);
  });
});
