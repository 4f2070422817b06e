import { weakDistractors } from '../learning/distractor-efficiency.js';
import type { PlayerTimeZone } from '../learning/exam-date.js';
import { itemStatistics } from '../learning/item-statistics.js';
import { questionVersion } from '../learning/question-version.js';
import { readiness, type ScoredAnswer } from '../learning/readiness.js';
import { ReviewQueue } from '../learning/review-queue.js';
import type { Question, Round } from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import type { ReportReason } from '../ports/learning-store.js';
import type { QuestionView, TextView } from '../ports/views.js';
import type { Messages } from '../presentation/messages/index.js';
import { readinessView } from '../presentation/readiness-view.js';
import { formatTime, questionView, textView } from '../presentation/views.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import { ExamDateCommands } from './exam-date-commands.js';
import type { LearningCommand } from './parse-learning-command.js';

/** Reporters of a workspace that take a question out of its new rounds until an admin restores it. */
export const SUSPEND_AT_REPORTERS = 3;
/** Report details are free text shown to admins: short and neutralized. */
export const MAX_REPORT_TEXT = 300;

/** Who asks, as `QuizCommands` passes it on. */
export interface LearningContext {
  scope: string;
  channelId: string;
  userId: string;
  displayName: string;
  /** The player's own time zone where the platform tells it; exam dates are read in it. */
  timeZone?: PlayerTimeZone;
}

export type LearningReply =
  | { kind: 'text'; view: TextView }
  | { kind: 'question'; view: QuestionView; round: Round; question: Question };

/** Review, readiness, reports and item figures: the `/quiz` subcommands of the learning features. */
export class LearningCommands {
  readonly reviews: ReviewQueue;
  /** `/quiz exam-date` and the countdown line of the player's views. */
  readonly examDates: ExamDateCommands;

  constructor(private readonly engine: QuizEngine) {
    this.reviews = new ReviewQueue({
      store: engine.learningStore,
      bank: engine.bank,
      now: () => engine.now(),
      timeZone: engine.timeZone,
    });
    this.examDates = new ExamDateCommands(engine);
  }

  async run(command: LearningCommand, ctx: LearningContext, m: Messages): Promise<LearningReply> {
    const store = this.engine.learningStore;
    const l = m.learning;
    switch (command.kind) {
      case 'review':
        return this.review(ctx, m);
      case 'review-set':
        await store.setReviewEnabled(ctx.scope, ctx.userId, command.enabled);
        return text(textView(l.reviewSet(command.enabled)));
      case 'ready':
        return text(await this.ready(ctx, command.team, m));
      case 'exam-date':
        return text(await this.examDates.set(ctx, command.value, m));
      case 'report': {
        const last = (await store.reviewLog(ctx.scope, ctx.userId)).at(-1);
        if (!last) return text(textView(l.reportNoQuestion));
        return text(await this.report(ctx, last.questionId, command.reason, command.text, m));
      }
      case 'guessed': {
        const last = (await store.reviewLog(ctx.scope, ctx.userId)).at(-1);
        return text(last ? await this.guessed(ctx, last.questionId, m) : textView(l.guessedNone));
      }
      case 'reports':
        return text(await this.reportsView(ctx.scope, m));
      case 'reports-dismiss': {
        const count = await store.dismissReports(ctx.scope, command.questionId);
        const id = neutralize(command.questionId, 64);
        return text(textView(count > 0 ? l.reportsDismissed(id, count) : l.reportsNothingToDismiss(id)));
      }
      case 'restore': {
        const restored = await store.restoreQuestion(ctx.scope, command.questionId);
        const id = neutralize(command.questionId, 64);
        return text(textView(restored ? l.restored(id) : l.notSuspended(id)));
      }
      case 'question':
        return text(await this.questionFigures(ctx.scope, command.questionId, m));
    }
  }

  /** "I guessed" (button or `/quiz guessed`): the latest right answer to the question becomes Hard. */
  async guessed(ctx: LearningContext, questionId: string, m: Messages): Promise<TextView> {
    const marked = await this.engine.learningStore.markGuessed(
      ctx.scope,
      ctx.userId,
      questionId,
      this.engine.now(),
    );
    return textView(marked ? m.learning.guessedNoted : m.learning.guessedNone);
  }

  /** Files a report on `questionId` (modal submissions and `/quiz report`), and thanks the reporter. */
  async report(
    ctx: LearningContext,
    questionId: string,
    reason: ReportReason,
    details: string,
    m: Messages,
  ): Promise<TextView> {
    const l = m.learning;
    if (!this.engine.bank.get(questionId))
      return textView(l.reportUnknownQuestion(neutralize(questionId, 64)));
    const result = await this.engine.learningStore.fileReport(
      ctx.scope,
      {
        questionId,
        playerId: ctx.userId,
        reason,
        text: neutralize(details.trim(), MAX_REPORT_TEXT),
        at: this.engine.now(),
      },
      SUSPEND_AT_REPORTERS,
    );
    return textView(result.kind === 'duplicate' ? l.reportDuplicate : l.reportThanks(questionId));
  }

