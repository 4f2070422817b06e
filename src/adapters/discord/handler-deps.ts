import type { QuizCommands } from '../../core/commands/quiz-commands.js';
import type { Logger } from '../../core/ports/logger.js';
import type { DiscordPlatform } from './discord-platform.js';
import type { ContextDeps } from './interaction-context.js';

/** What the interaction handlers share. */
export interface HandlerDeps extends ContextDeps {
  commands: QuizCommands;
  /** Its throttled answer-count refresh runs after every recorded daily answer. */
  platform: DiscordPlatform;
  log: Logger;
  /** A click's reply slower than this is deferred first (default 1.5 s; tests shorten it). */
  deferAfterMs?: number;
}
