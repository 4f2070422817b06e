import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DEFAULT_EXAM_FORM, type ExamCommandAction } from '../../core/commands/parse-exam-command.js';
import { parseQuizCommand } from '../../core/commands/parse-quiz-command.js';
import type { CommandContext, CommandReply, QuizCommands } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { displayedChoices, parseTypedPicks, picksRequired } from '../../core/rounds/choices.js';
import type { RoundPublisher } from '../../core/rounds/round-publisher.js';
import { todayRound } from '../../core/rounds/today-round.js';
import type { ConsolePlatform } from './console-platform.js';
import { renderText } from './render-text.js';
import { wrapText } from './wrap.js';

export const CONSOLE_SCOPE = 'console:local';

/** Exam commands that show something else without leaving the exam (typed letters still answer it). */
const KEEPS_SCREEN: ReadonlySet<ExamCommandAction['do']> = new Set([
  'history',
  'report',
  'usage',
  'choose-section',
]);
export const CONSOLE_CHANNEL = 'console';

export interface ConsoleSessionDeps {
  commands: QuizCommands;
  publisher: RoundPublisher;
  platform: ConsolePlatform;
  input: Readable;
  write: (text: string) => void;
  defaultLocale: Locale;
  /** The player's name (see consoleUserName); empty for none, then a readable stand-in is used. */
  displayName: string;
  /** Failures other than the store's are logged here (stderr), besides the line shown to the user. */
  log?: Logger;
  /** The local web dashboard: listening (a sign-in link is printed at start), or why not. */
  dashboard?:
    | { kind: 'listening' }
    | { kind: 'port-in-use'; port: number }
    | { kind: 'failed'; reason: string };
}

/**
 * A local quiz session in the terminal: the same engine and commands as the chat platforms, driven by
 * typed lines. Works with piped input, so it can be scripted; returns at end of input or Ctrl-C.
 */
