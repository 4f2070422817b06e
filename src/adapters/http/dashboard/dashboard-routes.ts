import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QuizCommand } from '../../../core/commands/parse-quiz-command.js';
import { isStoreUnavailable } from '../../../core/model/errors.js';
import { isLocale } from '../../../core/presentation/messages/index.js';
import type { HttpRoute, Refusal } from '../http-listener.js';
import { crossSite, pathOf, queryOf, readForm, redirect, sendPage, sessionCookie } from './dashboard-http.js';
import { DASH_PATHS, messagePage, type NavItem, renderLayout } from './dashboard-layout.js';
import { type DashboardViewer, type PageResult, STYLESHEET_PATH } from './dashboard-pages.js';
import { DashboardRequests, type DashboardRoutesDeps } from './dashboard-requests.js';
import { LOGIN_PATH, SESSION_TTL_MS } from './dashboard-sign-in.js';
import { escapeHtml } from './html.js';
import { webMessagesFor } from './web-messages.js';

export type { DashboardRoutesDeps } from './dashboard-requests.js';

const POST_BODY = { limitBytes: 8 * 1024, deadlineMs: 10_000 };
const QUESTION_ID = /^[A-Za-z0-9._-]{1,80}$/;

/**
 * The dashboard's routes under `/dash/`: the sign-in link (GET shows a button, POST spends it), the pages
 * (from `DashboardPages`, in the layout), triage and language forms (CSRF-checked), sign-out and the
 * stylesheet. The scope always comes from the session, never from the URL.
 */
