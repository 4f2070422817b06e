import { isStoreUnavailable } from '../model/errors.js';
import type { Locale, Question, Round, ScopeId } from '../model/model.js';
import { platformOf } from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import { MAX_TEAM_NAME } from '../model/teams.js';
import { noMetrics, type QuizMetrics } from '../ports/metrics.js';
import type { QuestionView, TextView } from '../ports/views.js';
import type { ButtonAction } from '../presentation/action-id.js';
import { rightAnswerLine } from '../presentation/answer-text.js';
import { type Messages, messagesFor } from '../presentation/messages/index.js';
import { type PickerView, pickerView } from '../presentation/picker-view.js';
import { serviceCardView, serviceChoicesView } from '../presentation/service-views.js';
import {
  feedbackView,
  leaderboardView,
  questionView,
  statsView,
  teamLeaderboardView,
  teamListView,
  textView,
} from '../presentation/views.js';
import { displayedChoices } from '../rounds/choices.js';
import type { AnswerOutcome, QuizEngine } from '../rounds/quiz-engine.js';
import type { RoundPublisher } from '../rounds/round-publisher.js';
import { todayRound } from '../rounds/today-round.js';
import type { ScheduleCommands } from '../schedule/schedule-commands.js';
import { LearningCommands } from './learning-commands.js';
import { LEARNING_ADMIN_COMMANDS } from './parse-learning-command.js';
import type { QuizCommand } from './parse-quiz-command.js';

/** Who asked, where, and in which language. Adapters build it from their payloads. */
export interface CommandContext {
  scope: ScopeId;
  channelId: string;
  userId: string;
  displayName: string;
  locale: Locale;
  /** Asked only for admin commands (it may cost a platform API call). */
  isAdmin(): Promise<boolean>;
}

export type CommandReply =
  | { kind: 'text'; view: TextView }
  | {
      kind: 'question';
      view: QuestionView;
      round: Round;
      question: Question;
      /** False for a question shown again that the player can no longer answer (`/quiz today`). */
      answerable?: boolean;
    };

export interface QuizCommandsDeps {
  engine: QuizEngine;
  publisher: RoundPublisher;
  schedule: ScheduleCommands;
  metrics?: QuizMetrics;
}

const ADMIN_COMMANDS = new Set<string>([
  'post',
  'schedule-set',
  'schedule-off',
  'schedule-digest',
  'schedule-extras',
  ...LEARNING_ADMIN_COMMANDS,
]);

/**
 * Every user command of the bot, answered as views. Adapters decode, call one method, and render the
 * reply; so Slack, Discord and the console behave the same.
 */
export class QuizCommands {
  /** Review, readiness, reports and item figures. */
  readonly learning: LearningCommands;

  constructor(private readonly deps: QuizCommandsDeps) {
    this.learning = new LearningCommands(deps.engine);
  }

  get engine(): QuizEngine {
    return this.deps.engine;
  }

