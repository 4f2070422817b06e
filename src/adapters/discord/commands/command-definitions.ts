import {
  type APIApplicationCommandOptionChoice,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import { MAX_ROUND_MINUTES, MIN_ROUND_MINUTES } from '../../../core/commands/parse-quiz-command.js';
import type { ExamDomain, Locale } from '../../../core/model/model.js';
import { PERIODS } from '../../../core/model/model.js';
import { MAX_TEAM_NAME } from '../../../core/model/teams.js';
import { messagesFor } from '../../../core/presentation/messages/index.js';
import { LIMITS } from '../render/discord-limits.js';
import { COMMAND_TEXT, type CommandText } from './command-text.js';
import { addExamAdminSubcommands, addExamSubcommands } from './exam-command-definitions.js';
import { addLearningAdminSubcommands, addLearningSubcommands } from './learning-command-definitions.js';

/** Command, subcommand and option names: shared by the definitions and the interaction reader. */
export const NAMES = {
  gcp: 'gcp',
  quiz: 'quiz',
  admin: 'quiz-admin',
  query: 'query',
  period: 'period',
  teams: 'teams',
  domain: 'domain',
  name: 'name',
  locale: 'locale',
  cron: 'cron',
  timeZone: 'timezone',
  state: 'state',
  minutes: 'minutes',
} as const;

/** The value of the "every section" choice of `/quiz-admin schedule domain`. */
export const ALL_DOMAINS = 'all';

/** Longest accepted cron / time zone input; anything longer cannot be valid anyway. */
const MAX_CRON_INPUT = 100;
const MAX_TIME_ZONE_INPUT = 64;

type Describable = {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: Record<string, string>): unknown;
};

/**
 * Sets the English description and its Japanese localisation. Command and option names stay English in
 * every locale: the help text, the usage lines and docs/discord.md all spell them `/quiz leaderboard`.
 */
function describe<T extends Describable>(builder: T, key: keyof CommandText): T {
  builder.setDescription(COMMAND_TEXT.en[key]);
  builder.setDescriptionLocalizations({ ja: COMMAND_TEXT.ja[key] });
  return builder;
}

function choice(value: string, text: Record<Locale, string>): APIApplicationCommandOptionChoice<string> {
  return {
    name: text.en.slice(0, LIMITS.choiceName),
    name_localizations: { ja: text.ja.slice(0, LIMITS.choiceName) },
    value,
  };
}

function domainChoices(domains: readonly ExamDomain[]): APIApplicationCommandOptionChoice<string>[] {
  return domains.slice(0, LIMITS.autocompleteChoices).map((d) => choice(d.id, d.name));
}

function domainOption(
  option: SlashCommandStringOption,
  domains: readonly ExamDomain[],
  key: keyof CommandText,
) {
  describe(option.setName(NAMES.domain), key);
  const choices = domainChoices(domains);
  return choices.length > 0 ? option.addChoices(...choices) : option;
}

function gcpCommand(): SlashCommandBuilder {
  const command = describe(new SlashCommandBuilder().setName(NAMES.gcp), 'gcp');
  command.addStringOption((o) =>
    describe(o.setName(NAMES.query), 'gcpQuery').setRequired(true).setAutocomplete(true).setMaxLength(100),
  );
  return guildOnly(command);
}

