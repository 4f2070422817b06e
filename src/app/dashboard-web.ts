import { ClientRateLimiter } from '../adapters/http/client-rate-limiter.js';
import type { DashboardPages } from '../adapters/http/dashboard/dashboard-pages.js';
import { dashboardRoutes } from '../adapters/http/dashboard/dashboard-routes.js';
import { DashboardSignIn } from '../adapters/http/dashboard/dashboard-sign-in.js';
import { loadDashboardStylesheet } from '../adapters/http/dashboard/dashboard-stylesheet.js';
import type { HttpRoute } from '../adapters/http/http-listener.js';
import type { QuizCommands } from '../core/commands/quiz-commands.js';
import { type Locale, type Platform, platformOf } from '../core/model/model.js';
import type { DashboardStore } from '../core/ports/dashboard-store.js';
import type { Logger } from '../core/ports/logger.js';

/** Dashboard requests one address may make per minute: pages and forms a person clicks, not a scraper. */
export const DASHBOARD_RATE_LIMIT = { limit: 300, windowMs: 60_000, maxClients: 10_000 };

/** Each platform's admin rule, as the chat commands answer `ctx.isAdmin()` there (by the id in the scope). */
export type AdminRules = Partial<Record<Platform, (id: string, playerId: string) => Promise<boolean>>>;

/**
 * The sign-in links, made before the app (the chat command issues them) and pointing at `baseUrl()`:
 * PUBLIC_URL, or in console mode the local address once the listener has its port.
 */
export function dashboardSignIn(store: DashboardStore, baseUrl: () => string | null): DashboardSignIn {
  return new DashboardSignIn(store, baseUrl);
}

export interface DashboardWebInput {
  signIn: DashboardSignIn;
  pages: DashboardPages;
  commands: QuizCommands;
  adminRules: AdminRules;
  defaultLocale: Locale;
  /** PUBLIC_URL's origin; null in console mode (then `allowedHosts` guards the loopback listener). */
  publicUrl: string | null;
  allowedHosts?: () => readonly string[] | null;
  log: Logger;
  rateLimit?: typeof DASHBOARD_RATE_LIMIT;
}

/** The dashboard's routes for a listener, wired to the chat's commands, admin rules and languages. */
export function dashboardWebRoutes(input: DashboardWebInput): HttpRoute[] {
  const stylesheet = loadDashboardStylesheet();
  if (stylesheet === null) input.log.warn({}, 'dashboard stylesheet not found; pages are served unstyled');
  return dashboardRoutes({
    pages: input.pages,
    signIn: input.signIn,
    commands: input.commands,
    isAdmin: async (scope, playerId) => {
      const rule = input.adminRules[platformOf(scope)];
      return rule ? rule(scope.slice(scope.indexOf(':') + 1), playerId) : false;
    },
    playerLocale: (scope, playerId) => input.commands.engine.userLocale(scope, playerId),
    defaultLocale: input.defaultLocale,
    secureCookies: input.publicUrl?.startsWith('https:') ?? false,
    publicOrigin: input.publicUrl,
    ...(input.allowedHosts ? { allowedHosts: input.allowedHosts } : {}),
    limiter: new ClientRateLimiter(input.rateLimit ?? DASHBOARD_RATE_LIMIT),
    stylesheet: () => stylesheet,
    log: input.log,
  });
}

/** The Host names a loopback listener on `port` answers to (a DNS-rebinding page names another). */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}