  async run(command: QuizCommand, ctx: CommandContext): Promise<CommandReply> {
    const m = messagesFor(ctx.locale);
    const { engine } = this.deps;
    const channel = { scope: ctx.scope, channelId: ctx.channelId };
    if (ADMIN_COMMANDS.has(command.kind) && !(await ctx.isAdmin())) return text(textView(m.adminOnly));
    switch (command.kind) {
      case 'help':
        return text(textView(m.help.split('\n')[0] ?? '', m.help.split('\n').slice(1)));
      case 'usage':
        return text(
          textView(
            command.unknown ? m.unknownSubcommand(neutralize(command.unknown, 40)) : m.usage(command.command),
          ),
        );
      case 'leaderboard':
        return text(
          command.teams
            ? teamLeaderboardView(await engine.teamLeaderboard(ctx.scope, command.period), m)
            : leaderboardView(await engine.leaderboard(ctx.scope, command.period, ctx.userId), m),
        );
      case 'me':
        return text(await this.statsWithReviews(ctx.scope, ctx.userId, ctx.displayName, m));
      case 'today':
        // The chat platforms keep the question in the channel; the console scrolls it away.
        if (platformOf(ctx.scope) !== 'console') return text(textView(m.unknownSubcommand('today')));
        return this.today(ctx, m);
      case 'next':
        return this.practice(ctx, m, command.domain ? { domain: command.domain } : {});
      case 'team-join': {
        const result = await engine.joinTeam(ctx.scope, ctx.userId, command.name);
        if (result.kind === 'invalid-name') {
          return text(
            textView(result.reason === 'empty' ? m.teamNameEmpty : m.teamNameTooLong(MAX_TEAM_NAME)),
          );
        }
        if (result.kind === 'already-member') return text(textView(m.teamAlreadyMember(result.team.name)));
        return text(textView(m.teamJoined(result.team.name, result.created, result.left?.name ?? null)));
      }
      case 'team-leave': {
        const result = await engine.leaveTeam(ctx.scope, ctx.userId);
        return text(textView(result.kind === 'left' ? m.teamLeft(result.team.name) : m.teamNotInTeam));
      }
      case 'team-list':
        return text(teamListView(await engine.listTeams(ctx.scope), m));
      case 'lang':
        await engine.setUserLocale(ctx.scope, ctx.userId, command.locale);
        return text(textView(messagesFor(command.locale).langSet(command.locale)));
      case 'post': {
        if (command.domain && !engine.bank.domain(command.domain)) return text(textView(m.noQuestions));
        const result = await this.deps.publisher.publish(channel, {
          ...(command.domain ? { domain: command.domain } : {}),
          includeExtras: await this.deps.schedule.includesExtras(channel),
        });
        return text(textView(result.kind === 'posted' ? m.posted : m.noQuestions));
      }
      case 'schedule-show':
        return text(await this.deps.schedule.show(channel, m));
      case 'schedule-set':
        return text(await this.deps.schedule.set(channel, command.cron, command.timeZone, m));
      case 'schedule-off':
        return text(await this.deps.schedule.off(channel, m));
      case 'schedule-digest':
        return text(await this.deps.schedule.digest(channel, command.enabled, m));
      case 'schedule-extras':
        return text(await this.deps.schedule.extras(channel, command.enabled, m));
      case 'schedule-domain':
        return text(await this.deps.schedule.domain(channel, command.domain, m));
      case 'schedule-length':
        return text(await this.deps.schedule.roundLength(channel, command.minutes, m));
      default:
        return this.learning.run(command, ctx, m);
    }
  }

  /** `/quiz me` and the Slack App Home: the stats, with the number of reviews due. */
  async statsWithReviews(
    scope: ScopeId,
    userId: string,
    fallbackName: string,
    m: Messages,
  ): Promise<TextView> {
    const { engine } = this.deps;
    const [stats, due] = await Promise.all([
      engine.playerStats(scope, userId),
      this.learning.reviews.dueCount(scope, userId),
    ]);
    const view = statsView(stats, fallbackName, engine.bank.domains(), m);
    view.lines.push(m.learning.statsReviews(due));
    return view;
  }

  /** `/gcp <query>`: a service card, or the closest services as buttons. */
  gcp(query: string, locale: Locale): TextView {
    const m = messagesFor(locale);
    const trimmed = query.trim();
    if (!trimmed) return textView(m.gcpUsage);
    const result = this.deps.engine.lookupService(trimmed);
    const shown = neutralize(trimmed, 80);
    switch (result.kind) {
      case 'match':
        return this.serviceCard(result.service.id, locale) ?? textView(m.gcpUsage);
      case 'ambiguous':
        return serviceChoicesView(m.gcpAmbiguous(shown), result.candidates);
      case 'none':
        return serviceChoicesView(m.gcpNoMatch(shown), result.suggestions);
    }
  }

  serviceCard(serviceId: string, locale: Locale): TextView | null {
    const service = this.deps.engine.service(serviceId);
    if (!service) return null;
    const successor = service.successor ? this.deps.engine.service(service.successor)?.name : undefined;
    return serviceCardView(service, successor, messagesFor(locale));
  }

