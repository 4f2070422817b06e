import type { Locale } from '../../../core/model/model.js';
import { STYLESHEET_PATH } from './dashboard-pages.js';
import { escapeHtml } from './html.js';
import { webMessagesFor } from './web-messages.js';

export const DASH_PATHS = {
  me: '/dash/',
  meAlias: '/dash/me',
  team: '/dash/team',
  questions: '/dash/questions',
  questionPrefix: '/dash/questions/',
  signOut: '/dash/logout',
  language: '/dash/lang',
} as const;

export type NavItem = 'me' | 'team' | 'questions';

/** What the frame around a page needs: its language, and for a signed-in viewer the nav and forms. */
export interface LayoutInput {
  locale: Locale;
  title: string;
  /** Already escaped HTML (a page body, or one of the web side's own pages built with `escapeHtml`). */
  body: string;
  viewer?: {
    isAdmin: boolean;
    csrfToken: string;
    current?: NavItem /** This page's URL: the language switch comes back to it. */;
    back?: string;
  };
}

/**
 * The HTML document around every dashboard page: no script, no inline style (CSP `default-src 'self'`),
 * one stylesheet, a skip link, the nav (Questions for admins only), the language switch and Sign out as
 * forms carrying the session's CSRF token.
 */
export function renderLayout(input: LayoutInput): string {
  const w = webMessagesFor(input.locale);
  const viewer = input.viewer;
  const nav = viewer
    ? `<nav aria-label="${escapeHtml(w.navLabel)}"><ul class="nav">${navLink('me', DASH_PATHS.me, w.navMe, viewer.current)}${navLink('team', DASH_PATHS.team, w.navTeam, viewer.current)}${viewer.isAdmin ? navLink('questions', DASH_PATHS.questions, w.navQuestions, viewer.current) : ''}</ul></nav>
<div class="session-forms"><form method="post" action="${DASH_PATHS.language}"><input type="hidden" name="_csrf" value="${escapeHtml(viewer.csrfToken)}"><input type="hidden" name="back" value="${escapeHtml(viewer.back ?? DASH_PATHS.me)}"><input type="hidden" name="locale" value="${input.locale === 'ja' ? 'en' : 'ja'}"><button type="submit" lang="${input.locale === 'ja' ? 'en' : 'ja'}" aria-label="${escapeHtml(`${w.languageLabel}: ${w.switchTo}`)}">${escapeHtml(w.switchTo)}</button></form><form method="post" action="${DASH_PATHS.signOut}"><input type="hidden" name="_csrf" value="${escapeHtml(viewer.csrfToken)}"><button type="submit">${escapeHtml(w.signOut)}</button></form></div>`
    : '';
  return `<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(input.title)} · ${escapeHtml(w.siteName)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(w.skipToContent)}</a>
<header class="site-header"><p class="site-name">${escapeHtml(w.siteName)}</p>${nav}</header>
<main id="main">
${input.body}
</main>
</body>
</html>
`;
}

/** A short page of the web side's own (sign-in, errors): a heading, a paragraph, and an optional form. */
export function messagePage(title: string, text: string, extra = ''): string {
  return `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>${extra}`;
}

function navLink(item: NavItem, href: string, label: string, current: NavItem | undefined): string {
  const aria = item === current ? ' aria-current="page"' : '';
  return `<li><a href="${href}"${aria}>${escapeHtml(label)}</a></li>`;
}
