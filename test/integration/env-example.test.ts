import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCommand } from '../support/run-entry-point.js';

const example = path.join(ROOT, '.env.example');

/** The environment `sh` gets from sourcing the file with every variable exported, as `set -a; . ./.env` does. */
function sourced(): Record<string, string> {
  const out = execFileSync('sh', ['-c', `set -a && . "${example}" && env -0`], {
    env: { PATH: process.env.PATH ?? '' },
  }).toString();
  return Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('.env.example', () => {
  it('is valid for sh: every value, the cron schedule included, reads back as written', () => {
    const env = sourced();
    expect(env.QUIZ_CRON).toBe('0 9 * * 1-5');
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.QUIZ_LOCALE).toBe('ja');
  });

  it('says what an unfilled copy does in Docker, and it does that: exit 1 naming the variables to set', async () => {
    const header = (readFileSync(example, 'utf8').split('\n\n')[0] ?? '').replace(/\n# /g, ' ');
    expect(header).not.toContain('with no Slack or Discord token the bot runs the local console mode');
    expect(header).toMatch(/exits with code 1/);
    // The image's command carries --require-platform (the Dockerfile test runs the image's steps).
    const result = await runCommand(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', '--require-platform'],
      '',
      { ...sourced(), PATH: process.env.PATH ?? '' },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('DISCORD_TOKEN');
  });
});
