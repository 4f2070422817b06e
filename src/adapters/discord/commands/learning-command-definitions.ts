import type {
  APIApplicationCommandOptionChoice,
  SlashCommandBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { LearningCommand } from '../../../core/commands/parse-learning-command.js';
import type { Locale } from '../../../core/model/model.js';
import { REPORT_REASONS } from '../../../core/ports/learning-store.js';
import { messagesFor } from '../../../core/presentation/messages/index.js';

/**
 * The learning subcommands on Discord: `/quiz review|ready|report` and `/quiz-admin reports|restore|question`.
 * Their picker descriptions are registration metadata (as in command-text.ts), kept here with them.
 */
const TEXT: Record<Locale, Record<string, string>> = {
  en: {
    review: 'A question you are due to review (FSRS), or turn reviews on or off',
    reviewState: 'Turn your reviews on or off',
    ready: 'Your exam readiness per section (or your team’s)',
    readyTeam: 'Pool the answers of your team',
    examDate: 'Your exam date: days left in /quiz me and /quiz ready; reviews focus on it near the day',
    examDateValue: 'The date as YYYY-MM-DD (e.g. 2027-03-01), or off to clear it',
    report: 'Report the last question you answered',
    reportReason: 'What is wrong with it',
    reportDetails: 'Details (optional)',
    reports: 'Open question reports of this server',
    reportsDismiss: 'Dismiss the open reports on this question id',
    restore: 'Bring a suspended question back',
    question: 'A question with its key, figures and open reports',
    questionId: 'The question id (e.g. s1-automl-tabular)',
  },
  ja: {
    review: '復習の時期が来た問題（FSRS）。復習のオン・オフ',
    reviewState: '復習をオンまたはオフにする',
    ready: 'セクション別の試験準備度（自分またはチーム）',
    readyTeam: 'チームの回答をまとめて評価する',
    examDate: '試験日: /quiz me と /quiz ready に残り日数を表示、直前は復習を試験対策に',
    examDateValue: 'YYYY-MM-DD 形式の日付（例: 2027-03-01）。off で解除',
    report: '最後に答えた問題を報告する',
    reportReason: '何が問題か',
    reportDetails: '詳細（任意）',
    reports: 'このサーバーの未対応の問題報告',
    reportsDismiss: 'この問題 ID への未対応の報告を却下する',
    restore: '出題停止した問題を戻す',
    question: '問題の正解・統計・未対応の報告',
    questionId: '問題 ID（例: s1-automl-tabular）',
  },
};

export const LEARNING_NAMES = {
  state: 'state',
  team: 'team',
  reason: 'reason',
  details: 'details',
  date: 'date',
  dismiss: 'dismiss',
  id: 'id',
} as const;

type Describable = {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: Record<string, string>): unknown;
};

function describe<T extends Describable>(builder: T, key: string): T {
  builder.setDescription(TEXT.en[key] ?? key);
  builder.setDescriptionLocalizations({ ja: TEXT.ja[key] ?? key });
  return builder;
}

function choice(value: string, en: string, ja: string): APIApplicationCommandOptionChoice<string> {
  return { name: en.slice(0, 100), name_localizations: { ja: ja.slice(0, 100) }, value };
}

type Builder = SlashCommandBuilder | SlashCommandSubcommandsOnlyBuilder;

export function addLearningSubcommands(command: Builder): void {
  const en = messagesFor('en').learning;
  const ja = messagesFor('ja').learning;
  command
    .addSubcommand((s) =>
      describe(s.setName('review'), 'review').addStringOption((o) =>
        describe(o.setName(LEARNING_NAMES.state), 'reviewState').addChoices(
          choice('on', 'on', 'オン'),
          choice('off', 'off', 'オフ'),
        ),
      ),
    )
    .addSubcommand((s) =>
      describe(s.setName('ready'), 'ready').addBooleanOption((o) =>
        describe(o.setName(LEARNING_NAMES.team), 'readyTeam'),
      ),
    )
    .addSubcommand((s) =>
      // A free string, not a date picker (Discord has none): the core explains a malformed one.
      describe(s.setName('exam-date'), 'examDate').addStringOption((o) =>
        describe(o.setName(LEARNING_NAMES.date), 'examDateValue').setRequired(true).setMaxLength(40),
      ),
    )
    .addSubcommand((s) =>
      describe(s.setName('report'), 'report')
        .addStringOption((o) =>
          describe(o.setName(LEARNING_NAMES.reason), 'reportReason')
            .setRequired(true)
            .addChoices(...REPORT_REASONS.map((r) => choice(r, en.reportReasons[r], ja.reportReasons[r]))),
        )
        .addStringOption((o) =>
          describe(o.setName(LEARNING_NAMES.details), 'reportDetails').setMaxLength(300),
        ),
    );
}

export function addLearningAdminSubcommands(command: Builder): void {
  const id = (o: import('discord.js').SlashCommandStringOption) =>
    describe(o.setName(LEARNING_NAMES.id), 'questionId').setRequired(true).setMaxLength(64);
  command
    .addSubcommand((s) =>
      describe(s.setName('reports'), 'reports').addStringOption((o) =>
        describe(o.setName(LEARNING_NAMES.dismiss), 'reportsDismiss').setMaxLength(64),
      ),
    )
    .addSubcommand((s) => describe(s.setName('restore'), 'restore').addStringOption(id))
    .addSubcommand((s) => describe(s.setName('question'), 'question').addStringOption(id));
}

/** What the reader needs from the options. */
export interface LearningSlashInput {
  string(name: string): string | null;
  boolean(name: string): boolean | null;
}

type Usage = { kind: 'usage'; command: string };

/** `quiz review`, `quiz-admin reports`, ... as a LearningCommand; undefined for other paths. */
export function readLearningCommand(
  path: string,
  input: LearningSlashInput,
): LearningCommand | Usage | undefined {
  const questionId = input.string(LEARNING_NAMES.id)?.trim() ?? '';
  switch (path) {
    case 'quiz review': {
      const state = input.string(LEARNING_NAMES.state);
      if (state === null) return { kind: 'review' };
      return state === 'on' || state === 'off'
        ? { kind: 'review-set', enabled: state === 'on' }
        : { kind: 'usage', command: 'review' };
    }
    case 'quiz ready':
      return { kind: 'ready', team: input.boolean(LEARNING_NAMES.team) ?? false };
    case 'quiz exam-date': {
      const value = input.string(LEARNING_NAMES.date)?.trim() ?? '';
      return value ? { kind: 'exam-date', value } : { kind: 'usage', command: 'exam-date' };
    }
    case 'quiz report': {
      const reason = REPORT_REASONS.find((r) => r === input.string(LEARNING_NAMES.reason));
      return reason
        ? { kind: 'report', reason, text: input.string(LEARNING_NAMES.details) ?? '' }
        : { kind: 'usage', command: 'report' };
    }
    case 'quiz-admin reports': {
      const dismiss = input.string(LEARNING_NAMES.dismiss)?.trim();
      return dismiss ? { kind: 'reports-dismiss', questionId: dismiss } : { kind: 'reports' };
    }
    case 'quiz-admin restore':
      return questionId ? { kind: 'restore', questionId } : { kind: 'usage', command: 'restore' };
    case 'quiz-admin question':
      return questionId ? { kind: 'question', questionId } : { kind: 'usage', command: 'question' };
    default:
      return undefined;
  }
}
