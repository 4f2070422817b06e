import { type ExamOutcome, ExamService } from '../exam/exam-service.js';
import type { Exam } from '../model/exam.js';
import { EXAM_FORMS } from '../model/exam.js';
import { platformOf } from '../model/model.js';
import { neutralize } from '../model/safe-text.js';
import { isValidTimeZone, zonedTime } from '../model/time-zone.js';
import type { TextView } from '../ports/views.js';
import type { ExamAction } from '../presentation/action-id.js';
import { examHistoryView, examQuestionView, examReportView } from '../presentation/exam-views.js';
import type { Messages } from '../presentation/messages/index.js';
import { formatTime, textView } from '../presentation/views.js';
import { parseTypedPicks } from '../rounds/choices.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import type { CommandContext, CommandReply } from './command-reply.js';
import type { ExamCommandAction } from './parse-exam-command.js';

/** `/quiz exam ...` and the exam's buttons, answered as views; every platform shares them. */
export class ExamCommands {
  readonly service: ExamService;

  constructor(private readonly engine: QuizEngine) {
    this.service = new ExamService(engine);
  }

  async run(action: ExamCommandAction, ctx: CommandContext, m: Messages): Promise<CommandReply> {
    const { service } = this;
    const { scope, userId } = ctx;
    switch (action.do) {
      case 'start': {
        if (action.form === 'section' && !this.engine.bank.domain(action.section ?? '')) {
          return text(this.unknownSection(action.section ?? '', m));
        }
        const outcome = await service.start(scope, userId, action.form, action.section);
        if (outcome.kind !== 'question') return this.reply(outcome, m);
        const { exam } = outcome;
        const note = outcome.resumed
          ? m.exam.resumed
          : m.exam.started(
              m.exam.formName(exam.form, exam.section ?? null),
              exam.items.length,
              EXAM_FORMS[exam.form].minutes,
              formatTime(exam.deadline, this.engine.timeZone, m),
            );
        return this.reply(outcome, m, note);
      }
      case 'choose-section':
        return text(textView(m.chooseSection(this.sections())));
      case 'flag':
      case 'back':
      case 'next':
        return this.reply(await service.moveTyped(scope, userId, { kind: action.do }), m);
      case 'go':
        return this.reply(await service.moveTyped(scope, userId, { kind: 'go', number: action.number }), m);
      case 'answer':
        return this.answerTyped(action.letters, ctx, m);
      case 'submit':
        return this.reply(await service.submit(scope, userId), m);
      case 'quit': {
        const exam = await service.openExam(scope, userId);
        if (!exam) return text(textView(m.exam.noExam));
        return text(textView(m.exam.quit(formatTime(exam.deadline, this.engine.timeZone, m))));
      }
      case 'history':
        return text(examHistoryView(await service.history(scope, userId), this.engine.timeZone, m));
      case 'report': {
        const report = await service.latestReport(scope, userId);
        return text(
          report ? examReportView(report, this.engine.bank, m, action.page) : textView(m.exam.reportNone),
        );
      }
      case 'usage':
        return text(textView(m.exam.usage));
      case 'schedule-usage':
        return text(textView(m.exam.mockDayUsage));
      case 'schedule':
        return this.scheduleMockDay(action, ctx, m);
      case 'public':
        await service.setPublic(scope, userId, action.on);
        return text(textView(m.exam.publicSet(action.on)));
    }
  }

  /** `/quiz exam schedule <form> <date> <time> [zone]`: admins, on the chat platforms (the console runs no scheduler). */
  private async scheduleMockDay(
    action: Extract<ExamCommandAction, { do: 'schedule' }>,
    ctx: CommandContext,
    m: Messages,
  ): Promise<CommandReply> {
    if (platformOf(ctx.scope) === 'console') return text(textView(m.exam.mockDayNotHere));
    if (!(await ctx.isAdmin())) return text(textView(m.adminOnly));
    const timeZone = action.timeZone ?? this.engine.timeZone;
    if (!isValidTimeZone(timeZone)) return text(textView(m.exam.mockDayUsage));
    const startsAt = zonedTime(action.date, action.time, timeZone);
    if (startsAt === null) return text(textView(m.exam.mockDayUsage));
    if (startsAt <= this.engine.now()) return text(textView(m.exam.mockDayInPast));
    const day = await this.service.scheduleMockDay(
      ctx.scope,
      ctx.channelId,
      ctx.userId,
      action.form,
      startsAt,
    );
    if (!day) return text(textView(m.exam.noQuestions));
    return text(
      textView(m.exam.mockDayScheduled(m.exam.formName(day.form, null), formatTime(startsAt, timeZone, m))),
    );
  }

