import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { INSTALL_HINT, skipRequested } from './redis-requirement.js';

/**
 * Real Redis for tests: private `redis-server` processes (no persistence, loopback only, temp dir).
 * Without the binary the suites fail with how to install it, unless QUIZ_TEST_SKIP_REDIS=1 asks to skip
 * them (see redis-requirement.ts); a local run is never green by silently skipping them.
 */

const run = promisify(execFile);

export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A random key prefix, so tests on a shared server find and delete exactly their own keys. */
export function uniquePrefix(): string {
  return `pqtest-${randomUUID()}`;
}

export interface RedisTarget {
  url: string;
  /** True when this process started the server: it may be stopped, restarted and flushed. */
  isPrivate: boolean;
  /** Stops the private server (a shared one is left alone). */
  stop(): Promise<void>;
  /** Starts the private server again on the same port, empty. */
  restart(): Promise<void>;
  /** Freezes the private server (SIGSTOP): connections stay open but nothing answers, like a lost network. */
  pause(): Promise<void>;
  /** Lets a paused server run on (SIGCONT). */
  resume(): Promise<void>;
  /** Stops the private server and removes its directory. */
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port that is free, and (for cluster nodes) whose bus port, +10000, is free too. */
async function freePort(withBusPort: boolean): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await isPortFree(port)) && (!withBusPort || (await isPortFree(port + 10_000)))) return port;
  }
  throw new Error('no free loopback port found');
}

/** Spawns redis-server and resolves once it accepts connections; rejects if it exits first. */
function spawnRedis(port: number, dir: string, extra: string[] = []): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', [...args, '--dir', dir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server on ${port} did not start:\n${output}`)),
      10_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      running.delete(child);
      fail(new Error(`redis-server on ${port} exited with ${code}:\n${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a paused server cannot act on SIGTERM
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function startPrivateServer(extraArgs: string[] = []): Promise<RedisTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'pq-redis-'));
  let port = 0;
  let child: ChildProcess | null = null;
  // The port was free a moment ago; another process may take it first, so try a few.
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort(false);
    child = await spawnRedis(port, dir, extraArgs).catch(() => null);
  }
  if (!child) throw new Error('could not start redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    isPrivate: true,
    async stop() {
      await stopProcess(child);
      child = null;
    },
    async restart() {
      await stopProcess(child);
      child = await spawnRedis(port, dir, extraArgs);
    },
    async pause() {
      child?.kill('SIGSTOP');
    },
    async resume() {
      child?.kill('SIGCONT');
    },
    async close() {
      await stopProcess(child);
      child = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Redis server for the tests, or null when there is none outside CI (the tests then skip).
 * In CI a missing server is an error. `restart()` gives an empty server unless `persistent`.
 */
export async function startRedisTarget(options: { persistent?: boolean } = {}): Promise<RedisTarget | null> {
  // Persistent: an append-only file synced on every write, so a stopped server comes back with its data.
  const extra = options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : [];
  if (hasRedisServerBinary()) return startPrivateServer(extra);
  if (skipRequested()) return null;
  throw new Error(INSTALL_HINT);
}

export interface RedisClusterTarget {
  nodes: { host: string; port: number }[];
  /** `host:port,host:port`, as REDIS_CLUSTER_NODES takes it. */
  nodesText: string;
  close(): Promise<void>;
}

async function clusterStateOk(port: number): Promise<boolean> {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']).catch(() => ({
    stdout: '',
  }));
  return stdout.includes('cluster_state:ok');
}

/** Starts three masters on loopback ports and joins them into a cluster (no replicas). */
async function startPrivateCluster(): Promise<RedisClusterTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'pq-cluster-'));
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(children.map((c) => stopProcess(c)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let attempt = 0; ports.length < 3; attempt++) {
      if (attempt >= 10) throw new Error('could not start three cluster nodes');
      const port = await freePort(true);
      if (ports.includes(port)) continue;
      const config = ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`];
      const child = await spawnRedis(port, dir, [...config, '--cluster-node-timeout', '2000']).catch(
        () => null,
      );
      if (!child) continue;
      children.push(child);
      ports.push(port);
    }
    const addresses = ports.map((p) => `127.0.0.1:${p}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
    const deadline = Date.now() + 15_000;
    while (!(await Promise.all(ports.map(clusterStateOk))).every(Boolean)) {
      if (Date.now() > deadline) throw new Error('redis cluster did not reach cluster_state:ok');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
      nodesText: addresses.join(','),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A private 3-node Redis Cluster for the tests (redis-server required, as above). */
export async function startRedisClusterTarget(): Promise<RedisClusterTarget | null> {
  if (hasRedisServerBinary()) return startPrivateCluster();
  if (skipRequested()) return null;
  throw new Error(INSTALL_HINT);
}

/** Deletes every key under `prefix` with SCAN (on each master of a cluster); never FLUSHDB. */
export async function deleteByPrefix(client: Redis | Cluster, prefix: string): Promise<void> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  await Promise.all(
    nodes.map(async (node) => {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        // One key per call: keys of different scopes live in different cluster slots.
        await Promise.all(keys.map((key) => node.unlink(key)));
      } while (cursor !== '0');
    }),
  );
}

/**
 * Runs `body` against a private redis-server under a fresh key prefix, then deletes that prefix's keys and stops
 * the server. Resolves without running `body` when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asked
 * for the skip (otherwise `startRedisTarget` fails the run). For console tests that start the bot on Redis.
 */
export async function withRedisPrefix(
  body: (redisEnv: { REDIS_URL: string; REDIS_KEY_PREFIX: string }, client: Redis) => Promise<void>,
): Promise<void> {
  const target = await startRedisTarget();
  if (!target) return;
  const prefix = uniquePrefix();
  const redis = new Redis(target.url, { lazyConnect: true });
  try {
    await redis.connect();
    await body({ REDIS_URL: target.url, REDIS_KEY_PREFIX: prefix }, redis);
  } finally {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    await target.close();
  }
}
