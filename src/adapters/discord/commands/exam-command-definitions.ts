import type {
  APIApplicationCommandOptionChoice,
  SlashCommandBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { ExamCommand } from '../../../core/commands/parse-exam-command.js';
import { DEFAULT_EXAM_FORM } from '../../../core/commands/parse-exam-command.js';
import { EXAM_FORMS, type ExamForm, isExamForm } from '../../../core/model/exam.js';
import type { ExamDomain, Locale } from '../../../core/model/model.js';

/**
 * `/quiz exam start|flag|back|next|go|submit|quit|history|report` on Discord: a subcommand group, since Discord's
 * slash commands take no free words. Letters, flags and moves are also the exam message's buttons and menus.
 * The picker descriptions are registration metadata (as in command-text.ts), kept here with them.
 */
const TEXT: Record<Locale, Record<string, string>> = {
  en: {
    exam: 'A private timed mock exam weighted like the exam guide',
    start: 'Start a mock exam (or resume the one you have open)',
    form: 'full 50 in 120 min, half 25 in 60, sprint 10 in 24, section 10 in 24',
    section: 'The section of a section exam',
    flag: 'Flag or unflag the question on screen',
    back: 'The previous question',
    next: 'The next question',
    go: 'Go to question n',
    number: 'The question number',
    submit: 'Hand the exam in (asks once if questions are unanswered or flagged)',
    quit: 'Leave the exam view; the clock keeps running',
    history: 'Your past mock exam results',
    report: 'The report of your last exam, page by page',
    page: 'The page of wrong and flagged questions',
    public: 'Whether your mock-day scores may be named in channel summaries',
    state: 'on: named, off: anonymous',
    schedule: 'A team mock day in this channel: a Start post, then a summary',
    date: 'The day, YYYY-MM-DD',
    time: 'The time, HH:MM',
    timezone: 'IANA time zone (default: the bot’s)',
  },
  ja: {
    exam: 'ガイドの配分どおりの時間制限つき模擬試験 (非公開)',
    start: '模擬試験を始める (進行中なら再開)',
    form: 'full 50 問 120 分、half 25 問 60 分、sprint 10 問 24 分、section 10 問 24 分',
    section: 'セクション試験のセクション',
    flag: '表示中の問題のフラグを切り替える',
    back: '前の問題',
    next: '次の問題',
    go: '問題 n に移動',
    number: '問題番号',
    submit: '提出する (未解答・フラグ付きがあれば一度確認)',
    quit: '試験画面を離れる (時間は進みます)',
    history: 'これまでの模擬試験の結果',
    report: '最後の模擬試験のレポート (ページごと)',
    page: '不正解・フラグ付きの問題のページ',
    public: '模擬試験デーの集計に名前を載せるか',
    state: 'on: 名前を載せる、off: 匿名',
    schedule: 'このチャンネルのチーム模擬試験デー (開始ボタンの投稿と集計)',
    date: '日付 (YYYY-MM-DD)',
    time: '時刻 (HH:MM)',
    timezone: 'IANA タイムゾーン (省略時はボットの設定)',
  },
};

const FORM_NAMES: Record<ExamForm, Record<Locale, string>> = {
  full: { en: 'full: 50 questions, 120 minutes', ja: 'フル: 50 問、120 分' },
  half: { en: 'half: 25 questions, 60 minutes', ja: 'ハーフ: 25 問、60 分' },
  sprint: { en: 'sprint: 10 questions, 24 minutes', ja: 'スプリント: 10 問、24 分' },
  section: { en: 'section: 10 of one section, 24 minutes', ja: 'セクション: 1 セクション 10 問、24 分' },
};

export const EXAM_NAMES = {
  group: 'exam',
  form: 'form',
  section: 'section',
  number: 'number',
  page: 'page',
  state: 'state',
  schedule: 'exam-schedule',
  date: 'date',
  time: 'time',
  timeZone: 'timezone',
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

function choice(value: string, text: Record<Locale, string>): APIApplicationCommandOptionChoice<string> {
  return { name: text.en.slice(0, 100), name_localizations: { ja: text.ja.slice(0, 100) }, value };
}

type Builder = SlashCommandBuilder | SlashCommandSubcommandsOnlyBuilder;

export function addExamSubcommands(command: Builder, domains: readonly ExamDomain[]): void {
  const forms = (Object.keys(EXAM_FORMS) as ExamForm[]).map((f) => choice(f, FORM_NAMES[f]));
  const sections = domains.slice(0, 25).map((d) => choice(d.id, d.name));
  const largest = Math.max(...Object.values(EXAM_FORMS).map((f) => f.questions));
  command.addSubcommandGroup((g) =>
    describe(g.setName(EXAM_NAMES.group), 'exam')
      .addSubcommand((s) =>
        describe(s.setName('start'), 'start')
          .addStringOption((o) => describe(o.setName(EXAM_NAMES.form), 'form').addChoices(...forms))
          .addStringOption((o) => {
            describe(o.setName(EXAM_NAMES.section), 'section');
            return sections.length > 0 ? o.addChoices(...sections) : o;
          }),
      )
      .addSubcommand((s) => describe(s.setName('flag'), 'flag'))
      .addSubcommand((s) => describe(s.setName('back'), 'back'))
      .addSubcommand((s) => describe(s.setName('next'), 'next'))
      .addSubcommand((s) =>
        describe(s.setName('go'), 'go').addIntegerOption((o) =>
          describe(o.setName(EXAM_NAMES.number), 'number')
            .setRequired(true)
            .setMinValue(1)
            .setMaxValue(largest),
        ),
      )
      .addSubcommand((s) => describe(s.setName('submit'), 'submit'))
      .addSubcommand((s) => describe(s.setName('quit'), 'quit'))
      .addSubcommand((s) => describe(s.setName('history'), 'history'))
      .addSubcommand((s) =>
        describe(s.setName('report'), 'report').addIntegerOption((o) =>
          describe(o.setName(EXAM_NAMES.page), 'page').setMinValue(1).setMaxValue(largest),
        ),
      )
      .addSubcommand((s) =>
        describe(s.setName('public'), 'public').addStringOption((o) =>
          describe(o.setName(EXAM_NAMES.state), 'state')
            .setRequired(true)
            .addChoices(choice('on', { en: 'on', ja: 'on' }), choice('off', { en: 'off', ja: 'off' })),
        ),
      ),
  );
}

/** `/quiz-admin exam-schedule form: date: time: timezone:`: a team mock day in the channel. */
export function addExamAdminSubcommands(command: Builder): void {
  const forms = (['full', 'half', 'sprint'] as const).map((f) => choice(f, FORM_NAMES[f]));
  command.addSubcommand((s) =>
    describe(s.setName(EXAM_NAMES.schedule), 'schedule')
      .addStringOption((o) =>
        describe(o.setName(EXAM_NAMES.form), 'form')
          .setRequired(true)
          .addChoices(...forms),
      )
      .addStringOption((o) => describe(o.setName(EXAM_NAMES.date), 'date').setRequired(true).setMaxLength(10))
      .addStringOption((o) => describe(o.setName(EXAM_NAMES.time), 'time').setRequired(true).setMaxLength(5))
      .addStringOption((o) => describe(o.setName(EXAM_NAMES.timeZone), 'timezone').setMaxLength(64)),
  );
}

/** What the reader needs from the options. */
export interface ExamSlashInput {
  string(name: string): string | null;
  integer(name: string): number | null;
}

/** `quiz exam <sub>` as an ExamCommand; undefined for other paths. Values are checked again (payloads can be forged). */
export function readExamCommand(path: string, input: ExamSlashInput): ExamCommand | undefined {
  const exam = (action: ExamCommand['action']): ExamCommand => ({ kind: 'exam', action });
  if (path === `quiz-admin ${EXAM_NAMES.schedule}`) {
    const form = input.string(EXAM_NAMES.form);
    const date = input.string(EXAM_NAMES.date)?.trim();
    const time = input.string(EXAM_NAMES.time)?.trim();
    const timeZone = input.string(EXAM_NAMES.timeZone)?.trim();
    if ((form !== 'full' && form !== 'half' && form !== 'sprint') || !date || !time)
      return exam({ do: 'schedule-usage' });
    return exam({ do: 'schedule', form, date, time, ...(timeZone ? { timeZone } : {}) });
  }
  const sub = path.startsWith('quiz exam ') ? path.slice('quiz exam '.length) : null;
  if (sub === null) return undefined;
  switch (sub) {
    case 'start': {
      const form = input.string(EXAM_NAMES.form) ?? DEFAULT_EXAM_FORM;
      const section = input.string(EXAM_NAMES.section) ?? undefined;
      if (!isExamForm(form)) return exam({ do: 'usage' });
      if (form === 'section')
        return exam(section ? { do: 'start', form, section } : { do: 'choose-section' });
      return exam({ do: 'start', form });
    }
    case 'flag':
    case 'back':
    case 'next':
    case 'submit':
    case 'quit':
    case 'history':
      return exam({ do: sub });
    case 'go': {
      const n = input.integer(EXAM_NAMES.number);
      return n !== null && Number.isInteger(n) && n >= 1
        ? exam({ do: 'go', number: n })
        : exam({ do: 'usage' });
    }
    case 'public': {
      const state = input.string(EXAM_NAMES.state);
      return state === 'on' || state === 'off'
        ? exam({ do: 'public', on: state === 'on' })
        : exam({ do: 'usage' });
    }
    case 'report': {
      const page = input.integer(EXAM_NAMES.page) ?? 1;
      return Number.isInteger(page) && page >= 1 ? exam({ do: 'report', page }) : exam({ do: 'usage' });
    }
    default:
      return exam({ do: 'usage' });
  }
}
