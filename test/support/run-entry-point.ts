import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment with no platform tokens or Redis, so the entry point runs in console mode. */
export function consoleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // PORT=0: the console's dashboard listens on a free port, so test processes running at once never collide.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    USER: 'tester',
    PORT: '0',
  };
  return { ...env, ...extra };
}

/** Runs `src/main.ts` the way `npm start` does, feeding `input` on stdin. */
export function runEntryPoint(input: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<RunResult> {
  return runCommand(process.execPath, ['--import', 'tsx', 'src/main.ts'], input, env, timeoutMs);
}

/** Runs `command` in the project folder, feeding `input` on stdin, and collects what it prints. */
export function runCommand(
  command: string,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`entry point did not exit in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}
