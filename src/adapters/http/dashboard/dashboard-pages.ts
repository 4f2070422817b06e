import type { Locale, ScopeId } from '../../../core/model/model.js';

/**
 * The seam between the dashboard's web side (sign-in, sessions, routes, layout, CSRF, triage actions) and its
 * pages (read models in `core/learning`, rendered here as server-side HTML with inline SVG charts).
 *
 * The web side resolves who is asking from the session and never trusts a scope or user from the URL; the
 * pages only ever read the viewer's own scope.
 */

/** Who is looking, as the session proves it. */
export interface DashboardViewer {
  scope: ScopeId;
  playerId: string;
  /** Re-checked by the web side on every admin page and action (the chat's admin rule), not just at sign-in. */
  isAdmin: boolean;
  locale: Locale;
  /** The session's CSRF token: pages put it in a hidden `_csrf` field of every form they render. */
  csrfToken: string;
}

/**
 * A page's main content, already escaped: no inline script, no `style` attributes (CSP `default-src 'self'`).
 * `html` starts with the page's own `<h1>` (the layout adds none); `title` is for the document's `<title>`.
 */
export interface PageBody {
  title: string;
  html: string;
}

export type PageResult = PageBody | { kind: 'forbidden' } | { kind: 'not-found' };

/** The dashboard's pages; the web side wraps each body in the layout (head, nav, sign-out form). */
export interface DashboardPages {
  /** Readiness per section, answers per day (8 weeks), review forecast (14 days), mock exams, streak. */
  me(viewer: DashboardViewer): Promise<PageBody>;
  /** The scope's pooled figures, each team's, the board; admins also get the members x sections heatmap. */
  team(viewer: DashboardViewer): Promise<PageBody>;
  /** Admins only: every question version's figures, flags, reports, suspension; sort and filter from `query`. */
  questions(viewer: DashboardViewer, query: URLSearchParams): Promise<PageResult>;
  /** Admins only: one question in both languages with its figures, reports, and triage forms. */
  question(viewer: DashboardViewer, questionId: string): Promise<PageResult>;
}

/**
 * The triage forms the pages render post here (with `_csrf`); the web side checks the session, the CSRF token
 * and that the viewer is still an admin, then does exactly what `/quiz reports dismiss <id>` and
 * `/quiz restore <id>` do, and redirects back to the question's page.
 */
export const TRIAGE_PATHS = {
  dismiss: (questionId: string) => `/dash/questions/${encodeURIComponent(questionId)}/dismiss`,
  restore: (questionId: string) => `/dash/questions/${encodeURIComponent(questionId)}/restore`,
} as const;

/** Served by the web side from `assets/`: the only stylesheet (CSP allows no inline style). */
export const STYLESHEET_PATH = '/dash/assets/dashboard.css';
