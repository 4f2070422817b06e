import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandContext, CommandReply } from '../../../core/commands/command-reply.js';
import type { QuizCommand } from '../../../core/commands/parse-quiz-command.js';
import type { Locale } from '../../../core/model/model.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { ClientRateLimiter } from '../client-rate-limiter.js';
import { acceptedLocale, readCookie, readForm, sendPage, sessionCookieName } from './dashboard-http.js';
import { DASH_PATHS, messagePage, type NavItem, renderLayout } from './dashboard-layout.js';
import type { DashboardPages, DashboardViewer, PageResult } from './dashboard-pages.js';
import { csrfMatches, type DashboardSignIn, type SignedIn } from './dashboard-sign-in.js';
import { webMessagesFor } from './web-messages.js';

export interface DashboardRoutesDeps {
  pages: DashboardPages;
  signIn: DashboardSignIn;
  /** The chat's command service: triage and the language switch do exactly what the commands do. */
  commands: { run(command: QuizCommand, ctx: CommandContext): Promise<CommandReply> };
  /** The chat's admin rule for the session's platform, asked on every admin page and action. */
  isAdmin(scope: string, playerId: string): Promise<boolean>;
  /** The player's `/quiz lang` choice, if any. */
  playerLocale(scope: string, playerId: string): Promise<Locale | null>;
  defaultLocale: Locale;
  /** PUBLIC_URL is https: the cookie is `__Host-` prefixed and Secure. */
  secureCookies: boolean;
  /** The origin forms must come from (PUBLIC_URL's); null: the request's own Host (console mode). */
  publicOrigin: string | null;
  /** Console mode: the Host names accepted (loopback with the port); null: any. */
  allowedHosts?: () => readonly string[] | null;
  limiter: ClientRateLimiter;
  /** The stylesheet's text, or null while it is missing. */
  stylesheet(): string | null;
  log: Logger;
}

/** The web side's own short pages (sign-in help, refusals), by what happened. */
export type PlainPage = 'tooMany' | 'unavailable' | 'signIn' | 'notFound' | 'forbidden' | 'csrf';

/**
 * What every dashboard request needs: who asks (session, fresh admin check, language), the CSRF check of
 * a form, the refusal pages, and a page wrapped in the layout.
 */
export class DashboardRequests {
  private readonly cookieName: string;

  constructor(private readonly deps: DashboardRoutesDeps) {
    this.cookieName = sessionCookieName(deps.secureCookies);
  }

  /** The request's language before a session says whose it is. */
  browserLocale(req: IncomingMessage): Locale {
    return acceptedLocale(req.headers['accept-language']) ?? this.deps.defaultLocale;
  }

  plain(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    kind: PlainPage,
    locale = this.browserLocale(req),
  ): void {
    const w = webMessagesFor(locale);
    const [title, text]: [string, string] = (
      {
        tooMany: [w.tooManyTitle, w.tooManyText],
        unavailable: [w.unavailableTitle, w.unavailableText],
        signIn: [w.signInTitle, w.signInText],
        notFound: [w.notFoundTitle, w.notFoundText],
        forbidden: [w.forbiddenTitle, w.forbiddenText],
        csrf: [w.csrfTitle, w.csrfText],
      } satisfies Record<PlainPage, [string, string]>
    )[kind];
    sendPage(res, status, renderLayout({ locale, title, body: messagePage(title, text) }));
  }

  /** The signed-in viewer with a fresh admin check and language, or null (the sign-in page is sent). */
  async viewerOf(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ viewer: DashboardViewer; signedIn: SignedIn } | null> {
    const { deps } = this;
    const signedIn = await deps.signIn.session(readCookie(req, this.cookieName));
    if (!signedIn) {
      this.plain(req, res, 401, 'signIn');
      return null;
    }
    const { session } = signedIn;
    const [isAdmin, own] = await Promise.all([
      deps.isAdmin(session.scope, session.playerId),
      deps.playerLocale(session.scope, session.playerId),
    ]);
    const locale = own ?? acceptedLocale(req.headers['accept-language']) ?? deps.defaultLocale;
    return {
      viewer: {
        scope: session.scope,
        playerId: session.playerId,
        isAdmin,
        locale,
        csrfToken: session.csrfToken,
      },
      signedIn,
    };
  }

  /** A page's result in the layout, or its refusal page. */
  show(
    req: IncomingMessage,
    res: ServerResponse,
    viewer: DashboardViewer,
    current: NavItem | undefined,
    result: PageResult,
  ): void {
    if ('kind' in result) {
      const forbidden = result.kind === 'forbidden';
      this.plain(req, res, forbidden ? 403 : 404, forbidden ? 'forbidden' : 'notFound', viewer.locale);
      return;
    }
    const layoutViewer = {
      isAdmin: viewer.isAdmin,
      csrfToken: viewer.csrfToken,
      back: req.url ?? DASH_PATHS.me,
      ...(current ? { current } : {}),
    };
    const html = renderLayout({
      locale: viewer.locale,
      title: result.title,
      body: result.html,
      viewer: layoutViewer,
    });
    sendPage(res, 200, html);
  }

  /** A signed-in POST with its form: null (and the refusal sent) without a session or a matching `_csrf`. */
  async formPost(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer | null,
  ): Promise<{ viewer: DashboardViewer; signedIn: SignedIn; form: URLSearchParams } | null> {
    const found = await this.viewerOf(req, res);
    if (!found) return null;
    const form = readForm(req, body);
    if (!form || !csrfMatches(found.signedIn.session, form.get('_csrf'))) {
      this.plain(req, res, 403, 'csrf', found.viewer.locale);
      return null;
    }
    return { ...found, form };
  }

  /** The viewer as the chat's commands see a user, with the platform's admin rule asked afresh. */
  commandContext(viewer: DashboardViewer): CommandContext {
    return {
      scope: viewer.scope,
      channelId: 'dashboard',
      userId: viewer.playerId,
      displayName: '',
      locale: viewer.locale,
      isAdmin: () => this.deps.isAdmin(viewer.scope, viewer.playerId),
    };
  }
}