export function dashboardRoutes(deps: DashboardRoutesDeps): HttpRoute[] {
  const requests = new DashboardRequests(deps);
  const plain = requests.plain.bind(requests);
  const browserLocale = requests.browserLocale.bind(requests);
  /** A reused, expired or forged sign-in link: the same clear page for a GET and a POST, and no session. */
  const sendLinkInvalid = (req: IncomingMessage, res: ServerResponse): void => {
    const locale = browserLocale(req);
    const w = webMessagesFor(locale);
    const title = w.linkInvalidTitle;
    sendPage(res, 410, renderLayout({ locale, title, body: messagePage(title, w.linkInvalidText) }));
  };
  const viewerOf = requests.viewerOf.bind(requests);
  const formPost = requests.formPost.bind(requests);
  const commandContext = requests.commandContext.bind(requests);
  const show = (
    res: ServerResponse,
    viewer: DashboardViewer,
    current: NavItem | undefined,
    result: PageResult,
    req: IncomingMessage,
  ): void => requests.show(req, res, viewer, current, result);
  const rateLimit = {
    limiter: deps.limiter,
    refuse: (req: IncomingMessage, res: ServerResponse) => plain(req, res, 429, 'tooMany'),
  };
  const precheck = (req: IncomingMessage): Refusal | null => {
    const hosts = deps.allowedHosts?.();
    if (hosts && !hosts.includes(String(req.headers.host ?? '').toLowerCase())) {
      return { status: 421, reason: 'host is not a loopback name' };
    }
    if (req.method === 'POST' && crossSite(req, deps.publicOrigin))
      return { status: 403, reason: 'cross-site form' };
    return null;
  };
  const route = (
    method: 'GET' | 'POST',
    path: string,
    handle: (req: IncomingMessage, res: ServerResponse, body: Buffer | null) => Promise<void>,
    prefix = false,
  ): HttpRoute => ({
    method,
    path,
    ...(prefix ? { prefix: true as const } : {}),
    rateLimit,
    precheck,
    ...(method === 'POST' ? { body: POST_BODY } : {}),
    handle: (req, res, body) =>
      handle(req, res, body).catch((error: unknown) => {
        if (!isStoreUnavailable(error) || res.headersSent) throw error;
        deps.log.warn({ err: error, path: pathOf(req) }, 'store unavailable for a dashboard request');
        plain(req, res, 503, 'unavailable');
      }),
  });

  const page = (
    path: string,
    current: NavItem,
    render: (viewer: DashboardViewer, req: IncomingMessage) => Promise<PageResult>,
  ): HttpRoute =>
    route('GET', path, async (req, res) => {
      const found = await viewerOf(req, res);
      if (!found) return;
      const { viewer } = found;
      if (current === 'questions' && !viewer.isAdmin) {
        plain(req, res, 403, 'forbidden', viewer.locale);
        return;
      }
      show(res, viewer, current, await render(viewer, req), req);
    });

  const triage =
    (action: 'dismiss' | 'restore') =>
    async (
      req: IncomingMessage,
      res: ServerResponse,
      body: Buffer | null,
      questionId: string,
    ): Promise<void> => {
      const posted = await formPost(req, res, body);
      if (!posted) return;
      if (!posted.viewer.isAdmin) {
        plain(req, res, 403, 'forbidden', posted.viewer.locale);
        return;
      }
      const command: QuizCommand =
        action === 'dismiss' ? { kind: 'reports-dismiss', questionId } : { kind: 'restore', questionId };
      await deps.commands.run(command, commandContext(posted.viewer));
      redirect(res, `${DASH_PATHS.questionPrefix}${encodeURIComponent(questionId)}`);
    };
  const dismiss = triage('dismiss');
  const restore = triage('restore');

  return [
    route('GET', LOGIN_PATH, async (req, res) => {
      const token = queryOf(req).get('t') ?? '';
      const locale = browserLocale(req);
      const w = webMessagesFor(locale);
      if (!(await deps.signIn.linkValid(token))) {
        sendLinkInvalid(req, res);
        return;
      }
      const form = `<form method="post" action="${LOGIN_PATH}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit" class="primary">${escapeHtml(w.loginButton)}</button></form>`;
      sendPage(
        res,
        200,
        renderLayout({ locale, title: w.loginTitle, body: messagePage(w.loginTitle, w.loginText, form) }),
      );
    }),
    route('POST', LOGIN_PATH, async (req, res, body) => {
      const spent = await deps.signIn.spend(readForm(req, body)?.get('t') ?? '');
      if (!spent) {
        sendLinkInvalid(req, res);
        return;
      }
      redirect(res, DASH_PATHS.me, [
        sessionCookie(deps.secureCookies, spent.cookieValue, SESSION_TTL_MS / 1000),
      ]);
    }),
    route('POST', DASH_PATHS.signOut, async (req, res, body) => {
      const posted = await formPost(req, res, body);
      if (!posted) return;
      await deps.signIn.signOut(posted.signedIn);
      const w = webMessagesFor(posted.viewer.locale);
      res.setHeader('set-cookie', sessionCookie(deps.secureCookies, '', 0));
      sendPage(
        res,
        200,
        renderLayout({
          locale: posted.viewer.locale,
          title: w.signedOutTitle,
          body: messagePage(w.signedOutTitle, w.signedOutText),
        }),
      );
    }),
    route('POST', DASH_PATHS.language, async (req, res, body) => {
      const posted = await formPost(req, res, body);
      if (!posted) return;
      const locale = posted.form.get('locale') ?? '';
      if (isLocale(locale)) await deps.commands.run({ kind: 'lang', locale }, commandContext(posted.viewer));
      redirect(res, safeReturn(posted.form.get('back')));
    }),
    // `/dash` as typed: the dashboard is `/dash/`.
    route('GET', '/dash', async (_req, res) => redirect(res, DASH_PATHS.me)),
    page(DASH_PATHS.me, 'me', (viewer) => deps.pages.me(viewer)),
    page(DASH_PATHS.meAlias, 'me', (viewer) => deps.pages.me(viewer)),
    page(DASH_PATHS.team, 'team', (viewer) => deps.pages.team(viewer)),
    page(DASH_PATHS.questions, 'questions', (viewer, req) => deps.pages.questions(viewer, queryOf(req))),
    route(
      'GET',
      DASH_PATHS.questionPrefix,
      async (req, res) => {
        const id = questionIdOf(pathOf(req), '');
        const found = await viewerOf(req, res);
        if (!found) return;
        if (!found.viewer.isAdmin) return plain(req, res, 403, 'forbidden', found.viewer.locale);
        if (!id) return plain(req, res, 404, 'notFound', found.viewer.locale);
        show(res, found.viewer, 'questions', await deps.pages.question(found.viewer, id), req);
      },
      true,
    ),
    route(
      'POST',
      DASH_PATHS.questionPrefix,
      async (req, res, body) => {
        const path = pathOf(req);
        const dismissId = questionIdOf(path, '/dismiss');
        const restoreId = questionIdOf(path, '/restore');
        if (dismissId) return dismiss(req, res, body, dismissId);
        if (restoreId) return restore(req, res, body, restoreId);
        plain(req, res, 404, 'notFound');
      },
      true,
    ),
    route('GET', STYLESHEET_PATH, async (_req, res) => {
      const css = deps.stylesheet();
      if (css === null) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      });
      res.end(css);
    }),
  ];
}

/** `/dash/questions/<id><suffix>` -> the decoded id, when it is one a question bank could hold. */
function questionIdOf(path: string, suffix: string): string | null {
  if (!path.startsWith(DASH_PATHS.questionPrefix) || !path.endsWith(suffix)) return null;
  const raw = path.slice(DASH_PATHS.questionPrefix.length, path.length - suffix.length);
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return QUESTION_ID.test(id) ? id : null;
}

/** Back to the dashboard page the form was on (a path under /dash/ only: never another site), else Me. */
function safeReturn(back: string | null): string {
  return back && /^\/dash\/[A-Za-z0-9._~%/?=&-]*$/.test(back) ? back : DASH_PATHS.me;
}
