import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlindQuestion } from '../../src/adapters/questions/blind-question.js';
import { loadContent } from '../../src/adapters/questions/load-content.js';
import { reviewHash } from '../../src/adapters/questions/review-hash.js';
import { ROOT } from '../support/run-entry-point.js';
import { runTool } from '../support/run-tool.js';

const content = loadContent(path.join(ROOT, 'questions'));

describe('npm run questions:blind', () => {
  it('prints a section by number as JSON: masked names, current hashes, no answers', async () => {
    const result = await runTool('questions-blind', ['1', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const views = JSON.parse(result.stdout) as BlindQuestion[];
    const section = content.questions.filter((q) => q.domain === 'low-code-ai');
    expect(views.map((v) => v.id)).toEqual(section.map((q) => q.id));
    expect(views.map((v) => v.hash)).toEqual(section.map(reviewHash));
    expect(views.every((v) => v.answer === undefined)).toBe(true);
    expect(result.stdout).not.toMatch(/BigQuery|AutoML|Gemini/);
  });

  it('prints one question with --answers as text, and fails on an unknown id or section', async () => {
    // A fixture bank: the real bank's wording changes with every rewrite.
    const dir = path.join(ROOT, 'test/fixtures/bank-reviews');
    const q = loadContent(dir).questions.find((x) => x.id === 's1-review-pass');
    const [one, unknown] = await Promise.all([
      runTool('questions-blind', ['s1-review-pass', '--answers', '--dir', dir]),
      runTool('questions-blind', ['no-such-question']),
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`== s1-review-pass · review hash ${q ? reviewHash(q) : ''}`);
    expect(one.stdout).toMatch(/^\[en\] Sales data is in Product A and the analysts write SQL\./m);
    expect(one.stdout).toMatch(/^Key: A$/m);
    expect(one.stdout).toMatch(/^Names: Product A = BigQuery · /m);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no question or section "no-such-question" (sections: 1 low-code-ai, ');
  });

  it('with --hide-ids names each question by its review hash only, in text and JSON', async () => {
    const dir = path.join(ROOT, 'test/fixtures/bank-reviews');
    const q = loadContent(dir).questions.find((x) => x.id === 's1-review-pass');
    const [text, json] = await Promise.all([
      runTool('questions-blind', ['s1-review-pass', '--hide-ids', '--dir', dir]),
      runTool('questions-blind', ['s1-review-pass', '--hide-ids', '--json', '--dir', dir]),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`== question · review hash ${q ? reviewHash(q) : ''} · section 1`);
    expect(text.stdout).not.toContain('s1-review-pass');
    expect(json.code).toBe(0);
    const [view] = JSON.parse(json.stdout) as Partial<BlindQuestion>[];
    expect(view?.hash).toBe(q ? reviewHash(q) : '');
    expect(view).not.toHaveProperty('id');
  });

  it('ends quietly when its reader goes away early, as `| head` does (no EPIPE stack, exit 0)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/tools/questions-blind.ts', '3', '4', '5'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Read the first chunk only, then close the pipe while the tool is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
