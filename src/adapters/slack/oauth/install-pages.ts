import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation, InstallURLOptions } from '@slack/bolt';
import type { Locale } from '../../../core/model/model.js';
import type { Logger } from '../../../core/ports/logger.js';
import { type Messages, messagesFor } from '../../../core/presentation/messages/index.js';
import { pageLocale } from './page-locale.js';
import { RefusedStateError } from './signed-state-store.js';

type CallbackOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;

export interface InstallPageDeps {
  /** QUIZ_LOCALE: the page language when the browser asks for none the quiz speaks. */
  locale: Locale;
  installPath: string;
  /** Bolt's state cookie, whose absence the refusal page names as the cause. */
  stateCookieName: string;
  /** After the installation is stored: resume the workspace's paused subscriptions. */
  onInstalled(teamId: string): Promise<void>;
  /** An org-wide install is refused; its token is handed back to Slack (auth.revoke). */
  revoke(token: string): Promise<void>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Codes `oauth.v2.access` refuses when the redirect's code is not (or no longer) good: the browser's turn. */
const REFUSED_CODES = new Set(['invalid_code', 'code_already_used', 'code_expired']);

/** How the redirect answers a failed install: status, text, and how loudly it is logged. */
export interface InstallRefusal {
  status: number;
  text(m: Messages): string;
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * What a failed `GET /slack/oauth_redirect` means. The browser's doing (a cancel, a lost cookie, a
 * reused or forged state, a stale code) is a 4xx page logged at info or warn; only what the app or Slack
 * got wrong (our credentials, Slack unreachable) is a 500 logged at error.
 */
export function installRefusal(error: unknown): InstallRefusal {
  const code = (error as { code?: unknown } | null)?.code;
  const refused = (text: (m: Messages) => string, fields: Record<string, unknown>): InstallRefusal => ({
    status: 400,
    text,
    level: 'warn',
    msg: 'install refused',
    fields,
  });
  if (error instanceof RefusedStateError)
    return refused((m) => m.installStateRefused, { reason: error.reason });
  if (code === 'slack_oauth_invalid_state') {
    return refused((m) => m.installNotThisBrowser, { reason: 'state cookie not this browser session' });
  }
  if (code === 'slack_oauth_missing_state') {
    return refused((m) => m.installStateRefused, { reason: 'no state in the redirect' });
  }
  if (code === 'slack_oauth_missing_code') {
    return refused((m) => m.installFailed, { reason: 'no code in the redirect' });
  }
  if (
    code === 'slack_oauth_installer_authorization_error' &&
    error instanceof Error &&
    /cancelled/i.test(error.message)
  ) {
    return {
      status: 200,
      text: (m) => m.installCancelled,
      level: 'info',
      msg: 'install cancelled',
      fields: {},
    };
  }
  const slackError = (error as { data?: { error?: unknown } } | null)?.data?.error;
  if (
    code === 'slack_webapi_platform_error' &&
    typeof slackError === 'string' &&
    REFUSED_CODES.has(slackError)
  ) {
    return refused((m) => m.installCodeRefused, { slackError });
  }
  return {
    status: 500,
    text: (m) => m.installFailed,
    level: 'error',
    msg: 'install failed',
    fields: { code, ...(typeof slackError === 'string' ? { slackError } : {}) },
  };
}

/**
 * Bolt logs every failed redirect at error before our failure callback runs; the callback logs it again
 * at the level it deserves, so Bolt's line is only worth debug for the refusals the page answers.
 */
export function isAnsweredInstallRefusal(error: unknown): boolean {
  return error instanceof Error && installRefusal(error).level !== 'error';
}

/**
 * What the browser sees at the end of an install, in its own language: a success page with the next
 * steps, or a refusal that says why and what to do (state forged, expired or reused; no state cookie in
 * this browser; a stale code; cancelled; an Enterprise Grid org-wide install). Slack's OAuth errors carry
 * no secrets, but only their code and our own text reach the page and the log.
 */
export function installCallbacks(deps: InstallPageDeps): CallbackOptions {
  const { log } = deps;
  const m = (req: IncomingMessage): Messages => messagesFor(pageLocale(req, deps.locale));
  return {
    afterInstallation: async (installation, _options, req, res) => {
      if (!installation.isEnterpriseInstall) return true;
      log.warn({ enterpriseId: installation.enterprise?.id }, 'org-wide install refused');
      const token = installation.bot?.token;
      if (token)
        await deps.revoke(token).catch(() => log.warn({}, 'auth.revoke failed after a refused install'));
      const messages = m(req);
      page(
        res,
        messages,
        403,
        messages.installRefusedTitle,
        [messages.installOrgWideRefused],
        retry(deps, messages),
      );
      return false;
    },
    successAsync: async (installation: Installation, _options: InstallURLOptions, req, res) => {
      const teamId = installation.team?.id ?? '';
      log.info({ teamId }, 'workspace installed');
      // The installation is stored: a failed resume must not turn the page into "nothing was installed"
      // (/quiz schedule in a channel resumes it by hand).
      await deps.onInstalled(teamId).catch((error: unknown) => {
        log.warn({ err: error, teamId }, 'subscriptions not resumed after install');
      });
      const messages = m(req);
      page(
        res,
        messages,
        200,
        messages.installedTitle,
        messages.installedBody(installation.team?.name ?? teamId),
      );
    },
    failure: (error, _options, req: IncomingMessage, res: ServerResponse) => {
      const refusal = installRefusal(error);
      const fields = { ...refusal.fields };
      if ((error as { code?: unknown }).code === 'slack_oauth_invalid_state') {
        fields.reason = hasCookie(req, deps.stateCookieName)
          ? 'state cookie of another install'
          : 'no state cookie from this browser';
      }
      log[refusal.level](fields, refusal.msg);
      const messages = m(req);
      page(
        res,
        messages,
        refusal.status,
        messages.installRefusedTitle,
        [refusal.text(messages)],
        retry(deps, messages),
      );
    },
  };
}

export function retry(
  deps: Pick<InstallPageDeps, 'installPath'>,
  m: Messages,
): { href: string; text: string } {
  return { href: deps.installPath, text: m.installRetryLink };
}

export function hasCookie(req: IncomingMessage, name: string): boolean {
  const header = req.headers.cookie ?? '';
  return header
    .split(';')
    .some((part) => part.trim().startsWith(`${name}=`) && part.trim().length > name.length + 1);
}

/** An install page: a title, lines of text and an optional link, in the browser's language. */
export function page(
  res: ServerResponse,
  m: Messages,
  status: number,
  title: string,
  lines: string[],
  link?: { href: string; text: string },
): void {
  const body = [
    '<!doctype html>',
    `<html lang="${m.locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body><h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '',
    '</body></html>',
  ].join('\n');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-language': m.locale,
    vary: 'Accept-Language',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