  /**
   * "Answer" on a multiple-select question: the private picker, or why there is none (the round closed or
   * is gone). One store read; the answer itself is still one atomic step later.
   */
  async picker(
    roundId: string,
    ctx: CommandContext,
  ): Promise<{ kind: 'picker'; view: PickerView } | { kind: 'text'; view: TextView }> {
    const m = messagesFor(ctx.locale);
    const found = await this.deps.engine.roundWithQuestion({ scope: ctx.scope, roundId });
    if (!found) return text(textView(m.unknownRound));
    if (found.round.status !== 'open' || this.deps.engine.now() >= found.round.closesAt) {
      return text(textView(m.closed));
    }
    return { kind: 'picker', view: pickerView(found.round, found.question, m) };
  }

  /** A click on a button that is not an answer: a /gcp suggestion or "practise a related question". */
  async button(
    action: Exclude<ButtonAction, { kind: 'answer' | 'pick' }>,
    ctx: CommandContext,
  ): Promise<CommandReply> {
    const m = messagesFor(ctx.locale);
    if (action.kind === 'guessed') return text(await this.learning.guessed(ctx, action.questionId, m));
    // The platforms open a form for a report click; without one, the typed command is the way.
    if (action.kind === 'report') return text(textView(m.usage('report')));
    if (action.kind === 'lookup') {
      return text(this.serviceCard(action.serviceId, ctx.locale) ?? textView(m.unknownRound));
    }
    const related = this.deps.engine.service(action.serviceId)?.relatedQuestionIds ?? [];
    if (related.length === 0) return text(textView(m.gcpNoPractice));
    const pick = this.deps.engine.pick(related);
    return this.practice(ctx, m, pick ? { questionId: pick } : {});
  }

  /** Records an answer and returns the private feedback. */
  async answer(
    roundId: string,
    choice: string,
    ctx: CommandContext,
  ): Promise<{ outcome: AnswerOutcome; view: TextView }> {
    const finished = (this.deps.metrics ?? noMetrics).answerStarted(platformOf(ctx.scope));
    try {
      const outcome = await this.deps.engine.submitAnswer({
        scope: ctx.scope,
        roundId,
        player: { id: ctx.userId, displayName: neutralize(ctx.displayName, 64) },
        choice,
      });
      finished(outcome.kind);
      // The player's own language came back with the answer; ctx.locale is the fallback.
      return { outcome, view: feedbackView(outcome, messagesFor(outcome.locale ?? ctx.locale)) };
    } catch (error) {
      finished(isStoreUnavailable(error) ? 'unavailable' : 'error');
      throw error;
    }
  }

  /**
   * `/quiz today`: the channel's question of the day again, with where the player stands in it (open, their
   * answer, or closed) in the line that counts answers elsewhere, and the right answer once it cannot be
   * answered any more.
   */
  private async today(ctx: CommandContext, m: Messages): Promise<CommandReply> {
    const { engine } = this.deps;
    const today = await todayRound(engine, { scope: ctx.scope, channelId: ctx.channelId }, ctx.userId);
    if (today.kind === 'none') return text(textView(m.todayNone));
    const { round, question } = today;
    const domain = engine.bank.domain(question.domain);
    const view = questionView({ round, question, domain, answerCount: 0, timeZone: engine.timeZone, m });
    const right = (): string => rightAnswerLine(question, displayedChoices(question, round), m);
    view.answers =
      today.kind === 'open'
        ? m.todayOpen
        : today.kind === 'answered'
          ? m.todayAnswered(today.correct, right())
          : m.todayClosed(right());
    return { kind: 'question', view, round, question, answerable: today.kind === 'open' };
  }

  private async practice(
    ctx: CommandContext,
    m: Messages,
    options: { domain?: string; questionId?: string },
  ): Promise<CommandReply> {
    const { engine } = this.deps;
    if (options.domain && !engine.bank.domain(options.domain)) return text(textView(m.noQuestions));
    const started = await engine.startRound({
      channel: { scope: ctx.scope, channelId: ctx.channelId },
      kind: 'practice',
      ownerId: ctx.userId,
      ...options,
    });
    if (started.kind !== 'started') return text(textView(m.noQuestions));
    const view = questionView({
      round: started.round,
      question: started.question,
      domain: engine.bank.domain(started.question.domain),
      answerCount: 0,
      timeZone: engine.timeZone,
      m,
    });
    return { kind: 'question', view, round: started.round, question: started.question };
  }
}

function text(view: TextView): { kind: 'text'; view: TextView } {
  return { kind: 'text', view };
}
