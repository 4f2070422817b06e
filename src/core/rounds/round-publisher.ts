import type { ChannelRef, Question, Round, RoundRef, ScopeId } from '../model/model.js';
import { platformOf } from '../model/model.js';
import { type ChatPlatform, PlatformError } from '../ports/chat-platform.js';
import type { Logger } from '../ports/logger.js';
import { noMetrics, type QuizMetrics } from '../ports/metrics.js';
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

  /**
   * Posts the channel's next daily question. A round whose post failed earlier (rate limit, error,
   * timeout) is posted again, the SAME round with the same number, while its time lasts; once its time
   * is up it is dropped without a reveal (nobody saw it) and a new round takes its number.
   */
  async publish(
    channel: ChannelRef,
    options: { domain?: string; closesAt?: number; includeExtras?: boolean } = {},
  ): Promise<PublishResult> {
    const platform = this.requirePlatform(channel.scope);
    const previous = await this.engine.latestDailyRound(channel);
    if (previous && previous.status === 'open') {
      if (previous.messageRef) await this.closeAndReveal(previous);
      else if (this.engine.now() < previous.closesAt) {
        const pending = await this.engine.roundWithQuestion({ scope: channel.scope, roundId: previous.id });
        if (pending) return this.post(platform, channel, pending.round, pending.question, true);
        await this.drop(previous);
      } else await this.drop(previous);
    }

    const started = await this.engine.startRound({ channel, kind: 'daily', ...options });
    if (started.kind !== 'started') return { kind: 'no-questions' };
    return this.post(platform, channel, started.round, started.question, false);
  }

  /** The channel's daily round that was created but whose question has not reached the channel yet. */
  async pendingRound(channel: ChannelRef): Promise<Round | null> {
    const latest = await this.engine.latestDailyRound(channel);
    return latest && latest.status === 'open' && !latest.messageRef ? latest : null;
  }

  private async post(
    platform: ChatPlatform,
    channel: ChannelRef,
    round: Round,
    question: Question,
    retry: boolean,
  ): Promise<PublishResult> {
    const messageRef = await platform.postQuestion(channel, round, question, { retry });
    await this.engine.setRoundMessage(round, messageRef);
    this.metrics.questionPosted(platformOf(channel.scope));
    this.log.info(
      { channel, roundId: round.id, questionId: question.id, ...(retry ? { retry } : {}) },
      'question posted',
    );
    return { kind: 'posted', round: { ...round, messageRef }, question, messageRef };
  }

  /** Ends a round that never reached the channel: no reveal, and its number goes back (streaks go on). */
  private async drop(round: Round): Promise<void> {
    if (await this.engine.dropUnpostedRound(round)) {
      this.log.warn(
        { channel: { scope: round.scope, channelId: round.channelId }, roundId: round.id },
        'question never posted; round dropped without a reveal',
      );
    }
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
    if (round.kind === 'daily' && !round.messageRef) {
      // Its late-post window is over and the question never reached the channel: nothing to reveal.
      await this.drop(round);
      return 'skipped';
    }
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
