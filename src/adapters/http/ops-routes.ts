import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** One readiness condition: a name and a check that resolves to null when fine, or the reason it is not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string | null>;
}

export interface OpsRoutesDeps {
  registry: Registry;
  checks: ReadinessCheck[];
  /** True once shutdown began: the process takes no new work, so it is not ready. */
  draining(): boolean;
}

export interface OpsRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * GET /healthz (the process is alive), /readyz (Redis and every platform usable; 503 with reasons
 * otherwise) and /metrics (Prometheus). Shaped as Bolt custom routes, and served alone where Bolt has no
 * HTTP server (Socket Mode, Discord only).
 */
export function opsRoutes(deps: OpsRoutesDeps): OpsRoute[] {
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => json(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        void readiness(deps).then((problems) =>
          problems.length === 0
            ? json(res, 200, { status: 'ready' })
            : json(res, 503, { status: 'not ready', problems }),
        );
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        void deps.registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': deps.registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      },
    },
  ];
}

async function readiness(deps: OpsRoutesDeps): Promise<string[]> {
  if (deps.draining()) return ['shutting down'];
  const results = await Promise.all(
    deps.checks.map(async (c) => {
      const problem = await c
        .check()
        .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      return problem ? `${c.name}: ${problem}` : null;
    }),
  );
  return results.filter((r): r is string => r !== null);
}
