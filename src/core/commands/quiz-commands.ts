import type { PlayerTimeZone } from '../learning/exam-date.js';
import { isStoreUnavailable } from '../model/errors.js';
import type { Locale, ScopeId } from '../model/model.js';
import { platformOf } from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import { MAX_TEAM_NAME } from '../model/teams.js';
import type { DashboardLinks } from '../ports/dashboard-links.js';
import { noMetrics, type QuizMetrics } from '../ports/metrics.js';
import type { TextView } from '../ports/views.js';
import { type ButtonAction, isExamAction } from '../presentation/action-id.js';
import { isOffered } from '../presentation/command-table.js';
import { helpView } from '../presentation/help-view.js';
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
import type { AnswerOutcome, QuizEngine } from '../rounds/quiz-engine.js';
import type { RoundPublisher } from '../rounds/round-publisher.js';
import type { ScheduleCommands } from '../schedule/schedule-commands.js';
import type { CommandContext, CommandReply } from './command-reply.js';
import { ExamCommands } from './exam-commands.js';
import { LearningCommands } from './learning-commands.js';
import { LEARNING_ADMIN_COMMANDS } from './parse-learning-command.js';
import type { QuizCommand } from './parse-quiz-command.js';
import { todayReply } from './today-reply.js';

export type { CommandContext, CommandReply } from './command-reply.js';

export interface QuizCommandsDeps {
  engine: QuizEngine;
  publisher: RoundPublisher;
  schedule: ScheduleCommands;
  metrics?: QuizMetrics;
  /** The web dashboard's sign-in links; absent: `/quiz dashboard` says the dashboard is off. */
  dashboard?: DashboardLinks;
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
  /** The private mock exam (`/quiz exam`). */
  readonly exam: ExamCommands;

  constructor(private readonly deps: QuizCommandsDeps) {
    this.learning = new LearningCommands(deps.engine);
    this.exam = new ExamCommands(deps.engine);
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
        return text(helpView(platformOf(ctx.scope), m));
      case 'usage':
        if (command.command === 'section') return text(textView(m.chooseSection(this.sections())));
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
        return text(await this.statsWithReviews(ctx.scope, ctx.userId, ctx.displayName, m, ctx.timeZone));
      case 'today':
        if (!isOffered('today', platformOf(ctx.scope))) return text(textView(m.unknownSubcommand('today')));
        return todayReply(engine, ctx, m);
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
        const unknown = this.unknownSection(command.domain, m);
        if (unknown) return text(unknown);
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
      case 'exam':
        return this.exam.run(command.action, ctx, m);
      case 'dashboard':
        return this.dashboardLink(ctx, m);
      default:
        return this.learning.run(command, ctx, m);
    }
  }

  /** `/quiz dashboard`: a private single-use link (admin status recorded now, re-checked by every page). */
  private async dashboardLink(ctx: CommandContext, m: Messages): Promise<CommandReply> {
    const d = m.dashboard;
    const links = this.deps.dashboard;
    if (!links) return text(textView(d.off));
    const result = await links.issue({
      scope: ctx.scope,
      playerId: ctx.userId,
      isAdmin: await ctx.isAdmin(),
    });
    switch (result.kind) {
      case 'off':
        return text(textView(d.off));
      case 'too-many':
        return text(textView(d.tooMany(result.retryInMinutes)));
      case 'link':
        return {
          kind: 'text',
          view: textView(d.linkTitle, [result.url, d.linkNote(result.expiresInMinutes)]),
          link: { url: result.url, expiresInMinutes: result.expiresInMinutes },
        };
    }
  }

  /** The reply to a section the exam guide does not have (it lists the ones it has); null for a known one. */
  unknownSection(section: string | undefined, m: Messages): TextView | null {
    if (section === undefined || this.deps.engine.bank.domain(section)) return null;
    return textView(m.unknownSection(neutralize(section, 40), this.sections()));
  }

  private sections(): { id: string; section: number }[] {
    return this.deps.engine.bank.domains().map((d) => ({ id: d.id, section: d.section }));
  }

  /** `/quiz me` and the Slack App Home: the stats, with the number of reviews due and the exam date. */
  async statsWithReviews(
    scope: ScopeId,
    userId: string,
    fallbackName: string,
    m: Messages,
    playerZone?: PlayerTimeZone,
  ): Promise<TextView> {
    const { engine } = this.deps;
    const [stats, due, countdown] = await Promise.all([
      engine.playerStats(scope, userId),
      this.learning.reviews.dueCount(scope, userId, playerZone),
      this.learning.examDates.countdown(scope, userId, m, playerZone),
    ]);
    const view = statsView(stats, fallbackName, engine.bank.domains(), m);
    view.lines.push(m.learning.statsReviews(due));
    if (countdown) view.lines.push(countdown);
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
    if (isExamAction(action)) return this.exam.button(action, ctx, m);
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

  private async practice(
    ctx: CommandContext,
    m: Messages,
    options: { domain?: string; questionId?: string },
  ): Promise<CommandReply> {
    const { engine } = this.deps;
    const unknown = this.unknownSection(options.domain, m);
    if (unknown) return text(unknown);
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
