import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { longBankOf } from '../support/long-questions.js';
import { consoleEnv, ROOT, runCommand, runEntryPoint } from '../support/run-entry-point.js';

/** The console as people use it: "choose two", wrapping by display width, full-width input, `| head`. */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const bankOf = (id: string): string => longBankOf(id, made);

/** The letter each bank key is shown under, read from the printed question (`  C. <text>`). */
function lettersByText(stdout: string, texts: Record<string, string>): Record<string, string> {
  const letters: Record<string, string> = {};
  for (const [key, text] of Object.entries(texts)) {
    const match = new RegExp(`^  ([A-E])\\. ${text.slice(0, 30)}`, 'm').exec(stdout);
    if (match?.[1]) letters[key] = match[1];
  }
  return letters;
}

function withoutUser(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { USER: _user, ...rest } = env;
  return rest;
}

const FULL_WIDTH: Record<string, string> = { A: 'Ａ', B: 'Ｂ', C: 'Ｃ', D: 'Ｄ', E: 'Ｅ' };

describe('the console', () => {
  it('plays a "choose two" round for one player: wrong count, full-width answer, duplicate, reveal', async () => {
    const dir = bankOf('long-multi-drift-monitoring');
    const env = consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_LOCALE: 'en', QUIZ_SEED: '11' });
    // The same seed shows the same order: read it first, then answer with the letters shown.
    const first = await runEntryPoint('', env);
    const letters = lettersByText(first.stdout, {
      B: 'Enable Vertex AI Model Monitoring',
      D: 'Export prediction request-response',
    });
    expect(Object.keys(letters)).toEqual(['B', 'D']);
    const right = [letters.B, letters.D] as string[];
    const wrong = ['A', 'B', 'C', 'D', 'E'].filter((l) => !right.includes(l));
    const input = [
      right[0], // one pick for "choose two"
      `${FULL_WIDTH[right[1] ?? '']}，${FULL_WIDTH[right[0] ?? '']}`, // full width, any order
      `${wrong[0]} ${wrong[1]}`.toLowerCase(), // a second answer: only the first counts
      '/quiz post', // reveals the round
      '/quiz me',
    ].join('\n');
    const result = await runEntryPoint(`${input}\n`, env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Choose 2: type the letters');
    expect(result.stdout).toContain('Pick exactly 2 options (you picked 1).');
    expect(result.stdout).toContain('Correct! +10 points');
    expect(result.stdout).toContain(`Right answers: ${[...right].sort().join(', ')}`);
    expect(result.stdout).toContain('You already answered this one');
    expect(result.stdout).toContain(`Correct answers: ${[...right].sort().join(', ')}`);
    expect(result.stdout).toContain('1 person answered · Whole set right: 1 (100%)');
    expect(result.stdout).toContain('Stats for tester');
  });

  it('wraps at 80 columns when piped, by display width, with Japanese line-break rules; practice never scores', async () => {
    const dir = bankOf('long-single-canary');
    const result = await runEntryPoint(
      // No USER: the player is named from the OS account, and is not called 「you さん」.
      '1\n/gcp bqml\n/quiz next\n1\n/quiz me\n',
      withoutUser(consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_SEED: '3' })),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${userInfo().username} さんの成績`);
    expect(result.stdout).not.toMatch(/you ?さん/);
    // /quiz next is practice: its feedback reports no points (only the daily answer's does).
    expect(result.stdout).toContain('練習問題（得点には数えません）');
    expect(result.stdout.split('あなたの得点:').length - 1).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => stringWidth(l) > 80 && !isDashboardLink(l))).toEqual([]);
    expect(lines.filter((l) => /^\s*[、。，．」』）】！？]/.test(l))).toEqual([]);
    expect(lines.some((l) => stringWidth(l) > 70)).toBe(true); // it did wrap, not just cut short
    expect(result.stdout).toContain('【正解の理由】');
  });

  it('wraps at COLUMNS when piped', async () => {
    const result = await runEntryPoint(
      '/quiz me\n',
      consoleEnv({ QUIZ_QUESTIONS_DIR: bankOf('long-single-canary'), QUIZ_SEED: '3', COLUMNS: '50' }),
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    // The dashboard link alone keeps its line whole, however long: a terminal makes it clickable only so.
    expect(lines.filter((l) => stringWidth(l) > 50 && !isDashboardLink(l))).toEqual([]);
    expect(lines.some((l) => stringWidth(l) > 40)).toBe(true);
  });

  it('wraps at COLUMNS, else 80, in a terminal that reports 0 columns (script run from a non-terminal)', async () => {
    const dir = bankOf('long-single-canary');
    const env = consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_SEED: '3' });
    // `script` gives the bot a pseudo-terminal; opened from a pipe, that terminal is 0 columns wide.
    const inTerminal = (extra: NodeJS.ProcessEnv) =>
      runCommand(
        'script',
        ['-qec', `${process.execPath} --import tsx src/main.ts`, '/dev/null'],
        '/quiz me\n',
        {
          ...env,
          ...extra,
        },
      );
    const widest = (stdout: string): number =>
      Math.max(
        ...stdout
          .split(/\r?\n/)
          .filter((l) => !isDashboardLink(l))
          .map((l) => stringWidth(l)),
      );
    const withColumns = await inTerminal({ COLUMNS: '60' });
    expect(widest(withColumns.stdout)).toBeLessThanOrEqual(60);
    expect(widest(withColumns.stdout)).toBeGreaterThan(50);
    const without = await inTerminal({});
    expect(widest(without.stdout)).toBeLessThanOrEqual(80);
    expect(widest(without.stdout)).toBeGreaterThan(70);
  });

  it('speaks English only in English: no readings, no 【】 headings; a /gcp card offers a typed command', async () => {
    const dir = bankOf('long-single-canary');
    const result = await runEntryPoint(
      '/gcp bqml\n/gcp zzzz\n',
      consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_LOCALE: 'en', QUIZ_SEED: '3' }),
    );
    const cards = result.stdout.slice(result.stdout.indexOf('BigQuery ML'));
    expect(cards).not.toMatch(/[\u3040-\u30ff【】]/); // no kana readings, no Japanese headings
    expect(cards).toContain('/practice bigquery-ml'); // the "practise" button, as a command
    expect(cards).not.toContain('•');
  });

  it('ends quietly when the reader goes away (| head)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: consoleEnv({ QUIZ_QUESTIONS_DIR: bankOf('long-single-canary') }),
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Read the first chunk, then close the pipe, as `head -1` does; then keep the session writing.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    child.stdin.end('/help\n/help\n/help\n/quiz me\n/help\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});

/** The console's dashboard sign-in link, printed on a line of its own. */
function isDashboardLink(line: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d+\/dash\/login\?t=\S+$/.test(line);
}
