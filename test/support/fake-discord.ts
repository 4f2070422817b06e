import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Discord on loopback for the real discord.js Client: the REST API the bot uses (gateway
 * discovery, interaction callbacks, webhook edits, channel messages, command registration) and a gateway
 * (HELLO, IDENTIFY/READY, RESUME/RESUMED, heartbeats, dispatches). It records every request.
 *
 * Protocol notes (see the research notes, section 2.2): a 204 must carry no content-type (discord.js
 * would parse the empty body), `@original` arrives as `%40original`, and interaction callbacks and webhook
 * edits come without an Authorization header.
 */

export const APP_ID = '100000000000000001';
export const BOT_USER = {
  id: APP_ID,
  username: 'quizbot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10`, URL-decoded (`/webhooks/…/messages/@original`). */
  route: string;
  query: URLSearchParams;
  auth: string | undefined;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Failure {
  match: (request: RecordedRequest) => boolean;
  response: FakeResponse;
  times: number;
}

interface Session {
  id: string;
  socket: WebSocket;
  seq: number;
  shard: [number, number];
}

export interface FakeDiscordOptions {
  /** Small, so heartbeats (and their ACKs) really happen during a test. */
  heartbeatIntervalMs?: number;
  /** What GET /gateway/bot recommends. */
  shards?: number;
}

let nextSnowflake = 1_300_000_000_000_000_000n;
/** Ids that parse as snowflakes (discord.js reads timestamps out of them). */
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  heartbeats = 0;
  connections = 0;
  /** READY and RESUMED sent so far. */
  private readyCount = 0;
  readonly events = new EventEmitter();
  private readonly failures: Failure[] = [];
  private readonly holds: { match: (request: RecordedRequest) => boolean; released: Promise<void> }[] = [];
  private readonly sessions = new Map<string, Session>();
  /** Channel of each interaction token, for the message objects webhook edits return. */
  private readonly tokenChannels = new Map<string, string>();
  /** Messages created with an enforced nonce, by nonce. */
  private readonly nonceMessages = new Map<string, ReturnType<typeof messageJson>>();
  private wss!: WebSocketServer;

  private constructor(
    private readonly server: Server,
    private readonly options: Required<FakeDiscordOptions>,
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, { heartbeatIntervalMs: 200, shards: 1, ...options });
    server.on('request', (req, res) => void fake.onRequest(req, res));
    fake.events.setMaxListeners(0); // one waiter per pending interaction in the burst tests
    fake.wss = new WebSocketServer({ server });
    fake.wss.on('connection', (socket) => fake.onConnection(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL / `rest.api` should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- REST ----

  /** The next `times` requests matching `match` get `response` instead of the normal answer. */
  fail(
    match: (request: RecordedRequest) => boolean,
    response: FakeResponse,
    times = Number.POSITIVE_INFINITY,
  ): void {
    this.failures.push({ match, response, times });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  /**
   * Requests matching `match` are recorded at once but answered only after `release()`: a Discord that
   * is slow to take a reply, so the bot's handling is still in flight.
   */
  hold(match: (request: RecordedRequest) => boolean): { release(): void } {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ match, released });
    return { release };
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRequest = (request: RecordedRequest): void => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.events.off('request', onRequest);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.events.off('request', onRequest);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n${this.describeRequests()}`));
      }, timeoutMs);
      this.events.on('request', onRequest);
    });
  }

  describeRequests(): string {
    return this.requests.map((r) => `  ${r.method} ${r.route}`).join('\n');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      route,
      query: url.searchParams,
      auth: req.headers.authorization,
      body: raw ? JSON.parse(raw) : undefined,
    };
    this.requests.push(request);
    const held = this.holds.find((h) => h.match(request));
    if (held) await held.released;
    const failure = this.failures.find((f) => f.times > 0 && f.match(request));
    let response: FakeResponse;
    if (failure) {
      failure.times -= 1;
      response = failure.response;
    } else {
      response = this.answer(request);
    }
    // Recorded before answering, announced after: a waiter sees the request with its outcome decided.
    this.send(res, response);
    this.events.emit('request', request);
  }

  private send(res: ServerResponse, response: FakeResponse): void {
    if (response.body === undefined) {
      res.writeHead(response.status, response.headers ?? {});
      res.end();
      return;
    }
    res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
    res.end(JSON.stringify(response.body));
  }

  private answer(request: RecordedRequest): FakeResponse {
    const { method, route } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && route === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.options.shards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(route)) return { status: 204 };
    const webhook = route.match(/^\/webhooks\/\d+\/([^/]+)(\/messages\/(@original|\d+))?$/);
    if (webhook && ['GET', 'POST', 'PATCH'].includes(method)) {
      const channelId = this.tokenChannels.get(webhook[1] ?? '') ?? '0';
      return { status: 200, body: messageJson(snowflake(), channelId, body) };
    }
    const post = route.match(/^\/channels\/(\d+)\/messages$/);
    if (post && method === 'POST') {
      // enforce_nonce: the same nonce again (within minutes on Discord) returns the first message.
      const nonce = body.enforce_nonce === true && body.nonce !== undefined ? String(body.nonce) : null;
      const earlier = nonce === null ? undefined : this.nonceMessages.get(nonce);
      if (earlier) return { status: 200, body: earlier };
      const message = messageJson(snowflake(), post[1] ?? '0', body);
      if (nonce !== null) this.nonceMessages.set(nonce, message);
      return { status: 200, body: message };
    }
    // A DM channel with a user (the bot's private messages outside an interaction).
    if (method === 'POST' && route === '/users/@me/channels') {
      return {
        status: 200,
        body: { id: snowflake(), type: 1, recipients: [{ id: String(body.recipient_id) }] },
      };
    }
    const edit = route.match(/^\/channels\/(\d+)\/messages\/(\d+)$/);
    if (edit && method === 'PATCH')
      return { status: 200, body: messageJson(edit[2] ?? '0', edit[1] ?? '0', body) };
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const commands = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
      return {
        status: 200,
        body: commands.map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  // ---- gateway ----

  /** Sends an event to the shard's current session (shard 0 by default). */
  dispatch(event: string, data: unknown, shardId = 0): void {
    const session = this.liveSession(shardId);
    if (!session) throw new Error(`no live gateway session for shard ${shardId}`);
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: 0, t: event, s: session.seq, d: data }));
  }

  /**
   * Resolves once the shard has a live session. discord.js closes and resumes a connection whose heartbeat
   * ACK came late (the tests' heartbeat is 200 ms, so a loaded machine can cause it): a dispatch in that gap
   * would find no socket, where real Discord would deliver it after the resume.
   */
  async waitForLiveSession(shardId = 0, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.liveSession(shardId)) {
      if (Date.now() > deadline)
        throw new Error(`no live gateway session for shard ${shardId} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The shard's session whose socket is open, if any. */
  private liveSession(shardId: number): Session | undefined {
    return [...this.sessions.values()].find((s) => s.shard[0] === shardId && s.socket.readyState === 1);
  }

  /** Delivers an interaction as Discord does: an INTERACTION_CREATE dispatch. */
  dispatchInteraction(interaction: { token: string; channel_id?: string }, shardId = 0): void {
    if (interaction.channel_id) this.tokenChannels.set(interaction.token, interaction.channel_id);
    this.dispatch('INTERACTION_CREATE', interaction, shardId);
  }

  /** Closes the live sockets from the server side, as a Discord edge restart does; the client resumes. */
  dropConnections(code = 4000): void {
    for (const session of this.sessions.values()) {
      if (session.socket.readyState === 1) session.socket.close(code, 'fake: connection dropped');
    }
  }

  /** Resolves when `count` sessions have become ready (READY or RESUMED) since the fake started. */
  async waitForSessions(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.readyCount < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.readyCount} of ${count} gateway sessions became ready`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private onConnection(socket: WebSocket): void {
    this.connections += 1;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      switch (payload.op) {
        case 1:
          this.heartbeats += 1;
          socket.send(JSON.stringify({ op: 11 }));
          return;
        case 2:
          this.identify(socket, payload.d as Record<string, unknown>);
          return;
        case 6:
          this.resume(socket, payload.d as Record<string, unknown>);
          return;
      }
    });
  }

  private identify(socket: WebSocket, data: Record<string, unknown>): void {
    this.identifies.push(data);
    const shard = (data.shard as [number, number] | undefined) ?? [0, 1];
    const session: Session = { id: `session-${this.identifies.length}`, socket, seq: 1, shard };
    this.sessions.set(session.id, session);
    socket.send(
      JSON.stringify({
        op: 0,
        t: 'READY',
        s: session.seq,
        d: {
          v: 10,
          user: BOT_USER,
          guilds: [],
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          shard,
          application: { id: APP_ID, flags: 0 },
        },
      }),
    );
    this.readyCount += 1;
    this.events.emit('ready', session.id);
  }

  private resume(socket: WebSocket, data: Record<string, unknown>): void {
    this.resumes.push(data);
    const session = this.sessions.get(String(data.session_id));
    if (!session) {
      socket.send(JSON.stringify({ op: 9, d: false })); // INVALID_SESSION: identify again
      return;
    }
    session.socket = socket;
    session.seq += 1;
    socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.seq, d: {} }));
    this.readyCount += 1;
    this.events.emit('resumed', session.id);
  }
}

/** A message object complete enough for discord.js to build a Message from it. */
export function messageJson(
  id: string,
  channelId: string,
  body: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: body.content ?? '',
    author: BOT_USER,
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: typeof body.flags === 'number' ? body.flags : 0,
  };
}
