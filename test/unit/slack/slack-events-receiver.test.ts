import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackEventsReceiver } from '../../../src/adapters/slack/slack-events-receiver.js';

const quiet: BoltLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

interface Bed {
  app: App;
  unacked: string[];
  errors: unknown[];
  /** POSTs `body` (already parsed, as the listener in front hands it over) and returns the answer. */
  post(body: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer>;
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

let server: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function bed(unhandledRequestTimeoutMillis?: number): Promise<Bed> {
  const unacked: string[] = [];
  const errors: unknown[] = [];
  const receiver = new SlackEventsReceiver({
    logUnacked: (message) => unacked.push(message),
    onError: (error) => errors.push(error),
    ...(unhandledRequestTimeoutMillis !== undefined ? { unhandledRequestTimeoutMillis } : {}),
  });
  // A real Bolt App on this receiver: every global middleware and listener runs as in production.
  // `authorize` rather than a token: a token would be checked with auth.test on the first request.
  const app = new App({
    authorize: async () => ({ botToken: 'xoxb-unit', botId: 'B1', botUserId: 'UB1' }),
    receiver,
    logger: quiet,
  });
  const bodies = new Map<string, Record<string, unknown>>();
  server = createServer((req, res) => {
    const body = bodies.get(String(req.headers['x-body-id']));
    req.resume();
    req.on('end', () => void receiver.dispatch(req, res, body ?? {}));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let next = 0;
  return {
    app,
    unacked,
    errors,
    async post(body, headers = {}) {
      const id = String(next++);
      bodies.set(id, body);
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'x-body-id': id, ...headers },
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        text: await response.text(),
      };
    },
  };
}

const command = (text: string) => ({
  command: '/quiz',
  text,
  team_id: 'T1',
  user_id: 'U1',
  user_name: 'ann',
  channel_id: 'C1',
  response_url: 'http://127.0.0.1:9/response',
  trigger_id: 'trigger-1',
});

const viewSubmission = {
  type: 'view_submission',
  team: { id: 'T1' },
  user: { id: 'U1', name: 'ann', team_id: 'T1' },
  view: { id: 'V1', callback_id: 'form', state: { values: {} }, private_metadata: '' },
};

describe('the Slack events receiver', () => {
  it("writes the listener's ack at once: empty, text, or JSON, with the retry headers in the context", async () => {
    const b = await bed();
    const seen: Array<{ text: string; retryNum?: number; retryReason?: string }> = [];
    b.app.command('/quiz', async ({ ack, command: c, context }) => {
      seen.push({ text: c.text, retryNum: context.retryNum, retryReason: context.retryReason });
      await ack(c.text === 'say' ? 'said' : undefined);
    });
    b.app.view('form', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { reason: 'pick one' } });
    });

    expect(await b.post(command('plain'))).toEqual({ status: 200, contentType: null, text: '' });
    expect(
      await b.post(command('say'), { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' }),
    ).toEqual({ status: 200, contentType: null, text: 'said' });
    const form = await b.post(viewSubmission);
    expect(form.status).toBe(200);
    expect(form.contentType).toBe('application/json');
    expect(JSON.parse(form.text)).toEqual({ response_action: 'errors', errors: { reason: 'pick one' } });
    expect(seen).toEqual([
      { text: 'plain', retryNum: undefined, retryReason: undefined },
      { text: 'say', retryNum: 2, retryReason: 'http_timeout' },
    ]);
  });

  it("answers Slack's SSL check and URL verification itself, without a listener", async () => {
    const b = await bed();
    let calls = 0;
    b.app.use(async () => {
      calls++;
    });
    expect(await b.post({ ssl_check: '1', token: 'x' })).toEqual({
      status: 200,
      contentType: null,
      text: '',
    });
    const verification = await b.post({ type: 'url_verification', challenge: 'abc' });
    expect(verification.status).toBe(200);
    expect(JSON.parse(verification.text)).toEqual({ challenge: 'abc' });
    expect(calls).toBe(0);
  });

  it('answers 404 and logs Bolt’s line when nobody acks in time, and refuses a second ack', async () => {
    const b = await bed(50);
    const secondAck: unknown[] = [];
    b.app.command('/quiz', async ({ ack, command: c }) => {
      if (c.text === 'never') return;
      await ack();
      await ack().catch((error: unknown) => secondAck.push(error));
    });
    expect((await b.post(command('never'))).status).toBe(404);
    expect(b.unacked).toEqual([expect.stringContaining('not acknowledged within 3 seconds')]);
    expect((await b.post(command('twice'))).status).toBe(200);
    expect(secondAck).toEqual([expect.objectContaining({ code: 'slack_bolt_receiver_ack_multiple_error' })]);
  });

  it('answers 500 when Bolt fails before an ack, and keeps the 200 when it fails after one', async () => {
    const b = await bed();
    const processEvent = b.app.processEvent.bind(b.app);
    b.app.processEvent = async (event) => {
      if (event.body.text === 'after') {
        await event.ack();
        throw new Error('after the ack');
      }
      if (event.body.text === 'before') throw new Error('before the ack');
      await processEvent(event);
    };
    expect((await b.post(command('before'))).status).toBe(500);
    expect((await b.post(command('after'))).status).toBe(200);
    expect(b.errors.map((e) => (e as Error).message)).toEqual(['before the ack', 'after the ack']);
  });
});
