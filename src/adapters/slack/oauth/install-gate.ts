import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../../core/model/model.js';
import type { Logger } from '../../../core/ports/logger.js';
import { type Messages, messagesFor } from '../../../core/presentation/messages/index.js';
import { page, retry } from './install-pages.js';
import { pageLocale } from './page-locale.js';
import type { SignedStateStore, StateRecords } from './signed-state-store.js';

export interface InstallGateDeps {
  records: Pick<StateRecords, 'stateCheckAvailable'>;
  stateStore: Pick<SignedStateStore, 'verifyStateParam'>;
  locale: Locale;
  installPath: string;
  stateCookieName: string;
  log: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
}

type Next = () => void;

/**
 * What the install routes decide before Bolt's InstallProvider runs: a 503 at once when a returned state
 * could not be checked (Redis down), a cancelled install that spends its state (Bolt throws before
 * looking at it), a redirect without a code answered 400, and the page for a client over its limit.
 */
export class InstallGate {
  constructor(private readonly deps: InstallGateDeps) {}

  /** `GET /slack/install`: starting writes nothing, but an install that cannot finish is not started. */
  async install(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    if (!(await this.deps.records.stateCheckAvailable())) {
      this.unavailable(req, res);
      return;
    }
    next();
  }

  /** `GET /slack/oauth_redirect`. */
  async redirect(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
    if (!(await this.deps.records.stateCheckAvailable())) {
      this.unavailable(req, res);
      return;
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (query.has('error')) {
      await this.spendCancelled(req, res, query.get('state'));
      this.deps.log.info({ error: query.get('error')?.slice(0, 40) }, 'install cancelled');
      this.page(req, res, 200, (m) => m.installCancelled);
      return;
    }
    if (!query.get('code')) {
      this.deps.log.info({ reason: 'no code in the redirect' }, 'install refused');
      this.page(req, res, 400, (m) => m.installMissingCode);
      return;
    }
    next();
  }

  /** The answer to a client over the install routes' rate limit (429). */
  tooMany(req: IncomingMessage, res: ServerResponse): void {
    this.page(req, res, 429, (m) => m.installTooMany);
  }

  /**
   * A cancelled install's state is spent as a finished one would be, so it cannot be used afterwards;
   * only the state this browser started (its cookie) is, and the cookie is cleared.
   */
  private async spendCancelled(
    req: IncomingMessage,
    res: ServerResponse,
    state: string | null,
  ): Promise<void> {
    const name = this.deps.stateCookieName;
    if (!state || !cookieValue(req, name, state)) return;
    res.setHeader(
      'set-cookie',
      `${name}=deleted; Secure; HttpOnly; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
    );
    await this.deps.stateStore.verifyStateParam(this.deps.now?.() ?? new Date(), state).catch(() => {});
  }

  private unavailable(req: IncomingMessage, res: ServerResponse): void {
    this.page(req, res, 503, (m) => m.unavailable);
  }

  private page(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    text: (m: Messages) => string,
  ): void {
    const m = messagesFor(pageLocale(req, this.deps.locale));
    page(res, m, status, m.installRefusedTitle, [text(m)], retry(this.deps, m));
  }
}

function cookieValue(req: IncomingMessage, name: string, expected: string): boolean {
  return (req.headers.cookie ?? '').split(';').some((part) => part.trim() === `${name}=${expected}`);
}
