import type { HTTPReceiverOptions, webApi } from '@slack/bolt';
import type { Locale } from '../../../core/model/model.js';
import type { Logger } from '../../../core/ports/logger.js';
import type { SlackTokens } from '../slack-tokens.js';
import { InstallGate } from './install-gate.js';
import { installCallbacks } from './install-pages.js';
import { SignedStateStore, STATE_TTL_MS, type StateRecords } from './signed-state-store.js';
import { type InstallationRecords, SlackInstallations } from './slack-installations.js';

/** The bot scopes of `manifest.yml` (a test keeps the two equal): what the install asks for. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  // A retried question post first checks whether its first attempt reached the channel (issue 15.1).
  'channels:history',
  'groups:history',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** Bolt's state cookie (its default name, set here so the refusal page can tell when it is missing). */
export const STATE_COOKIE_NAME = 'slack-app-oauth-state';

export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export interface SlackOAuthDeps {
  settings: SlackOAuthSettings;
  records: InstallationRecords & StateRecords;
  /** Sends `auth.revoke` (an org-wide install is refused and its token handed back). */
  client: () => webApi.WebClient;
  clientOptions: NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['clientOptions']>;
  /** A workspace was installed (again): resume what its uninstall paused. */
  onInstalled(teamId: string): Promise<void>;
  /** QUIZ_LOCALE: the install pages' language when the browser's Accept-Language names neither ja nor en. */
  locale: Locale;
  log: Logger;
  /** In-process installation cache lifetime; at most 60 s so a missed uninstall stops within a minute. */
  cacheTtlMs?: number;
}

export interface SlackOAuth {
  installations: SlackInstallations;
  /** What the install routes check before Bolt's InstallProvider runs. */
  gate: InstallGate;
  tokens: SlackTokens;
  /** The OAuth part of the HTTP receiver's options: install and redirect routes, stores, pages. */
  receiverOptions: Pick<
    HTTPReceiverOptions,
    'clientId' | 'clientSecret' | 'stateSecret' | 'installationStore' | 'scopes' | 'installerOptions'
  >;
}

/**
 * Multi-workspace mode on Bolt's InstallProvider: `GET /slack/install` redirects to Slack's consent page
 * with a signed state that writes nothing (and Bolt's state cookie), `GET /slack/oauth_redirect` checks both, exchanges the
 * code with `oauth.v2.access`, stores the installation in Redis and shows what to do next.
 */
export function slackOAuth(deps: SlackOAuthDeps): SlackOAuth {
  const installations = new SlackInstallations(deps.records, {
    ttlMs: Math.min(deps.cacheTtlMs ?? 30_000, 60_000),
  });
  const tokens: SlackTokens = {
    tokenFor: (teamId) => installations.botToken(teamId),
    refused: (teamId) => installations.forget(teamId),
  };
  const { settings } = deps;
  const stateStore = new SignedStateStore(deps.records, settings.stateSecret, {
    scopes: [...SLACK_BOT_SCOPES],
  });
  return {
    installations,
    tokens,
    gate: new InstallGate({
      records: deps.records,
      stateStore,
      locale: deps.locale,
      installPath: INSTALL_PATH,
      stateCookieName: STATE_COOKIE_NAME,
      log: deps.log,
    }),
    receiverOptions: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      stateSecret: settings.stateSecret,
      installationStore: installations,
      scopes: [...SLACK_BOT_SCOPES],
      installerOptions: {
        installPath: INSTALL_PATH,
        redirectUriPath: REDIRECT_PATH,
        directInstall: true,
        stateStore,
        stateCookieName: STATE_COOKIE_NAME,
        stateCookieExpirationSeconds: STATE_TTL_MS / 1000,
        clientOptions: deps.clientOptions,
        callbackOptions: installCallbacks({
          locale: deps.locale,
          installPath: INSTALL_PATH,
          stateCookieName: STATE_COOKIE_NAME,
          onInstalled: deps.onInstalled,
          revoke: async (token) => {
            await deps.client().auth.revoke({ token });
          },
          log: deps.log,
        }),
      },
    },
  };
}
