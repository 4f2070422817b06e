import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './run-entry-point.js';

/**
 * A copy of the real question bank with only "choose two/three" questions, for real-process exam tests that
 * must meet a multiple-select question at a known place (every question is one) without depending on the
 * bank's current order. Returns the folder and its removal.
 */
export function multiSelectBank(): { dir: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'multi-select-bank-'));
  const dir = path.join(root, 'questions');
  cpSync(path.join(ROOT, 'questions'), dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => /^\d.*\.ya?ml$/.test(n))) {
    const file = path.join(dir, name);
    const questions = parse(readFileSync(file, 'utf8')) as { answer?: unknown }[];
    writeFileSync(file, stringify(questions.filter((q) => Array.isArray(q.answer) && q.answer.length === 2)));
  }
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
