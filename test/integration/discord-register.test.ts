import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandDefinitions } from '../../src/adapters/discord/commands/command-definitions.js';
import { readQuizCommand, type SlashInput } from '../../src/adapters/discord/commands/read-quiz-command.js';
import { registerCommands } from '../../src/adapters/discord/commands/register-commands.js';
import { parseQuizCommand } from '../../src/core/commands/parse-quiz-command.js';
import { realContent } from '../support/discord-harness.js';
import { commandProblems } from '../support/discord-payload-limits.js';
import { APP_ID, FakeDiscord } from '../support/fake-discord.js';
import { ROOT } from '../support/run-entry-point.js';

/** The slash-command definitions, their registration (global and per server) and their decoding. */

const GUILD = '200000000000000009';
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

type Option = {
  name: string;
  type: number;
  options?: Option[];
  choices?: { value: string }[];
  autocomplete?: boolean;
};

describe('command definitions', () => {
  const domains = realContent().bank.domains();
  const commands = buildCommandDefinitions(domains);
  const byName = (name: string) => commands.find((c) => c.name === name);
  const optionsOf = (name: string): Option[] => (byName(name)?.options ?? []) as Option[];

  it('follow Discord’s rules: names, 1-100 character descriptions, at most 25 options and choices', () => {
    expect(commandProblems(commands as unknown as Record<string, unknown>[])).toEqual([]);
    expect(commands.map((c) => c.name)).toEqual(['gcp', 'quiz', 'quiz-admin']);
  });

  it('/quiz-admin needs Manage Server by default; /quiz and /gcp are for everyone; none work in DMs', () => {
    expect(byName('quiz-admin')?.default_member_permissions).toBe('32');
    expect(byName('quiz')?.default_member_permissions ?? null).toBeNull();
    expect(byName('gcp')?.default_member_permissions ?? null).toBeNull();
    for (const c of commands) expect(c.contexts).toEqual([0]);
  });

  it('has Japanese descriptions and choice names', () => {
    for (const c of commands) expect(c.description_localizations?.ja).toBeTruthy();
    const leaderboard = optionsOf('quiz').find((o) => o.name === 'leaderboard');
    const period = leaderboard?.options?.find((o) => o.name === 'period') as unknown as {
      choices: { name: string; name_localizations: { ja: string }; value: string }[];
    };
    expect(period.choices.map((c) => [c.value, c.name_localizations.ja])).toEqual([
      ['week', '今週'],
      ['month', '今月'],
      ['all', '累計'],
    ]);
  });

  it('mirrors the QuizCommand kinds: subcommands, the team group, the admin schedule group', () => {
    const paths = (options: Option[] | undefined, prefix: string): string[] =>
      (options ?? []).flatMap((o) =>
        o.type === 1 ? [`${prefix} ${o.name}`] : o.type === 2 ? paths(o.options, `${prefix} ${o.name}`) : [],
      );
    expect(paths(optionsOf('quiz'), 'quiz')).toEqual([
      'quiz help',
      'quiz leaderboard',
      'quiz me',
      'quiz dashboard',
      'quiz next',
      'quiz team join',
      'quiz team leave',
      'quiz team list',
      'quiz schedule',
      'quiz lang',
      'quiz review',
      'quiz ready',
      'quiz exam-date',
      'quiz report',
      'quiz exam start',
      'quiz exam flag',
      'quiz exam back',
      'quiz exam next',
      'quiz exam go',
      'quiz exam submit',
      'quiz exam quit',
      'quiz exam history',
      'quiz exam report',
      'quiz exam public',
    ]);
    expect(paths(optionsOf('quiz-admin'), 'quiz-admin')).toEqual([
      'quiz-admin post',
      'quiz-admin schedule set',
      'quiz-admin schedule off',
      'quiz-admin schedule domain',
      'quiz-admin schedule length',
      'quiz-admin schedule digest',
      'quiz-admin schedule extras',
      'quiz-admin reports',
      'quiz-admin restore',
      'quiz-admin question',
      'quiz-admin exam-schedule',
    ]);
    const next = optionsOf('quiz').find((o) => o.name === 'next');
    expect(next?.options?.[0]?.choices?.map((c) => c.value)).toEqual(domains.map((d) => d.id));
    expect(optionsOf('gcp')[0]).toMatchObject({ name: 'query', autocomplete: true });
  });
});

