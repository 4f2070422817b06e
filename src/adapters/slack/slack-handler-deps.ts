import type { QuizCommands } from '../../core/commands/quiz-commands.js';
import type { Locale } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';
import type { UserLocales } from '../../core/rounds/user-locales.js';
import type { SlackAdmins } from './slack-admins.js';
import type { SlackPlatform } from './slack-platform.js';

/** What the Slack listeners (commands, buttons, the picker) share; its own file so none of them imports another for it. */
export interface SlackHandlerDeps {
  commands: QuizCommands;
  platform: SlackPlatform;
  admins: SlackAdmins;
  locales: UserLocales;
  defaultLocale: Locale;
  log: Logger;
}