function quizCommand(domains: readonly ExamDomain[]): SlashCommandBuilder {
  const en = messagesFor('en');
  const ja = messagesFor('ja');
  const command = describe(new SlashCommandBuilder().setName(NAMES.quiz), 'quiz');
  command
    .addSubcommand((s) => describe(s.setName('help'), 'help'))
    .addSubcommand((s) =>
      describe(s.setName('leaderboard'), 'leaderboard')
        .addStringOption((o) =>
          describe(o.setName(NAMES.period), 'leaderboardPeriod').addChoices(
            ...PERIODS.map((p) => choice(p, { en: en.period[p], ja: ja.period[p] })),
          ),
        )
        .addBooleanOption((o) => describe(o.setName(NAMES.teams), 'leaderboardTeams')),
    )
    .addSubcommand((s) => describe(s.setName('me'), 'me'))
    .addSubcommand((s) => describe(s.setName('dashboard'), 'dashboard'))
    .addSubcommand((s) =>
      describe(s.setName('next'), 'next').addStringOption((o) => domainOption(o, domains, 'nextDomain')),
    )
    .addSubcommandGroup((g) =>
      describe(g.setName('team'), 'team')
        .addSubcommand((s) =>
          describe(s.setName('join'), 'teamJoin').addStringOption((o) =>
            // Room past the limit, so a long name gets the core's "at most 32 characters" reply rather
            // than a silent cut in the Discord client (the core counts after removing formatting).
            describe(o.setName(NAMES.name), 'teamName')
              .setRequired(true)
              .setMaxLength(MAX_TEAM_NAME * 2),
          ),
        )
        .addSubcommand((s) => describe(s.setName('leave'), 'teamLeave'))
        .addSubcommand((s) => describe(s.setName('list'), 'teamList')),
    )
    .addSubcommand((s) => describe(s.setName('schedule'), 'schedule'))
    .addSubcommand((s) =>
      describe(s.setName('lang'), 'lang').addStringOption((o) =>
        describe(o.setName(NAMES.locale), 'langLocale')
          .setRequired(true)
          .addChoices(
            choice('ja', { en: '日本語', ja: '日本語' }),
            choice('en', { en: 'English', ja: 'English' }),
          ),
      ),
    );
  addLearningSubcommands(command);
  addExamSubcommands(command, domains);
  return guildOnly(command);
}

/**
 * Admin actions live in their own command because Discord can only hide whole commands: Manage Server
 * by default, which a server can change in its integration settings. The bot checks again on every use.
 */
function quizAdminCommand(domains: readonly ExamDomain[]): SlashCommandBuilder {
  const text = COMMAND_TEXT;
  const command = describe(new SlashCommandBuilder().setName(NAMES.admin), 'admin');
  command
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      describe(s.setName('post'), 'post').addStringOption((o) => domainOption(o, domains, 'postDomain')),
    )
    .addSubcommandGroup((g) =>
      describe(g.setName('schedule'), 'adminSchedule')
        .addSubcommand((s) =>
          describe(s.setName('set'), 'scheduleSet')
            .addStringOption((o) =>
              describe(o.setName(NAMES.cron), 'scheduleCron').setRequired(true).setMaxLength(MAX_CRON_INPUT),
            )
            .addStringOption((o) =>
              describe(o.setName(NAMES.timeZone), 'scheduleTimeZone').setMaxLength(MAX_TIME_ZONE_INPUT),
            ),
        )
        .addSubcommand((s) => describe(s.setName('off'), 'scheduleOff'))
        .addSubcommand((s) =>
          describe(s.setName('domain'), 'scheduleDomain').addStringOption((o) => {
            describe(o.setName(NAMES.domain), 'scheduleDomainValue').setRequired(true);
            const all = choice(ALL_DOMAINS, { en: text.en.allDomains, ja: text.ja.allDomains });
            return o.addChoices(all, ...domainChoices(domains).slice(0, LIMITS.autocompleteChoices - 1));
          }),
        )
        .addSubcommand((s) =>
          describe(s.setName('length'), 'scheduleLength').addIntegerOption((o) =>
            describe(o.setName(NAMES.minutes), 'scheduleLengthMinutes')
              .setMinValue(MIN_ROUND_MINUTES)
              .setMaxValue(MAX_ROUND_MINUTES),
          ),
        )
        .addSubcommand((s) => describe(s.setName('digest'), 'scheduleDigest').addStringOption(onOffOption))
        .addSubcommand((s) => describe(s.setName('extras'), 'scheduleExtras').addStringOption(onOffOption)),
    );
  addLearningAdminSubcommands(command);
  addExamAdminSubcommands(command);
  return guildOnly(command);
}

/** The required on/off choice of a schedule switch (digest, extras). */
function onOffOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return describe(option.setName(NAMES.state), 'scheduleDigestState')
    .setRequired(true)
    .addChoices(
      choice('on', { en: COMMAND_TEXT.en.on, ja: COMMAND_TEXT.ja.on }),
      choice('off', { en: COMMAND_TEXT.en.off, ja: COMMAND_TEXT.ja.off }),
    );
}

/** Boards and teams are per server, so the commands are not offered in DMs. */
function guildOnly(command: SlashCommandBuilder): SlashCommandBuilder {
  return command
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

/** The JSON `npm run discord:register` sends. Pure, so a test can check it against Discord's rules. */
export function buildCommandDefinitions(
  domains: readonly ExamDomain[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [gcpCommand(), quizCommand(domains), quizAdminCommand(domains)].map((c) => c.toJSON());
}