  /** A click on one of the exam's buttons: one store call for a letter, a flag or a move. */
  async button(action: ExamAction, ctx: CommandContext, m: Messages): Promise<CommandReply> {
    const { scope, userId } = ctx;
    switch (action.kind) {
      case 'exam-answer':
        return this.reply(
          await this.service.move(scope, userId, action.examId, {
            kind: 'answer',
            index: action.index,
            keys: [action.choice],
          }),
          m,
        );
      case 'exam-flag':
        return this.reply(
          await this.service.move(scope, userId, action.examId, { kind: 'flag', index: action.index }),
          m,
        );
      case 'exam-go':
        return this.reply(
          await this.service.move(scope, userId, action.examId, { kind: 'go', index: action.index }),
          m,
        );
      case 'exam-submit':
        return this.reply(await this.service.submit(scope, userId), m);
      case 'exam-report':
        return this.run({ do: 'report', page: action.page }, ctx, m);
      case 'exam-mockday':
        return this.reply(
          await this.service.startMockDay(scope, userId, neutralize(ctx.displayName, 64), action.dayId),
          m,
        );
    }
  }

  /** A set of bank keys picked on a platform's menu for question `index` (one store call; a wrong count is refused). */
  async answerKeys(
    examId: string,
    index: number,
    keys: readonly string[],
    ctx: CommandContext,
    m: Messages,
  ): Promise<CommandReply> {
    return this.reply(
      await this.service.move(ctx.scope, ctx.userId, examId, { kind: 'answer', index, keys }),
      m,
    );
  }

  /**
   * Letters typed for the question on screen (`B`, `B,D`, `2`), as that question showed them: turned into
   * bank keys here, so a wrong count is told before anything is written.
   */
  async answerTyped(letters: string, ctx: CommandContext, m: Messages): Promise<CommandReply> {
    const exam = await this.service.openExam(ctx.scope, ctx.userId);
    if (!exam) return text(textView(m.exam.noExam));
    const item = exam.items[exam.position];
    if (!item) return text(textView(m.exam.noExam));
    const picks = item.answer.split(',').length;
    const typed = parseTypedPicks(letters, item.choiceOrder.length);
    const distinct = typed ? [...new Set(typed)] : [];
    if (!typed || distinct.length !== picks) {
      const note = typed && picks > 1 ? m.pickExactly(picks, distinct.length) : m.exam.consoleHint(picks);
      return this.reply({ kind: 'question', exam, resumed: false }, m, note);
    }
    const keys = distinct.map((letter) => item.choiceOrder[letter.charCodeAt(0) - 65] ?? letter);
    return this.reply(
      await this.service.move(ctx.scope, ctx.userId, exam.id, { kind: 'answer', index: exam.position, keys }),
      m,
    );
  }

  private reply(outcome: ExamOutcome, m: Messages, note?: string): CommandReply {
    const question = (exam: Exam, line?: string): CommandReply => ({
      kind: 'text',
      view: examQuestionView({
        exam,
        bank: this.engine.bank,
        timeZone: this.engine.timeZone,
        now: this.engine.now(),
        m,
        ...(line ? { note: line } : {}),
      }),
      exam,
    });
    switch (outcome.kind) {
      case 'question':
        return question(outcome.exam, note);
      case 'bad-choice':
        return question(outcome.exam, m.pickExactly(outcome.picks, outcome.given));
      case 'bad-position':
        return question(outcome.exam, m.exam.badPosition(outcome.exam.items.length));
      case 'confirm-submit':
        return question(outcome.exam, m.exam.confirmSubmit(outcome.unanswered, outcome.flagged));
      case 'report':
        return text(
          examReportView(
            outcome.report,
            this.engine.bank,
            m,
            1,
            outcome.report.result.timedOut ? m.exam.timedOut : undefined,
          ),
        );
      case 'no-exam':
        return text(textView(m.exam.noExam));
      case 'no-questions':
        return text(textView(m.exam.noQuestions));
      case 'unknown-section':
        return text(this.unknownSection('', m));
      case 'private-exam-open':
        return text(textView(m.exam.privateExamOpen));
      case 'mock-day-closed':
        return text(textView(m.exam.mockDayClosed));
      case 'mock-day-taken':
        return text(textView(m.exam.mockDayTaken));
    }
  }

  private unknownSection(section: string, m: Messages): TextView {
    return textView(m.unknownSection(neutralize(section, 40), this.sections()));
  }

  private sections(): { id: string; section: number }[] {
    return this.engine.bank.domains().map((d) => ({ id: d.id, section: d.section }));
  }
}

function text(view: TextView): CommandReply {
  return { kind: 'text', view };
}
