import type { ChannelRef, Question, Round, ScopeId, Tally } from '../model/model.js';
import type { TextView } from './views.js';

/**
 * What the quiz needs from a chat platform to run a channel's rounds. Adapters render the core views in
 * their own format and language.
 */
export interface ChatPlatform {
  /**
   * Posts the question with one button per choice; returns the message reference to edit later.
   * `retry`: an earlier attempt for this same round failed, possibly after the platform had posted it
   * (a timeout). Where the platform lets us tell, the adapter then returns the message already posted
   * for `round.id` instead of posting a second one.
   */
  postQuestion(channel: ChannelRef, round: Round, question: Question, attempt?: PostAttempt): Promise<string>;
  /**
   * Shows the answer count on the question message. Called after every recorded answer, so adapters
   * throttle it and look the round up themselves only when they actually edit.
   */
  refreshAnswerCount(channel: ChannelRef, roundId: string, answerCount: number): Promise<void>;
  /** Edits the question message to show the right answer and the votes; posts the explanation as a reply. */
  revealRound(channel: ChannelRef, round: Round, question: Question, tally: Tally): Promise<void>;
  /** Posts a plain message to the channel (the weekly digest). */
  postText(channel: ChannelRef, view: TextView): Promise<void>;
  /**
   * Sends a message to one person only, outside any interaction (a mock exam scored by the sweep): a direct
   * message from the bot (Slack: the app's Messages tab; Discord: a DM; the console: printed).
   */
  sendPrivately(scope: ScopeId, userId: string, view: TextView): Promise<void>;
}

export interface PostAttempt {
  retry: boolean;
}

export type PlatformFailure = 'channel-gone' | 'rate-limited' | 'failed';

/** A platform call failed; `channel-gone` means retrying is pointless until someone fixes the channel. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly failure: PlatformFailure,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
