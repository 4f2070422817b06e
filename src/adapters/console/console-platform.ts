import type { ChannelRef, Locale, Question, Round, Tally } from '../../core/model/model.js';
import type { ChatPlatform } from '../../core/ports/chat-platform.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';
import type { TextView } from '../../core/ports/views.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { questionView, revealView } from '../../core/presentation/views.js';
import { type Layout, renderQuestion, renderReveal, renderText } from './render-text.js';
import { DEFAULT_WIDTH } from './terminal-width.js';

/** The terminal as a chat platform with one channel: posts are printed, and the session answers them. */
export class ConsolePlatform implements ChatPlatform {
  /** The question on screen, which typed numbers answer. */
  current: { round: Round; question: Question } | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly bank: QuestionBank,
    private readonly timeZone: string,
    public locale: Locale,
    /** Terminal columns (see terminalWidth). */
    public width: number = DEFAULT_WIDTH,
  ) {}

  get layout(): Layout {
    return { width: this.width, locale: this.locale };
  }

  async postQuestion(_channel: ChannelRef, round: Round, question: Question): Promise<string> {
    this.showQuestion(round, question);
    return `console-${round.id}`;
  }

  /**
   * Prints a question and makes it the one typed letters answer. `status` is a line under it (reviews left,
   * or where the player stands with today's question); a question they can no longer answer has no hint.
   */
  showQuestion(
    round: Round,
    question: Question,
    options: { status?: string; answerable?: boolean } = {},
  ): void {
    const m = messagesFor(this.locale);
    const view = questionView({
      round,
      question,
      domain: this.bank.domain(question.domain),
      answerCount: 0,
      timeZone: this.timeZone,
      m,
    });
    this.current = { round, question };
    const hint = view.picks > 1 ? m.consolePickHint(view.picks) : m.consoleAnswerHint(view.choices.length);
    const notes = [options.status, options.answerable === false ? undefined : hint];
    this.write(
      renderQuestion(
        view,
        notes.filter((n): n is string => Boolean(n)),
        this.layout,
      ),
    );
  }

  async refreshAnswerCount(): Promise<void> {
    // The terminal shows the count in the reveal; reprinting the question on every answer would be noise.
  }

  async revealRound(_channel: ChannelRef, round: Round, question: Question, tally: Tally): Promise<void> {
    if (this.current?.round.id === round.id) this.current = null;
    this.write(renderReveal(revealView(round, question, tally, messagesFor(this.locale)), this.layout));
  }

  async postText(_channel: ChannelRef, view: TextView): Promise<void> {
    this.write(renderText(view, this.layout));
  }

  async sendPrivately(_scope: string, _userId: string, view: TextView): Promise<void> {
    // One person at the terminal: a private message is printed like any other.
    this.write(renderText(view, this.layout));
  }
}
