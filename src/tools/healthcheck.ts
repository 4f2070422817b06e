/**
 * The container HEALTHCHECK: GET /healthz on the address the server binds (`HOST`, `PORT`), so a bot bound
 * to one interface is probed there rather than on a loopback it does not listen on. Exit 0 when healthy.
 */
const port = process.env.PORT || '3000';
const host = probeHost(process.env.HOST);

/** A wildcard bind is reachable on loopback; an IPv6 literal needs brackets in a URL. */
function probeHost(bound: string | undefined): string {
  if (!bound || bound === '0.0.0.0') return '127.0.0.1';
  if (bound === '::') return '[::1]';
  return bound.includes(':') ? `[${bound}]` : bound;
}

fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(2500) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