  /** `/quiz review`: the most overdue card as a private question, or why there is none. */
  private async review(ctx: LearningContext, m: Messages): Promise<LearningReply> {
    const l = m.learning;
    const plan = await this.reviews.plan(ctx.scope, ctx.userId, ctx.timeZone);
    switch (plan.kind) {
      case 'off':
        return text(textView(l.reviewOff));
      case 'empty':
        return text(textView(l.reviewNothingYet));
      case 'limit':
        return text(textView(l.reviewLimit(plan.limit)));
      case 'none-due':
        return text(
          textView(
            l.reviewNoneDue(plan.nextDue === null ? null : formatTime(plan.nextDue, this.engine.timeZone, m)),
          ),
        );
      case 'due':
        break;
    }
    const started = await this.engine.startRound({
      channel: { scope: ctx.scope, channelId: ctx.channelId },
      kind: 'review',
      ownerId: ctx.userId,
      questionId: plan.card.questionId,
    });
    if (started.kind !== 'started') return text(textView(l.reviewNothingYet));
    const view = questionView({
      round: started.round,
      question: started.question,
      domain: this.engine.bank.domain(started.question.domain),
      answerCount: 0,
      timeZone: this.engine.timeZone,
      m,
    });
    // Nobody else answers a review: the "answers so far" line tells how many reviews remain instead.
    view.answers = l.reviewRemaining(plan.remaining);
    return { kind: 'question', view, round: started.round, question: started.question };
  }

  private async ready(ctx: LearningContext, team: boolean, m: Messages): Promise<TextView> {
    const store = this.engine.learningStore;
    const domains = this.engine.bank.domains();
    let players = [ctx.userId];
    let title = m.learning.readyTitle(ctx.displayName);
    if (team) {
      const found = await this.engine.teamOf(ctx.scope, ctx.userId);
      if (!found) return textView(m.learning.readyNoTeam);
      players = await store.teamMembers(ctx.scope, found.id);
      title = m.learning.readyTeamTitle(found.name);
    }
    const [logs, countdown] = await Promise.all([
      Promise.all(players.map((p) => store.reviewLog(ctx.scope, p))),
      // A team has no one exam date: only the player's own readiness shows theirs.
      team ? null : this.examDates.countdown(ctx.scope, ctx.userId, m, ctx.timeZone),
    ]);
    const answers: ScoredAnswer[] = logs.flatMap((log, i) =>
      log.map((e) => ({ ...e, playerId: players[i] ?? '' })),
    );
    const view = readinessView(title, readiness(answers, domains, this.engine.now()), domains, m);
    if (countdown) view.lines.unshift(countdown);
    return view;
  }

  private async reportsView(scope: string, m: Messages): Promise<TextView> {
    const l = m.learning;
    const store = this.engine.learningStore;
    const [reports, suspended] = await Promise.all([
      store.openReports(scope),
      store.suspendedQuestions(scope),
    ]);
    const byQuestion = new Map<string, typeof reports>();
    for (const r of reports) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
    const lines: string[] = [];
    for (const [questionId, list] of byQuestion) {
      const reasons = new Map<string, number>();
      for (const r of list) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      const summary = [...reasons].map(([reason, n]) => `${reason} ×${n}`).join(', ');
      lines.push(l.reportsRow(questionId, list.length, summary, suspended.includes(questionId)));
      for (const r of list) if (r.text) lines.push(`  · ${r.reason}: ${r.text}`);
    }
    if (lines.length === 0) lines.push(l.reportsEmpty);
    if (suspended.length > 0) lines.push('', l.reportsSuspended([...suspended].sort()));
    return textView(l.reportsTitle, lines);
  }

  /** `/quiz question <id>`: the question, its key, this scope's figures for its current version, reports. */
  private async questionFigures(scope: string, questionId: string, m: Messages): Promise<TextView> {
    const l = m.learning;
    const question = this.engine.bank.get(questionId);
    if (!question) return textView(l.reportUnknownQuestion(neutralize(questionId, 64)));
    const store = this.engine.learningStore;
    const version = questionVersion(question);
    const [counters, responses, reports, suspended] = await Promise.all([
      store.itemCounters(scope),
      store.itemResponses(scope),
      store.openReports(scope),
      store.suspendedQuestions(scope),
    ]);
    const rows = itemStatistics(
      counters,
      responses.map((r) => ({ ...r, scope })),
    );
    const row = rows.find((r) => r.id === questionId && r.version === version);
    const lines = [
      question.stem[m.locale],
      ...question.choices.map((c) => `${c.key}. ${c.text[m.locale]}`),
      l.itemKey(question.answer.join(', ')),
      l.itemFigures(row?.answered ?? 0, row?.p ?? null, row?.discrimination ?? null),
    ];
    if (row && Object.keys(row.options).length > 0) {
      const picks = question.choices.map((c) => `${c.key} ${row.options[c.key] ?? 0}`).join(' · ');
      lines.push(l.itemOptions(picks));
      const weak = weakDistractors(row, {
        choiceKeys: question.choices.map((c) => c.key),
        rightKeys: question.answer,
      });
      if (weak.length > 0) lines.push(l.itemWeakDistractors(weak.join(', ')));
    }
    if (suspended.includes(questionId)) lines.push(l.itemSuspended);
    const open = reports.filter((r) => r.questionId === questionId);
    const body =
      open.length > 0
        ? open.map((r) => `${r.reason}${r.text ? `: ${r.text}` : ''}`).join('\n')
        : l.itemNoReports;
    return textView(l.itemTitle(questionId, version), lines, {
      sections: [{ title: l.itemReportsTitle, body }],
    });
  }
}

function text(view: TextView): LearningReply {
  return { kind: 'text', view };
}
