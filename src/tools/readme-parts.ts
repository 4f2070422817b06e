import { PassThrough } from 'node:stream';
import { ConsolePlatform } from '../adapters/console/console-platform.js';
import { runConsoleSession } from '../adapters/console/console-session.js';
import { DEFAULT_WIDTH } from '../adapters/console/terminal-width.js';
import { MemoryQuizStore } from '../adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../adapters/memory/memory-subscription-store.js';
import { bankRuleList } from '../adapters/questions/bank-rule-list.js';
import { rewrittenSections } from '../adapters/questions/bank-rules/rewritten-sections.js';
import { InMemoryQuestionBank } from '../adapters/questions/in-memory-question-bank.js';
import { loadQuizContent, type QuizContent } from '../adapters/questions/quiz-content.js';
import { buildApp } from '../app/app.js';
import { loadConfig } from '../app/config.js';
import type { Question } from '../core/model/model.js';
import { silentLogger } from '../core/ports/logger.js';
import { displayedChoices } from '../core/rounds/choices.js';

/**
 * The parts of README.md made from the code and the bank, each between marker comments: the question
 * example at the top and the rules `questions:check` enforces. `npm run readme:example` writes them, and
 * a test fails when README.md holds anything else.
 */

/** The question the README shows: a single-answer scenario of section 1, named here on purpose. */
export const EXAMPLE_ID = 's1-bqml-forecast-weekly-refresh';
/** The file the example falls back to when `EXAMPLE_ID` leaves the bank. */
export const EXAMPLE_FILE = '1-low-code-ai.yaml';
/** What makes the console session repeatable: a fixed seed (choice order) and a fixed clock (closing time). */
export const EXAMPLE_SEED = 1;
const NOW = Date.UTC(2026, 11, 1, 0, 0);

export type ReadmePartName = 'question-example' | 'bank-rules';

export interface ReadmePart {
  name: ReadmePartName;
  text: string;
}

/**
 * The example question: `EXAMPLE_ID` while it is in the bank; else the first single-answer scenario of
 * `EXAMPLE_FILE` in a rewritten section (one with a review file), else the first of that file.
 */
export function exampleQuestion(quiz: QuizContent, dir: string): Question {
  const named = quiz.bank.get(EXAMPLE_ID);
  if (named) return named;
  const rewritten = rewrittenSections(
    dir,
    quiz.content.domains.map((d) => d.id),
  );
  const candidates = quiz.content.questions
    .filter((q) => q.file.endsWith(EXAMPLE_FILE) && q.style === 'scenario' && typeof q.answer === 'string')
    .map((q) => quiz.bank.get(q.id))
    .filter((q): q is Question => q !== undefined);
  const pick = candidates.find((q) => rewritten.includes(q.domain)) ?? candidates[0];
  if (!pick) throw new Error(`no single-answer scenario in ${EXAMPLE_FILE} to show in README.md`);
  return pick;
}

/**
 * One round of the question exactly as console mode prints it (`QUIZ_LOCALE=en`, piped, 80 columns):
 * the real console platform and session on the memory store, answered with the right letter(s). The
 * welcome line is left out, and the typed answer is shown as a terminal would echo it.
 */
export async function consoleTranscript(question: Question, quiz: QuizContent): Promise<string> {
  const loaded = loadConfig({ QUIZ_LOCALE: 'en', QUIZ_SEED: String(EXAMPLE_SEED) });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const { quiz: settings } = loaded.config;
  const bank = new InMemoryQuestionBank([question], quiz.bank.domains());
  const clock = { now: () => NOW };
  const app = buildApp({
    bank,
    catalog: quiz.catalog,
    store: new MemoryQuizStore(),
    subscriptions: new MemorySubscriptionStore(clock.now),
    clock,
    log: silentLogger,
    quiz: settings,
    channelLocale: settings.locale,
  });
  const input = new PassThrough();
  let output = '';
  let typed: { at: number; letters: string } | null = null;
  const platform = new ConsolePlatform(
    (text) => {
      output += text;
      // The question is on screen: answer it with the letters of its right choices, once.
      if (typed || !platform.current) return;
      const { round } = platform.current;
      const letters = displayedChoices(question, round)
        .filter((d) => question.answer.includes(d.choice.key))
        .map((d) => d.letter)
        .join(',');
      typed = { at: output.length, letters };
      input.end(`${letters}\n`);
    },
    bank,
    settings.timeZone,
    settings.locale,
    DEFAULT_WIDTH,
  );
  app.platforms.set('console', platform);
  await runConsoleSession({
    commands: app.commands,
    publisher: app.publisher,
    platform,
    input,
    write: (text) => {
      output += text;
    },
    defaultLocale: settings.locale,
    displayName: '',
  });
  const answered = typed as { at: number; letters: string } | null;
  if (!answered) throw new Error(`console mode did not show ${question.id}`);
  const shown = output.slice(output.indexOf('━━━'), answered.at).trimEnd();
  return `${shown}\n${answered.letters}\n${output.slice(answered.at)}`.trimEnd();
}

export async function readmeParts(dir: string): Promise<ReadmePart[]> {
  const quiz = loadQuizContent(dir);
  const question = exampleQuestion(quiz, dir);
  const transcript = await consoleTranscript(question, quiz);
  return [
    { name: 'question-example', text: `\`\`\`\n${transcript}\n\`\`\`` },
    { name: 'bank-rules', text: bankRuleList() },
  ];
}

const start = (name: ReadmePartName): string =>
  `<!-- ${name}: written by \`npm run readme:example\` from the code and the bank; do not edit by hand -->`;
const end = (name: ReadmePartName): string => `<!-- /${name} -->`;

/** The text between a part's markers, or null when README.md lacks them. */
export function readmePart(readme: string, name: ReadmePartName): string | null {
  const from = readme.indexOf(start(name));
  const to = readme.indexOf(end(name));
  if (from < 0 || to < from) return null;
  return readme.slice(from + start(name).length, to).trim();
}

/** README.md with each part's markers holding its new text. */
export function withReadmeParts(readme: string, parts: readonly ReadmePart[]): string {
  let out = readme;
  for (const part of parts) {
    const from = out.indexOf(start(part.name));
    const to = out.indexOf(end(part.name));
    if (from < 0 || to < from)
      throw new Error(`README.md has no markers for ${part.name}: ${start(part.name)}`);
    out = `${out.slice(0, from)}${start(part.name)}\n${part.text}\n${out.slice(to)}`;
  }
  return out;
}
