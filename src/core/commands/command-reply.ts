import type { Exam } from '../model/exam.js';
import type { Locale, Question, Round, ScopeId } from '../model/model.js';
import type { QuestionView, TextView } from '../ports/views.js';

/** Who asked, where, and in which language. Adapters build it from their payloads. */
export interface CommandContext {
  scope: ScopeId;
  channelId: string;
  userId: string;
  displayName: string;
  locale: Locale;
  /** Asked only for admin commands (it may cost a platform API call). */
  isAdmin(): Promise<boolean>;
  /**
   * The player's own IANA time zone, where the platform tells it (Slack); asked only to read an exam
   * date (it may cost a platform API call). Absent or null: the bot's time zone.
   */
  timeZone?: () => Promise<string | null>;
}

export type CommandReply =
  | {
      kind: 'text';
      view: TextView;
      /** The open mock exam this view shows a question of (the console answers it with typed letters). */
      exam?: Exam;
      /**
       * A private single-use link the view shows (`/quiz dashboard`): platforms send it so that no link
       * preview is made of it (Discord: as plain text with embeds suppressed).
       */
      link?: { url: string; expiresInMinutes: number };
    }
  | {
      kind: 'question';
      view: QuestionView;
      round: Round;
      question: Question;
      /** False for a question shown again that the player can no longer answer (`/quiz today`). */
      answerable?: boolean;
    };
