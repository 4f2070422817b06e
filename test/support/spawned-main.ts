import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './run-entry-point.js';

/** `src/main.ts` as a child process whose output and exit a start-up test watches. */
export interface SpawnedMain {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or 'running' if the process is still alive after `ms`. */
  exitWithin(ms: number): Promise<number | null | 'running'>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnMain(env: Record<string, string>, args: string[] = []): SpawnedMain {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exitWithin: (ms) =>
      Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), ms))]),
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The HTTP status of GET `url`, or 0 when nothing answers. */
export async function statusOf(url: string): Promise<number> {
  return fetch(url).then(
    (r) => r.status,
    () => 0,
  );
}
