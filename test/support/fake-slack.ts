import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A stand-in for Slack on loopback: the Web API (`/api/<method>`), `response_url` sinks (`/response/<id>`)
 * and a Socket Mode websocket (`/link`). It records every call so tests can check what the app sent.
 */

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

type Handler = (body: Record<string, unknown>, authorization: string | undefined) => Record<string, unknown>;

/** A workspace that can install the app: the OAuth code Slack would hand the browser, and what it grants. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  /** An Enterprise Grid org-wide install (no team). */
  enterpriseId?: string;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly admins = new Set<string>();
  /** Profile time zones (`tz` in users.info) by user id; users not listed have none. */
  readonly timeZones = new Map<string, string>();
  private readonly failures = new Map<string, string[]>();
  private readonly handlers = new Map<string, Handler>();
  private readonly rateLimits: { method: string; token: string; retryAfterSeconds: number }[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private ts = 1_700_000_000;
  /** OAuth codes not yet exchanged (Slack's codes work once). */
  private readonly codes = new Map<string, FakeWorkspace>();
  private readonly workspaces: FakeWorkspace[] = [];
  /** Channels the bot was removed from: every call naming one answers `not_in_channel`. */
  readonly channelsWithoutBot = new Set<string>();
  /** Tokens Slack no longer accepts: every call with one answers `token_revoked`. */
  readonly revokedTokens = new Set<string>();
  /** The app's client credentials, checked by oauth.v2.access. */
  oauthClient = { id: '1111.2222', secret: 'test-client-secret' };
  url = '';
  /** Delay before answering a response_url post (to keep replies in flight in shutdown tests). */
  responseDelayMs = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (raw) => {
        const msg = JSON.parse(raw.toString()) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.acks.get(msg.envelope_id)?.(msg.payload ?? {});
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
    });
    this.on('auth.test', (_body, authorization) => {
      const ws = this.workspaces.find((w) => `Bearer ${w.botToken}` === authorization);
      return ws
        ? {
            user_id: ws.botUserId,
            bot_id: ws.botId,
            team_id: ws.teamId,
            user: 'quizbot',
            url: 'https://x.slack.com/',
          }
        : { user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T1', user: 'quizbot' };
    });
    this.on('oauth.v2.access', (body) => this.exchange(body));
    this.on('chat.postMessage', (body) => ({ channel: body.channel, ts: `${++this.ts}.000100` }));
    this.on('chat.update', (body) => ({ channel: body.channel, ts: body.ts }));
    this.on('users.info', (body) => ({
      user: {
        id: body.user,
        is_admin: this.admins.has(String(body.user)),
        is_owner: false,
        ...(this.timeZones.has(String(body.user)) ? { tz: this.timeZones.get(String(body.user)) } : {}),
      },
    }));
    this.on('apps.connections.open', () => ({ url: `${this.url.replace('http', 'ws')}/link` }));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Answers `method` with `{ ok: true, ...handler(body) }`. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** Lets `workspace` install the app: Slack's consent page would redirect with `code`. */
  addInstallCode(code: string, workspace: FakeWorkspace): void {
    this.codes.set(code, workspace);
    if (!this.workspaces.includes(workspace)) this.workspaces.push(workspace);
  }

  /** The calls made with `token`. */
  callsWithToken(token: string): RecordedCall[] {
    return this.calls.filter((c) => c.authorization === `Bearer ${token}`);
  }

  /** The next call of `method` made with `token` answers HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, token: string, retryAfterSeconds: number): void {
    this.rateLimits.push({ method, token, retryAfterSeconds });
  }

  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Sends a Socket Mode envelope and resolves with the app's ack payload. */
  sendEnvelope(envelope: { envelope_id: string; type: string; payload: unknown }): Promise<unknown> {
    const socket = this.socket;
    if (!socket) throw new Error('no socket mode connection');
    return new Promise((resolve) => {
      this.acks.set(envelope.envelope_id, resolve);
      socket.send(JSON.stringify({ ...envelope, accepts_response_payload: true }));
    });
  }

  private exchange(body: Record<string, unknown>): Record<string, unknown> {
    if (body.client_id !== this.oauthClient.id || body.client_secret !== this.oauthClient.secret) {
      throw new Error('invalid_client_id');
    }
    const workspace = this.codes.get(String(body.code));
    if (!workspace) throw new Error('invalid_code');
    this.codes.delete(String(body.code));
    return exchangeReply(workspace);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith('/response/')) {
      if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: parseBody(raw, req) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const body = parseBody(raw, req);
    this.calls.push({ method, body, authorization: req.headers.authorization, at: Date.now() });
    const limit = this.rateLimits.findIndex(
      (l) => l.method === method && req.headers.authorization === `Bearer ${l.token}`,
    );
    const limited = this.rateLimits[limit];
    if (limited) {
      this.rateLimits.splice(limit, 1);
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(limited.retryAfterSeconds),
      });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const revoked = [...this.revokedTokens].some((t) => req.headers.authorization === `Bearer ${t}`);
    const outside = typeof body.channel === 'string' && this.channelsWithoutBot.has(body.channel);
    const failure = revoked
      ? 'token_revoked'
      : outside
        ? 'not_in_channel'
        : this.failures.get(method)?.shift();
    let reply: Record<string, unknown>;
    try {
      reply = failure
        ? { ok: false, error: failure }
        : { ok: true, ...(this.handlers.get(method)?.(body, req.headers.authorization) ?? {}) };
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  }
}

/** oauth.v2.access as Slack answers it for a bot install (https://docs.slack.dev/reference/methods/oauth.v2.access). */
function exchangeReply(ws: FakeWorkspace): Record<string, unknown> {
  return {
    access_token: ws.botToken,
    token_type: 'bot',
    scope: 'commands,chat:write,users:read,channels:history,groups:history',
    bot_user_id: ws.botUserId,
    app_id: 'A1',
    team: ws.enterpriseId ? null : { id: ws.teamId, name: ws.teamName },
    enterprise: ws.enterpriseId ? { id: ws.enterpriseId, name: 'Grid' } : null,
    is_enterprise_install: Boolean(ws.enterpriseId),
    authed_user: { id: 'UINSTALLER' },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => {
      data += chunk.toString();
    });
    req.on('end', () => resolve(data));
  });
}

/** Web API calls are form-encoded with JSON fields; response_url posts are JSON. */
function parseBody(raw: string, req: IncomingMessage): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}
