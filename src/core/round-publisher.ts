import type { ChannelRef, Question, Round, RoundRef, ScopeId } from './model.js';
import { platformOf } from './model.js';
import { type ChatPlatform, PlatformError } from './ports/chat-platform.js';
import type { Logger } from './ports/logger.js';
import { noMetrics, type QuizMetrics } from './ports/metrics.js';
import type { QuizEngine } from './quiz-engine.js';

export type PublishResult =
  | { kind: 'posted'; round: Round; question: Question; messageRef: string }
  | { kind: 'no-questions' };

export type PlatformLookup = (scope: ScopeId) => ChatPlatform | undefined;

/**
 * Puts daily rounds into channels and takes them out again: posting closes the channel's previous round
 * first (a round lasts until the next question), and closing reveals the answer once.
 */
export class RoundPublisher {
  constructor(
    private readonly engine: QuizEngine,
    private readonly platformFor: PlatformLookup,
    private readonly log: Logger,
    private readonly metrics: QuizMetrics = noMetrics,
  ) {}

  async publish(
    channel: ChannelRef,
    options: { domain?: string; closesAt?: number } = {},
  ): Promise<PublishResult> {
    const platform = this.requirePlatform(channel.scope);
    const previous = await this.engine.latestDailyRound(channel);
    if (previous && previous.status === 'open') await this.closeAndReveal(previous);

    const started = await this.engine.startRound({ channel, kind: 'daily', ...options });
    if (started.kind !== 'started') return { kind: 'no-questions' };
    const messageRef = await platform.postQuestion(channel, started.round, started.question);
    await this.engine.setRoundMessage(started.round, messageRef);
    this.metrics.questionPosted(platformOf(channel.scope));
    this.log.info({ channel, roundId: started.round.id, questionId: started.question.id }, 'question posted');
    return {
      kind: 'posted',
      round: { ...started.round, messageRef },
      question: started.question,
      messageRef,
    };
  }

  /**
   * Closes a round and reveals it. Safe to call from any replica at any time: only the caller that wins
   * the close claim reveals, and a crash before `markRevealed` lets the next sweep retry.
   */
  async closeAndReveal(ref: RoundRef | Round): Promise<'revealed' | 'skipped'> {
    const outcome = await this.engine.closeRound(
      'roundId' in ref ? ref : { scope: ref.scope, roundId: ref.id },
    );
    if (outcome.kind !== 'closed') return 'skipped';
    const { round, question, tally } = outcome;
    const roundRef = { scope: round.scope, roundId: round.id };
    if (!question) {
      this.log.warn(
        { roundId: round.id, questionId: round.questionId },
        'question gone from the bank; not revealed',
      );
      await this.engine.markRevealed(roundRef);
      return 'skipped';
    }
    const channel = { scope: round.scope, channelId: round.channelId };
    try {
      await this.requirePlatform(round.scope).revealRound(channel, round, question, tally);
    } catch (error) {
      if (error instanceof PlatformError && error.failure === 'channel-gone') {
        this.log.warn({ channel, roundId: round.id }, 'channel gone; round closed without a reveal');
        await this.engine.markRevealed(roundRef);
        return 'skipped';
      }
      throw error;
    }
    await this.engine.markRevealed(roundRef);
    this.metrics.roundClosed(platformOf(round.scope));
    this.log.info({ channel, roundId: round.id, answers: tally.total }, 'round revealed');
    return 'revealed';
  }

  /** Closes every due round; returns how many were revealed. A failing round does not stop the others. */
  async sweep(limit = 50): Promise<number> {
    let revealed = 0;
    for (const ref of await this.engine.dueRounds(limit)) {
      try {
        if ((await this.closeAndReveal(ref)) === 'revealed') revealed += 1;
      } catch (error) {
        this.log.error({ err: error, round: ref }, 'reveal failed; the next sweep retries');
      }
    }
    return revealed;
  }

  private requirePlatform(scope: ScopeId): ChatPlatform {
    const platform = this.platformFor(scope);
    if (!platform) throw new Error(`no chat platform for ${platformOf(scope)} (scope ${scope})`);
    return platform;
  }
}
