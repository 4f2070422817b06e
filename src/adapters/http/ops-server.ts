import { createServer, type Server } from 'node:http';
import type { OpsRoute } from './ops-routes.js';

/** A small HTTP server for the ops routes, where no platform server exists to carry them. */
export async function startOpsServer(routes: OpsRoute[], port: number, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method.includes(req.method ?? 'GET'));
    if (route) route.handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (host) server.listen(port, host, () => resolve());
    else server.listen(port, () => resolve());
  });
  return server;
}
