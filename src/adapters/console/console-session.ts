import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isStoreUnavailable } from '../../core/errors.js';
import { messagesFor } from '../../core/messages/index.js';
import type { Locale } from '../../core/model.js';
import { parseQuizCommand } from '../../core/parse-quiz-command.js';
import type { Logger } from '../../core/ports/logger.js';
import type { CommandContext, QuizCommands } from '../../core/quiz-commands.js';
import type { RoundPublisher } from '../../core/round-publisher.js';
import type { ConsolePlatform } from './console-platform.js';
import { renderText } from './render-text.js';

export const CONSOLE_SCOPE = 'console:local';
export const CONSOLE_CHANNEL = 'console';

export interface ConsoleSessionDeps {
  commands: QuizCommands;
  publisher: RoundPublisher;
  platform: ConsolePlatform;
  input: Readable;
  write: (text: string) => void;
  defaultLocale: Locale;
  displayName: string;
  /** Failures other than the store's are logged here (stderr), besides the line shown to the user. */
  log?: Logger;
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
    displayName: deps.displayName,
    locale:
      (await commands.engine.userLocale(CONSOLE_SCOPE, 'local-user').catch(() => null)) ?? deps.defaultLocale,
    // The person at the terminal owns this bot.
    isAdmin: async () => true,
  });

  const rl = createInterface({ input: deps.input, terminal: false });
  rl.on('SIGINT', () => rl.close());
  const onSignal = (): void => rl.close();
  process.once('SIGINT', onSignal);

  // Start reading before the first await: lines piped in while the question is being posted would
  // otherwise be emitted before anyone listens, and lost.
  const lines = rl[Symbol.asyncIterator]();
  write(`${messagesFor(deps.defaultLocale).consoleWelcome}\n`);
  await publisher.publish(channel);

  try {
    for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
      const ctx = await context();
      platform.locale = ctx.locale;
      try {
        await handleLine(raw.trim(), ctx);
      } catch (error) {
        const m = messagesFor(ctx.locale);
        if (isStoreUnavailable(error)) write(`${m.unavailable}\n`);
        else {
          // One line for whoever reads the logs; the session goes on with the next line typed.
          deps.log?.error({ err: error, line: raw.trim() }, 'console command failed');
          write(`${m.somethingWentWrong}\n`);
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
  }

  async function handleLine(line: string, ctx: CommandContext): Promise<void> {
    const m = messagesFor(ctx.locale);
    if (line === '') return;
    if (/^[1-9]$/.test(line) || /^[a-e]$/i.test(line)) {
      await answer(line, ctx);
      return;
    }
    const [command = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    switch (command.toLowerCase()) {
      case '/help':
      case 'help':
        write(`${m.consoleHelp}\n`);
        return;
      case '/gcp':
        write(renderText(commands.gcp(args, ctx.locale)));
        return;
      case '/quiz': {
        const parsed = parseQuizCommand(args);
        // In the console, "next" and "post" both bring the channel's next scored question.
        if (parsed.kind === 'next' || parsed.kind === 'post') {
          const result = await publisher.publish(channel, parsed.domain ? { domain: parsed.domain } : {});
          if (result.kind === 'no-questions') write(`${m.noQuestions}\n`);
          return;
        }
        const reply = await commands.run(parsed, ctx);
        if (reply.kind === 'text') write(renderText(reply.view));
        else platform.showQuestion(reply.round, reply.question);
        return;
      }
      default:
        write(`${m.consoleUnknownInput}\n`);
    }
  }

  async function answer(typed: string, ctx: CommandContext): Promise<void> {
    const m = messagesFor(ctx.locale);
    const current = platform.current;
    if (!current) {
      write(`${m.consoleNoQuestion}\n`);
      return;
    }
    const choices = current.question.choices;
    const choice = /^\d$/.test(typed)
      ? choices[Number(typed) - 1]
      : choices.find((c) => c.key === typed.toUpperCase());
    if (!choice) {
      write(`${m.consoleAnswerHint(choices.length)}\n`);
      return;
    }
    const { view } = await commands.answer(current.round.id, choice.key, ctx);
    write(`\n${renderText(view)}`);
  }
}
