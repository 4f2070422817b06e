import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_VARIABLES } from '../../src/app/config.js';
import { freePort } from '../support/bot-process.js';
import { execForm, readDockerfile, type Stage } from '../support/dockerfile-steps.js';
import { FakeSlack } from '../support/fake-slack.js';
import { ROOT } from '../support/run-entry-point.js';
import { SIGNING_SECRET } from '../support/slack-harness.js';

/**
 * No Docker engine runs on these machines, so this performs the Dockerfile's steps in temporary folders:
 * each COPY from the repository and from the build stage, each RUN, then the CMD and the HEALTHCHECK.
 * A file the image forgets, or a runtime dependency listed only in devDependencies, fails here.
 */
const work = mkdtempSync(path.join(tmpdir(), 'image-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface StageResult {
  dir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
}

function runStage(stage: Stage, stageDirs: Map<string, string>): StageResult {
  const root = path.join(work, stage.name);
  mkdirSync(root, { recursive: true });
  let dir = root;
  const result: StageResult = { dir, env: {}, cmd: [], healthcheck: [] };
  for (const { keyword, args } of stage.instructions) {
    switch (keyword) {
      case 'WORKDIR':
        dir = path.join(root, args);
        mkdirSync(dir, { recursive: true });
        result.dir = dir;
        break;
      case 'COPY': {
        const from = /^--from=(\S+)\s+/.exec(args);
        const [sources, dest] = splitCopy(from ? args.slice(from[0].length) : args);
        const base = from ? (stageDirs.get(from[1] ?? '') ?? '') : ROOT;
        for (const source of sources) {
          const src = from ? path.join(base, path.relative('/app', source)) : path.join(base, source);
          expect(existsSync(src), `COPY source ${source} exists`).toBe(true);
          const target = dest.endsWith('/')
            ? path.join(dir, dest, path.basename(source))
            : path.join(dir, dest);
          cpSync(src, target, { recursive: true });
        }
        break;
      }
      case 'RUN':
        if (/^npm ci --no-audit --no-fund$/.test(args)) {
          // The build stage's full install is the repository's own, from the same lock file.
          symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
        } else {
          execFileSync('sh', ['-c', args.replace('npm ci', 'npm ci --prefer-offline')], {
            cwd: dir,
            stdio: 'pipe',
            env: { ...process.env, ...result.env },
          });
        }
        break;
      case 'ENV':
        for (const pair of args.split(/\s+/)) {
          const [key = '', value = ''] = pair.split('=');
          result.env[key] = value;
        }
        break;
      case 'CMD':
        result.cmd = execForm(args);
        break;
      case 'HEALTHCHECK':
        result.healthcheck = execForm(args.slice(args.indexOf('CMD')));
        break;
      default:
        break; // USER, EXPOSE: nothing to do outside a container
    }
  }
  return result;
}

function splitCopy(args: string): [string[], string] {
  const parts = args.split(/\s+/);
  const dest = parts.pop() ?? '.';
  return [parts, dest];
}

// Real processes and npm installs: generous bounds, still well inside CI's budget.
describe('the Dockerfile, step by step', { timeout: 120_000 }, () => {
  it('builds, installs production dependencies only, starts and answers its health check', async () => {
    const stages = readDockerfile(path.join(ROOT, 'Dockerfile'));
    expect(stages.map((s) => s.name)).toEqual(['build', 'stage-1']);
    const dirs = new Map<string, string>();
    const build = runStage(stages[0] as Stage, dirs);
    dirs.set('build', build.dir);
    const image = runStage(stages[1] as Stage, dirs);

    const installed = JSON.parse(
      execFileSync('npm', ['ls', '--omit=dev', '--depth=0', '--json'], { cwd: image.dir, encoding: 'utf8' }),
    ) as { dependencies: Record<string, unknown> };
    expect(Object.keys(installed.dependencies)).not.toContain('vitest');
    expect(existsSync(path.join(image.dir, 'node_modules/typescript'))).toBe(false);

    const fake = await new FakeSlack().start();
    const port = await freePort();
    const [command = 'node', ...args] = image.cmd;
    const child = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: image.dir,
      env: {
        PATH: process.env.PATH ?? '',
        ...image.env,
        PORT: String(port),
        // Bound to one loopback address other than 127.0.0.1: the health check must follow HOST.
        HOST: '127.0.0.2',
        SLACK_BOT_TOKEN: 'xoxb-image',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        QUIZ_STORE: 'memory',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    try {
      const [hcCommand = 'node', ...hcArgs] = image.healthcheck;
      const healthy = () =>
        new Promise<boolean>((resolve) => {
          const probe = spawn(hcCommand === 'node' ? process.execPath : hcCommand, hcArgs, {
            cwd: image.dir,
            env: { PATH: process.env.PATH ?? '', ...image.env, PORT: String(port), HOST: '127.0.0.2' },
          });
          probe.on('exit', (code) => resolve(code === 0));
        });
      await expect.poll(healthy, { timeout: 20_000, interval: 250 }).toBe(true);
      expect(child.exitCode, output).toBeNull();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await fake.stop();
    }

    // An unfilled .env: the image stops with exit 1 and says what to set, rather than running the
    // console mode on an absent stdin and exiting 0 for `restart: unless-stopped` to repeat for ever.
    const unconfigured = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: image.dir,
      env: { PATH: process.env.PATH ?? '', ...image.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let refusal = '';
    unconfigured.stderr?.on('data', (d: Buffer) => {
      refusal += d.toString();
    });
    const code = await new Promise((r) => unconfigured.once('exit', r));
    expect(code, refusal).toBe(1);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'REDIS_URL'])
      expect(refusal).toContain(name);
  });

  it('keeps the build context small and secrets out of the image', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', '.git', '.env', 'test']) expect(ignored).toContain(entry);
  });

  it('documents every configuration variable in .env.example', () => {
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...OPERATOR_VARIABLES].sort());
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of OPERATOR_VARIABLES) expect(readme, `README mentions ${name}`).toContain(`\`${name}\``);
  });

  it('runs Redis with persistence in docker-compose.yml', () => {
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/--appendonly", "yes"/);
    expect(compose).toMatch(/redis-data:\/data/);
    expect(compose).toContain('env_file: .env');
  });

  it('caps the compose Redis, evicting only keys with a lifetime, and keeps /metrics off the published ports', () => {
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/"--maxmemory", "\d+mb"/);
    // volatile-*: boards, rounds and installations (no TTL) are never evicted.
    expect(compose).toMatch(/"--maxmemory-policy", "volatile-(lru|lfu|ttl|random)"/);
    expect(compose).toContain('METRICS_HOST: "0.0.0.0"');
    const published = compose.slice(compose.indexOf('ports:'), compose.indexOf('expose:'));
    expect(published).not.toContain('9464');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('--maxmemory-policy volatile-lru');
  });
});
