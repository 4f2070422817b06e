import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { DashboardPages } from '../adapters/http/dashboard/dashboard-pages.js';
import type { DashboardSignIn } from '../adapters/http/dashboard/dashboard-sign-in.js';
import type { Locale } from '../core/model/model.js';
import type { AppParts } from './app.js';
import { dashboardWebRoutes, loopbackHosts } from './dashboard-web.js';
import { startListener } from './http-listeners.js';

/** Where the console's dashboard listens, or why it does not (the quiz goes on without it). */
export type ConsoleDashboard =
  | { kind: 'listening'; server: Server; baseUrl: string }
  | { kind: 'port-in-use'; port: number }
  | { kind: 'failed'; reason: string };

/**
 * Console mode's dashboard: on 127.0.0.1:PORT whatever HOST says (the console player's own data, for
 * this machine only), answering only requests whose Host is a loopback name with that port, so a web
 * page elsewhere cannot reach it through DNS rebinding. PORT=0 takes a free port.
 */
export async function startConsoleDashboard(input: {
  port: number;
  app: AppParts;
  signIn: DashboardSignIn;
  pages: DashboardPages;
  defaultLocale: Locale;
  log: Logger;
}): Promise<ConsoleDashboard> {
  let hosts: string[] = [];
  const routes = dashboardWebRoutes({
    signIn: input.signIn,
    pages: input.pages,
    commands: input.app.commands,
    // The person at the terminal owns this bot (as the console's chat commands assume).
    adminRules: { console: async () => true },
    defaultLocale: input.defaultLocale,
    publicUrl: null,
    allowedHosts: () => hosts,
    log: input.log,
  });
  try {
    const server = await startListener({ routes, port: input.port, host: '127.0.0.1', log: input.log });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : input.port;
    hosts = loopbackHosts(port);
    return { kind: 'listening', server, baseUrl: `http://127.0.0.1:${port}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      return { kind: 'port-in-use', port: input.port };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
