import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './run-entry-point.js';

/**
 * A copy of the real question bank with only single-answer questions, for real-process tests that answer
 * by clicking one choice button: a randomly picked "choose two" question (a picker, no per-choice buttons)
 * would make them fail about one run in five. `checkout`: whose bank (the bench may run another checkout).
 * Returns the folder and its removal.
 */
export function singleAnswerBank(checkout = ROOT): { dir: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'single-answer-bank-'));
  const dir = path.join(root, 'questions');
  cpSync(path.join(checkout, 'questions'), dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => /^\d.*\.ya?ml$/.test(n))) {
    const file = path.join(dir, name);
    const questions = parse(readFileSync(file, 'utf8')) as { answer?: unknown }[];
    const single = questions.filter((q) => !Array.isArray(q.answer) || q.answer.length === 1);
    writeFileSync(file, stringify(single));
  }
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