describe('reading a slash command', () => {
  const input = (path: string, values: Record<string, string | boolean | number> = {}): SlashInput => {
    const [commandName = '', a = null, b = null] = path.split(' ');
    return {
      commandName,
      group: b ? a : null,
      subcommand: b ?? a,
      string: (name) => (typeof values[name] === 'string' ? (values[name] as string) : null),
      boolean: (name) => (typeof values[name] === 'boolean' ? (values[name] as boolean) : null),
      integer: (name) => (typeof values[name] === 'number' ? (values[name] as number) : null),
    };
  };

  it('reads the exam subcommands as the text parser reads /quiz exam ...', () => {
    const same = (path: string, values: Record<string, string | number>, typed: string) =>
      expect(readQuizCommand(input(path, values))).toEqual(parseQuizCommand(typed));
    same('quiz exam start', {}, 'exam');
    same('quiz exam start', { form: 'sprint' }, 'exam sprint');
    same('quiz exam start', { form: 'section', section: 'pipelines' }, 'exam section pipelines');
    same('quiz exam start', { form: 'section' }, 'exam section');
    same('quiz exam go', { number: 7 }, 'exam go 7');
    same('quiz exam report', { page: 2 }, 'exam report 2');
    for (const sub of ['flag', 'back', 'next', 'submit', 'quit', 'history'])
      same(`quiz exam ${sub}`, {}, `exam ${sub}`);
    // Forged values: the usage, as a typed command would get.
    same('quiz exam start', { form: 'marathon' }, 'exam marathon');
    same('quiz exam go', { number: 0 }, 'exam go 0');
    same('quiz exam public', { state: 'on' }, 'exam public on');
    same(
      'quiz-admin exam-schedule',
      { form: 'sprint', date: '2030-01-08', time: '10:00' },
      'exam schedule sprint 2030-01-08 10:00',
    );
    same(
      'quiz-admin exam-schedule',
      { form: 'full', date: '2030-01-08', time: '10:00', timezone: 'UTC' },
      'exam schedule full 2030-01-08 10:00 UTC',
    );
  });

  it('turns every path into the same QuizCommand the text parser makes', () => {
    expect(readQuizCommand(input('quiz leaderboard'))).toEqual({
      kind: 'leaderboard',
      period: 'week',
      teams: false,
    });
    expect(readQuizCommand(input('quiz leaderboard', { period: 'all', teams: true }))).toEqual({
      kind: 'leaderboard',
      period: 'all',
      teams: true,
    });
    expect(readQuizCommand(input('quiz next', { domain: 'pipelines' }))).toEqual({
      kind: 'next',
      domain: 'pipelines',
    });
    expect(readQuizCommand(input('quiz team join', { name: 'ML Ops' }))).toEqual({
      kind: 'team-join',
      name: 'ML Ops',
    });
    expect(readQuizCommand(input('quiz schedule'))).toEqual({ kind: 'schedule-show' });
    expect(readQuizCommand(input('quiz exam-date', { date: ' 2027-03-01 ' }))).toEqual({
      kind: 'exam-date',
      value: '2027-03-01',
    });
    expect(readQuizCommand(input('quiz lang', { locale: 'en' }))).toEqual({ kind: 'lang', locale: 'en' });
    expect(readQuizCommand(input('quiz-admin post'))).toEqual({ kind: 'post' });
    expect(
      readQuizCommand(input('quiz-admin schedule set', { cron: ' 0 9 * * 1-5 ', timezone: 'UTC' })),
    ).toEqual({
      kind: 'schedule-set',
      cron: '0 9 * * 1-5',
      timeZone: 'UTC',
    });
    expect(readQuizCommand(input('quiz-admin schedule off'))).toEqual({ kind: 'schedule-off' });
    expect(readQuizCommand(input('quiz-admin schedule domain', { domain: 'monitoring' }))).toEqual({
      kind: 'schedule-domain',
      domain: 'monitoring',
    });
    expect(readQuizCommand(input('quiz-admin schedule domain', { domain: 'all' }))).toEqual({
      kind: 'schedule-domain',
      domain: null,
    });
    expect(readQuizCommand(input('quiz-admin schedule length', { minutes: 90 }))).toEqual({
      kind: 'schedule-length',
      minutes: 90,
    });
    expect(readQuizCommand(input('quiz-admin schedule length'))).toEqual({
      kind: 'schedule-length',
      minutes: null,
    });
    expect(readQuizCommand(input('quiz-admin schedule length', { minutes: 2 }))).toEqual({
      kind: 'usage',
      command: 'schedule',
    });
    expect(readQuizCommand(input('quiz-admin schedule digest', { state: 'on' }))).toEqual({
      kind: 'schedule-digest',
      enabled: true,
    });
  });

  it('checks forged values again', () => {
    expect(readQuizCommand(input('quiz leaderboard', { period: 'year' }))).toEqual({
      kind: 'usage',
      command: 'leaderboard',
    });
    expect(readQuizCommand(input('quiz lang', { locale: 'fr' }))).toEqual({ kind: 'usage', command: 'lang' });
    expect(readQuizCommand(input('quiz-admin schedule digest', { state: 'maybe' }))).toEqual({
      kind: 'usage',
      command: 'schedule',
    });
    expect(readQuizCommand(input('quiz exam-date', { date: '  ' }))).toEqual({
      kind: 'usage',
      command: 'exam-date',
    });
    expect(readQuizCommand(input('quiz dance'))).toEqual({
      kind: 'usage',
      command: 'quiz',
      unknown: 'dance',
    });
  });
});

describe('registration', () => {
  it('bulk-overwrites the global commands with one PUT', async () => {
    const result = await registerCommands({
      token: 'fake-token',
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
      domains: realContent().bank.domains(),
    });
    expect(result).toEqual({ scope: 'global', names: ['gcp', 'quiz', 'quiz-admin'] });
    const put = fake.requests.find(
      (r) => r.method === 'PUT' && r.route === `/applications/${APP_ID}/commands`,
    );
    expect(put?.auth).toBe('Bot fake-token');
    expect(put?.body).toEqual(buildCommandDefinitions(realContent().bank.domains()));
  });

  it('npm run discord:register with DISCORD_GUILD_ID registers for that server (no REDIS_URL needed)', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_URL: fake.apiUrl,
    };
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/tools/discord-register.ts'], {
        cwd: ROOT,
        env,
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Registered /gcp, /quiz, /quiz-admin for server ${GUILD}.`);
    const put = fake.requests.find(
      (r) => r.method === 'PUT' && r.route === `/applications/${APP_ID}/guilds/${GUILD}/commands`,
    );
    expect(put?.body).toEqual(buildCommandDefinitions(realContent().bank.domains()));
    expect(
      fake.requests.flatMap((r) => (r.method === 'PUT' ? commandProblems(r.body as never) : [])),
    ).toEqual([]);
  });
});
