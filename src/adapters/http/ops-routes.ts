import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { HttpRoute } from './http-listener.js';

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

/**
 * The routes of the public port: `/healthz` (the process is alive) and `/readyz` with its status only
 * (200 ready, 503 not ready), for a load balancer or an orchestrator. Why a check fails (addresses, error
 * texts) is for operators: the internal listener's `/readyz` says it.
 */
export function publicOpsRoutes(deps: OpsRoutesDeps): HttpRoute[] {
  return [
    healthz(),
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        const problems = await readiness(deps);
        json(res, problems.length === 0 ? 200 : 503, {
          status: problems.length === 0 ? 'ready' : 'not ready',
        });
      },
    },
  ];
}

/**
 * The routes of the internal (ops) listener: `/healthz`, `/readyz` with the reasons it is not ready, and
 * `/metrics` (Prometheus).
 */
export function internalOpsRoutes(deps: OpsRoutesDeps): HttpRoute[] {
  return [
    healthz(),
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        const problems = await readiness(deps);
        if (problems.length === 0) json(res, 200, { status: 'ready' });
        else json(res, 503, { status: 'not ready', problems });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handle: async (_req, res) => {
        const text = await deps.registry.metrics();
        res.writeHead(200, { 'content-type': deps.registry.contentType }).end(text);
      },
    },
  ];
}

function healthz(): HttpRoute {
  return { method: 'GET', path: '/healthz', handle: (_req, res) => json(res, 200, { status: 'ok' }) };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
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
