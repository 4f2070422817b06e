import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation, InstallURLOptions } from '@slack/bolt';
import type { Logger } from '../../../core/ports/logger.js';
import type { Messages } from '../../../core/presentation/messages/index.js';
import { RefusedStateError } from './one-time-state-store.js';

type CallbackOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;

export interface InstallPageDeps {
  m: Messages;
  installPath: string;
  /** After the installation is stored: resume the workspace's paused subscriptions. */
  onInstalled(teamId: string): Promise<void>;
  /** An org-wide install is refused; its token is handed back to Slack (auth.revoke). */
  revoke(token: string): Promise<void>;
  log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * What the browser sees at the end of an install: a success page with the next steps, or a refusal that
 * says why (state forged, expired or reused; cancelled; an Enterprise Grid org-wide install). Slack's
 * OAuth errors carry no secrets, but only their code and our own text reach the page and the log.
 */
export function installCallbacks(deps: InstallPageDeps): CallbackOptions {
  const { m, log } = deps;
  return {
    afterInstallation: async (installation, _options, _req, res) => {
      if (!installation.isEnterpriseInstall) return true;
      log.warn({ enterpriseId: installation.enterprise?.id }, 'org-wide install refused');
      const token = installation.bot?.token;
      if (token)
        await deps.revoke(token).catch(() => log.warn({}, 'auth.revoke failed after a refused install'));
      page(res, m.locale, 403, m.installRefusedTitle, [m.installOrgWideRefused], retry(deps));
      return false;
    },
    successAsync: async (installation: Installation, _options: InstallURLOptions, _req, res) => {
      const teamId = installation.team?.id ?? '';
      log.info({ teamId }, 'workspace installed');
      // The installation is stored: a failed resume must not turn the page into "nothing was installed"
      // (/quiz schedule in a channel resumes it by hand).
      await deps.onInstalled(teamId).catch((error: unknown) => {
        log.warn({ err: error, teamId }, 'subscriptions not resumed after install');
      });
      page(res, m.locale, 200, m.installedTitle, m.installedBody(installation.team?.name ?? teamId));
    },
    failure: (error, _options, _req: IncomingMessage, res: ServerResponse) => {
      const code = (error as { code?: string }).code;
      log.warn(
        { code, reason: error instanceof RefusedStateError ? error.reason : undefined },
        'install refused',
      );
      if (
        error instanceof RefusedStateError ||
        code === 'slack_oauth_invalid_state' ||
        code === 'slack_oauth_missing_state'
      ) {
        page(res, m.locale, 400, m.installRefusedTitle, [m.installStateRefused], retry(deps));
      } else if (code === 'slack_oauth_installer_authorization_error' && /cancelled/i.test(error.message)) {
        page(res, m.locale, 200, m.installRefusedTitle, [m.installCancelled], retry(deps));
      } else {
        page(res, m.locale, 500, m.installRefusedTitle, [m.installFailed], retry(deps));
      }
    },
  };
}

type InstallPathOptions = NonNullable<
  NonNullable<HTTPReceiverOptions['installerOptions']>['installPathOptions']
>;

/** How long `GET /slack/install` may take before the browser gets a "try again" page. */
export const INSTALL_PATH_DEADLINE_MS = 3000;

/**
 * `GET /slack/install` writes the one-time state to Redis before redirecting. When that fails, Bolt logs
 * the error but never answers the browser; this deadline answers for it.
 */
export function installPathOptions(deps: Pick<InstallPageDeps, 'm' | 'installPath'>): InstallPathOptions {
  return {
    beforeRedirection: async (_req, res) => {
      const timer = setTimeout(() => {
        if (!res.headersSent)
          page(res, deps.m.locale, 503, deps.m.installRefusedTitle, [deps.m.unavailable], retry(deps));
      }, INSTALL_PATH_DEADLINE_MS);
      res.once('close', () => clearTimeout(timer));
      return true;
    },
  };
}

function retry(deps: Pick<InstallPageDeps, 'm' | 'installPath'>): { href: string; text: string } {
  return { href: deps.installPath, text: deps.m.installRetryLink };
}

function page(
  res: ServerResponse,
  lang: string,
  status: number,
  title: string,
  lines: string[],
  link?: { href: string; text: string },
): void {
  const body = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body><h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '',
    '</body></html>',
  ].join('\n');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
