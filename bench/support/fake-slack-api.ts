import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * Slack's side of the benchmark, on loopback in the bench process: the Web API methods the apps call
 * (`/api/<method>`) and the `response_url` sinks (`/response/<id>`). Unlike the test fake it keeps no
 * request log, only what the bench measures: when each private reply arrived (high-resolution, on the
 * same clock as the load generator) and its text, and the blocks of posted messages (to find a round id).
 */

export interface PostedMessage {
  channel: string;
  blocks: unknown;
}

export interface ArrivedReply {
  /** `performance.now()` when the whole body had arrived. */
  at: number;
  text: string;
}

export class FakeSlackApi {
  readonly replies = new Map<string, ArrivedReply>();
  readonly posted: PostedMessage[] = [];
  readonly methodCalls = new Map<string, number>();
  private readonly server: Server;
  private ts = 1_700_000_000;
  private postedWaiters: (() => void)[] = [];
  private readonly replyWaiters = new Map<string, () => void>();
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Slack keeps connections alive; a short idle timeout would add reconnects between bench levels.
    this.server.keepAliveTimeout = 60_000;
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Resolves with the first message posted to `channel` (past or future). */
  async waitForPost(channel: string, timeoutMs = 10_000): Promise<PostedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.posted.find((p) => p.channel === channel);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`nothing was posted to ${channel} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.postedWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the reply to `id` has arrived, or after `timeoutMs` (a missing reply is counted later). */
  waitForReply(id: string, timeoutMs: number): Promise<void> {
    if (this.replies.has(id)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replyWaiters.delete(id);
        resolve();
      }, timeoutMs);
      this.replyWaiters.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves once every id has a reply, or when `timeoutMs` has passed; returns how many are missing. */
  async waitForReplies(ids: readonly string[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let missing = ids.filter((id) => !this.replies.has(id));
    while (missing.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      missing = missing.filter((id) => !this.replies.has(id));
    }
    return missing.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const at = performance.now();
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      this.replies.set(id, { at, text: replyText(raw) });
      this.replyWaiters.get(id)?.();
      this.replyWaiters.delete(id);
      this.json(res, { ok: true });
      return;
    }
    const method = path.replace(/^\/api\//, '').replace(/\?.*$/, '');
    this.methodCalls.set(method, (this.methodCalls.get(method) ?? 0) + 1);
    this.json(res, { ok: true, ...this.answer(method, new URLSearchParams(raw)) });
  }

  private answer(method: string, form: URLSearchParams): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'TBENCH', user: 'quizbot' };
      case 'chat.postMessage': {
        const channel = form.get('channel') ?? '';
        this.posted.push({ channel, blocks: JSON.parse(form.get('blocks') ?? '[]') });
        for (const wake of this.postedWaiters.splice(0)) wake();
        return { channel, ts: `${++this.ts}.000100` };
      }
      case 'chat.update':
        return { channel: form.get('channel'), ts: form.get('ts') };
      case 'users.info':
        // Admins come from QUIZ_ADMIN_USER_IDS; nobody else is one.
        return { user: { id: form.get('user'), is_admin: false, is_owner: false } };
      default:
        return {};
    }
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** The fallback `text` of a response_url message (JSON), or '' when it cannot be read. */
function replyText(raw: string): string {
  try {
    const body = JSON.parse(raw) as { text?: unknown };
    return typeof body.text === 'string' ? body.text : '';
  } catch {
    return '';
  }
}
