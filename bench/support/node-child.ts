import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { request } from 'undici';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A Node child process under test (the real entry point, or the bare Bolt app), with what the bench
 * reads from it: whether it listens yet, its peak RSS and CPU time from /proc, and its log lines.
 */

const running = new Set<ChildProcess>();
// A bench that throws or is interrupted must not leave apps behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How a child is started: in which folder, through tsx or as built JavaScript, under which wrapper. */
export interface Launch {
  /** Working directory (default: this repository). */
  cwd?: string;
  /** `false`: plain `node <entry>` (built JavaScript); default `node --import tsx <entry>`. */
  tsx?: boolean;
  /** A command the node invocation is handed to, e.g. `['valgrind', '--tool=callgrind', ...]`. */
  wrapper?: string[];
}

export class NodeChild {
  /** Log lines at warn or above (pino levels 40+) or anything that is not JSON (a crash, a stack). */
  readonly problems: string[] = [];
  private stderrTail = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    });
  }

  /**
   * Spawns `node --import tsx [nodeArgs] <entry>` in the repository root with exactly `env`. `launch`
   * may run it elsewhere (another worktree), as built JavaScript (no tsx), or under a wrapper command
   * (`valgrind ...`), which then has the child's pid.
   */
  static spawn(
    name: string,
    entry: string,
    env: Record<string, string>,
    nodeArgs: string[] = [],
    launch: Launch = {},
  ): NodeChild {
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const loader = launch.tsx === false ? [] : ['--import', 'tsx'];
    const [command, ...args] = [...(launch.wrapper ?? []), process.execPath, ...loader, ...nodeArgs, entry];
    const child = spawn(command ?? process.execPath, args, {
      cwd: launch.cwd ?? ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return new NodeChild(name, child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Resolves once `origin` answers any HTTP request; rejects if the child exits or the time runs out. */
  async waitForHttp(origin: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) {
        throw new Error(`${this.name} exited with ${this.child.exitCode}:\n${this.stderrTail}`);
      }
      try {
        const response = await request(`${origin}/`, { method: 'GET' });
        await response.body.dump();
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`${this.name} did not listen at ${origin}:\n${this.stderrTail}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Resident set size now, in MiB (VmRSS), or NaN once the process is gone. */
  rssMiB(): number {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(this.readProc('status'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  /** Peak resident set size in MiB (VmHWM), or NaN once the process is gone. */
  peakRssMiB(): number {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(this.readProc('status'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  /** User + system CPU seconds so far (utime + stime; Linux USER_HZ is 100 on every common kernel). */
  cpuSeconds(): number {
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    const stat = this.readProc('stat');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** SIGTERM (the app's graceful shutdown), SIGKILL after `graceMs`; resolves once it has exited. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private readProc(file: string): string {
    try {
      return readFileSync(`/proc/${this.pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  }

  private onLine(line: string): void {
    this.stderrTail = `${this.stderrTail}${line}\n`.slice(-4000);
    if (!line.trim()) return;
    try {
      const entry = JSON.parse(line) as { level?: unknown };
      if (typeof entry.level === 'number' && entry.level >= 40) this.problems.push(line);
    } catch {
      this.problems.push(line);
    }
  }
}
