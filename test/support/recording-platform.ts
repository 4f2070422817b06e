import type { ChannelRef, Question, Round, Tally } from '../../src/core/model/model.js';
import { type ChatPlatform, PlatformError } from '../../src/core/ports/chat-platform.js';
import type { TextView } from '../../src/core/ports/views.js';

/** A chat platform that records what it was asked to do, and can be told to fail. */
export class RecordingPlatform implements ChatPlatform {
  readonly posts: { channel: ChannelRef; round: Round; question: Question }[] = [];
  readonly reveals: { channel: ChannelRef; round: Round; tally: Tally }[] = [];
  readonly texts: { channel: ChannelRef; view: TextView }[] = [];
  readonly refreshes: { roundId: string; answerCount: number }[] = [];
  readonly privateMessages: { scope: string; userId: string; view: TextView }[] = [];
  /** Every call fails with this until cleared. */
  failWith: PlatformError | null = null;
  attempts = 0;

  async postQuestion(channel: ChannelRef, round: Round, question: Question): Promise<string> {
    this.attempts += 1;
    if (this.failWith) throw this.failWith;
    this.posts.push({ channel, round, question });
    return `msg-${round.id}`;
  }

  async refreshAnswerCount(_channel: ChannelRef, roundId: string, answerCount: number): Promise<void> {
    this.refreshes.push({ roundId, answerCount });
  }

  async revealRound(channel: ChannelRef, round: Round, _question: Question, tally: Tally): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.reveals.push({ channel, round, tally });
  }

  async postText(channel: ChannelRef, view: TextView): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.texts.push({ channel, view });
  }

  async sendPrivately(scope: string, userId: string, view: TextView): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.privateMessages.push({ scope, userId, view });
  }

  static channelGone(): PlatformError {
    return new PlatformError('channel-gone', 'chat.postMessage: channel_not_found');
  }
}
