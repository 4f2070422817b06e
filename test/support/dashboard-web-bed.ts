import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientRateLimiter } from '../../src/adapters/http/client-rate-limiter.js';
import type { DashboardPages, DashboardViewer } from '../../src/adapters/http/dashboard/dashboard-pages.js';
import { TRIAGE_PATHS } from '../../src/adapters/http/dashboard/dashboard-pages.js';
import { dashboardRoutes } from '../../src/adapters/http/dashboard/dashboard-routes.js';
import { DashboardSignIn } from '../../src/adapters/http/dashboard/dashboard-sign-in.js';
import { close, createHttpListener, listen } from '../../src/adapters/http/http-listener.js';
import { PUBLIC_SERVER_LIMITS } from '../../src/adapters/http/server-limits.js';
import { MemoryDashboardStore } from '../../src/adapters/memory/memory-dashboard-store.js';
import { loopbackHosts } from '../../src/app/dashboard-web.js';
import type { CommandContext, CommandReply } from '../../src/core/commands/command-reply.js';
import type { QuizCommand } from '../../src/core/commands/parse-quiz-command.js';
import type { Locale } from '../../src/core/model/model.js';

/** A test double of the pages: each says whose page it is, and the question page carries a triage form. */
export function fakePages(): DashboardPages & { seen: DashboardViewer[] } {
  const seen: DashboardViewer[] = [];
  const note = (viewer: DashboardViewer, page: string) => {
    seen.push(viewer);
    return {
      title: page,
      html: `<h1>${page}</h1><p id="who">${viewer.scope} ${viewer.playerId} ${viewer.locale} admin=${viewer.isAdmin}</p>`,
    };
  };
  return {
    seen,
    me: async (viewer) => note(viewer, 'me'),
    team: async (viewer) => note(viewer, 'team'),
    questions: async (viewer) => (viewer.isAdmin ? note(viewer, 'questions') : { kind: 'forbidden' }),
    question: async (viewer, id) => {
      if (id === 'missing') return { kind: 'not-found' };
      const page = note(viewer, `question ${id}`);
      return {
        ...page,
        html: `${page.html}<form method="post" action="${TRIAGE_PATHS.dismiss(id)}"><input type="hidden" name="_csrf" value="${viewer.csrfToken}"><button>dismiss</button></form>`,
      };
    },
  };
}

export interface DashboardWebBed {
  base: string;
  signIn: DashboardSignIn;
  store: MemoryDashboardStore;
  pages: ReturnType<typeof fakePages>;
  /** Commands the routes ran, with the context's admin answer. */
  ran: { command: QuizCommand; scope: string; userId: string }[];
  admins: Set<string>;
  locales: Map<string, Locale>;
  /** A fresh sign-in link's token for a player of `scope`. */
  link(scope: string, playerId: string, isAdmin?: boolean): Promise<string>;
  stop(): Promise<void>;
}

/** The dashboard's real routes on a real listener, over a memory store, fake pages and a recording command service. */
export async function startDashboardWebBed(
  options: { secure?: boolean; loopbackOnly?: boolean; publicOrigin?: string } = {},
): Promise<DashboardWebBed> {
  const store = new MemoryDashboardStore();
  let base = '';
  const signIn = new DashboardSignIn(store, () => base);
  const pages = fakePages();
  const ran: DashboardWebBed['ran'] = [];
  const admins = new Set<string>();
  const locales = new Map<string, Locale>();
  const routes = dashboardRoutes({
    pages,
    signIn,
    commands: {
      run: async (command: QuizCommand, ctx: CommandContext): Promise<CommandReply> => {
        if (!(await ctx.isAdmin()) && command.kind !== 'lang')
          throw new Error('ran an admin command for a non-admin');
        ran.push({ command, scope: ctx.scope, userId: ctx.userId });
        if (command.kind === 'lang') locales.set(`${ctx.scope}|${ctx.userId}`, command.locale);
        return { kind: 'text', view: { title: 'ok', lines: [], sections: [] } as never };
      },
    },
    isAdmin: async (scope, playerId) => admins.has(`${scope}|${playerId}`),
    playerLocale: async (scope, playerId) => locales.get(`${scope}|${playerId}`) ?? null,
    defaultLocale: 'ja',
    secureCookies: options.secure ?? false,
    publicOrigin: options.publicOrigin ?? null,
    ...(options.loopbackOnly ? { allowedHosts: () => loopbackHosts(Number(new URL(base).port)) } : {}),
    limiter: new ClientRateLimiter({ limit: 10_000, windowMs: 60_000, maxClients: 100 }),
    stylesheet: () => 'body{}',
    log: { debug() {}, info() {}, warn() {}, error() {} } as never,
  });
  const server = await listen(
    createHttpListener({
      routes,
      limits: PUBLIC_SERVER_LIMITS,
      onError: (error) => {
        throw error;
      },
    }),
    0,
    '127.0.0.1',
  );
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    signIn,
    store,
    pages,
    ran,
    admins,
    locales,
    async link(scope, playerId, isAdmin = false) {
      if (isAdmin) admins.add(`${scope}|${playerId}`);
      const issued = await signIn.issue({ scope, playerId, isAdmin });
      if (issued.kind !== 'link') throw new Error(`no link: ${issued.kind}`);
      return new URL(issued.url).searchParams.get('t') ?? '';
    },
    stop: () => close(server),
  };
}

/** A raw request (fetch cannot set Host), resolving status, headers and body. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