export async function runConsoleSession(deps: ConsoleSessionDeps): Promise<void> {
  const { commands, publisher, platform, write } = deps;
  const channel = { scope: CONSOLE_SCOPE, channelId: CONSOLE_CHANNEL };
  const context = async (): Promise<CommandContext> => ({
    scope: CONSOLE_SCOPE,
    channelId: CONSOLE_CHANNEL,
    userId: 'local-user',
    // Stored with a daily answer and shown on the boards: never "(no name)".
    displayName: deps.displayName || messagesFor(deps.defaultLocale).consolePlayer,
    locale:
      (await commands.engine.userLocale(CONSOLE_SCOPE, 'local-user').catch(() => null)) ?? deps.defaultLocale,
    // The person at the terminal owns this bot.
    isAdmin: async () => true,
  });

  /** Plain lines wrapped to the terminal like every rendered view. */
  const say = (text: string): void => write(`${wrapText(text, platform.width)}\n`);

  const rl = createInterface({ input: deps.input, terminal: false });
  rl.on('SIGINT', () => rl.close());
  const onSignal = (): void => rl.close();
  process.once('SIGINT', onSignal);

  // Start reading before the first await: lines piped in while the question is being posted would
  // otherwise be emitted before anyone listens, and lost.
  const lines = rl[Symbol.asyncIterator]();
  // One language for the player at the terminal, posts included: theirs (/quiz lang, kept on Redis
  // across runs), else QUIZ_LOCALE.
  const start = await context();
  platform.locale = start.locale;
  say(messagesFor(start.locale).consoleWelcome);
  await dashboardAtStart(start);
  /** A mock exam is on screen: typed letters answer it (until it ends or `/quiz exam quit`). */
  let examOnScreen = false;
  await resumeOrPost(start);

  try {
    for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
      const ctx = await context();
      platform.locale = ctx.locale;
      try {
        await handleLine(raw.trim(), ctx);
      } catch (error) {
        const m = messagesFor(ctx.locale);
        if (isStoreUnavailable(error)) say(m.unavailable);
        else {
          // One line for whoever reads the logs; the session goes on with the next line typed.
          deps.log?.error({ err: error, line: raw.trim() }, 'console command failed');
          say(m.somethingWentWrong);
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
  }

  /** The console player's dashboard link (or why there is none), under the welcome. */
  async function dashboardAtStart(ctx: CommandContext): Promise<void> {
    const d = messagesFor(ctx.locale).dashboard;
    const state = deps.dashboard;
    if (!state) return;
    if (state.kind === 'port-in-use') return say(d.consolePortInUse(state.port));
    if (state.kind === 'failed') return say(d.consoleUnavailable(state.reason));
    const reply = await commands.run({ kind: 'dashboard' }, ctx).catch((error: unknown) => {
      deps.log?.warn({ err: error }, 'dashboard link not issued at start');
      return null;
    });
    if (reply?.kind === 'text' && reply.link) {
      say(d.consoleLink(reply.link.expiresInMinutes));
      write(`${reply.link.url}\n`);
    } else if (reply?.kind === 'text') show(reply);
  }

  /**
   * A start shows the question of the day that is still open (on Redis it outlives the process), so a
   * restart neither reveals it early nor breaks a streak with a round nobody could answer; a new one is
   * posted only when none is open, and posting reveals one whose time is up.
   */
  async function resumeOrPost(ctx: CommandContext): Promise<void> {
    // An exam left open (its state is in the store) comes back first: its clock is running.
    if (await commands.exam.service.openExam(CONSOLE_SCOPE, ctx.userId)) {
      await runExam({ do: 'start', form: DEFAULT_EXAM_FORM }, ctx);
      return;
    }
    const today = await todayRound(commands.engine, channel, ctx.userId);
    if (today.kind === 'open' || today.kind === 'answered') show(await commands.run({ kind: 'today' }, ctx));
    else await publisher.publish(channel);
  }

  function show(reply: CommandReply): void {
    if (reply.kind === 'text' && reply.link) {
      // The link on a line of its own, never wrapped: a terminal makes it clickable only whole.
      const { title, lines } = reply.view;
      say(title);
      write(`${reply.link.url}\n`);
      for (const line of lines.filter((l) => l !== reply.link?.url)) say(line);
      return;
    }
    if (reply.kind === 'text') {
      write(renderText(reply.view, platform.layout));
      return;
    }
    // A review question says how many reviews remain, today's question shown again where the player
    // stands, in the line that counts answers on a posted one.
    platform.showQuestion(reply.round, reply.question, {
      ...(reply.round.kind === 'practice' ? {} : { status: reply.view.answers }),
      ...(reply.answerable === false ? { answerable: false } : {}),
    });
  }

  async function handleLine(line: string, ctx: CommandContext): Promise<void> {
    const m = messagesFor(ctx.locale);
    if (line === '') return;
    // Anything that reads as choice letters or numbers is an answer (`B`, `2`, `B,D`, `ｂ ｄ`): to the exam
    // on screen, else to the question on screen.
    if (!line.startsWith('/') && parseTypedPicks(line, 5) !== null) {
      if (examOnScreen) await runExam({ do: 'answer', letters: line }, ctx);
      else await answer(line, ctx);
      return;
    }
    const [command = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    switch (command.toLowerCase()) {
      case '/help':
      case 'help':
        // The same help as /quiz help: one help per platform, from the command table.
        show(await commands.run({ kind: 'help' }, ctx));
        return;
      case '/gcp':
        write(renderText(commands.gcp(args, ctx.locale), platform.layout));
        return;
      case '/quiz': {
        const parsed = parseQuizCommand(args);
        // "post" brings the channel's next scored question (and reveals the one before); "next" is a
        // practice question, never scored, as everywhere else.
        if (parsed.kind === 'post') {
          const unknown = commands.unknownSection(parsed.domain, m);
          if (unknown) {
            write(renderText(unknown, platform.layout));
            return;
          }
          const result = await publisher.publish(channel, parsed.domain ? { domain: parsed.domain } : {});
          if (result.kind === 'no-questions') say(m.noQuestions);
          return;
        }
        if (parsed.kind === 'exam') {
          await runExam(parsed.action, ctx);
          return;
        }
        show(await commands.run(parsed, ctx));
        return;
      }
      case '/practice': {
        // What the /gcp card's "practise a question" button does elsewhere.
        show(await commands.button({ kind: 'practice', serviceId: args.trim() }, ctx));
        return;
      }
      default:
        say(m.consoleUnknownInput);
    }
  }

  /**
   * An exam command: its view, with the typed commands its buttons stand for and how to answer. Whether the
   * exam is still on screen afterwards follows the store (submitted, timed out, or left with `quit`).
   */
  async function runExam(action: ExamCommandAction, ctx: CommandContext): Promise<void> {
    const m = messagesFor(ctx.locale);
    const reply = await commands.run({ kind: 'exam', action }, ctx);
    if (reply.kind !== 'text') return;
    write(`\n${renderText(reply.view, platform.layout)}`);
    const exam = reply.exam?.status === 'open' ? reply.exam : null;
    if (exam) {
      const item = exam.items[exam.position];
      say(m.exam.consoleHint(item ? item.answer.split(',').length : 1));
      examOnScreen = true;
    } else if (!KEEPS_SCREEN.has(action.do)) {
      // Submitted, timed out, left, or there was none: letters answer the daily question again.
      examOnScreen = false;
    }
  }

  async function answer(typed: string, ctx: CommandContext): Promise<void> {
    const m = messagesFor(ctx.locale);
    const current = platform.current;
    if (!current) {
      say(m.consoleNoQuestion);
      return;
    }
    const shown = displayedChoices(current.question, current.round);
    const picks = picksRequired(current.question);
    const letters = parseTypedPicks(typed, shown.length);
    const hint = picks > 1 ? m.consolePickHint(picks) : m.consoleAnswerHint(shown.length);
    if (!letters) {
      say(hint);
      return;
    }
    const distinct = [...new Set(letters)];
    if (distinct.length !== picks) {
      say(picks > 1 ? m.pickExactly(picks, distinct.length) : hint);
      return;
    }
    // The letters typed are the ones on screen; the store works on the bank's keys behind them.
    const keys = distinct.map((letter) => shown.find((d) => d.letter === letter)?.choice.key ?? letter);
    // The feedback's buttons ("I guessed", "Report") print as the commands that do the same here.
    const { view } = await commands.answer(current.round.id, keys.join(','), ctx);
    write(`\n${renderText(view, platform.layout)}`);
    // A practice or review question took the place of today's on screen: say how to get it back.
    if (current.round.kind !== 'daily') {
      const today = await todayRound(commands.engine, channel, ctx.userId);
      if (today.kind === 'open') say(`\n${m.todayStillOpen}`);
    }
  }
}
