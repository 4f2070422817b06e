import {
  type APIAllowedMentions,
  type APIMessage,
  DiscordAPIError,
  type REST,
  RESTJSONErrorCodes,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord.js';
import type {
  ChannelRef,
  Locale,
  Question,
  Round,
  RoundRef,
  ScopeId,
  Tally,
} from '../../core/model/model.js';
import type { ChatPlatform, PostAttempt } from '../../core/ports/chat-platform.js';
import type { Logger } from '../../core/ports/logger.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';
import type { QuestionView, TextView } from '../../core/ports/views.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { questionView, revealView } from '../../core/presentation/views.js';
import { AnswerCountRefresher, type LiveRound } from '../../core/rounds/answer-count-refresher.js';
import { toPlatformError } from './discord-errors.js';
import {
  type DiscordMessage,
  explanationMessage,
  questionEmbed,
  questionMessage,
  revealMessage,
  textViewMessage,
} from './render/render-messages.js';

/** Nobody is ever pinged by the bot: not by a team name, not by a question that mentions @everyone. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

export interface DiscordPlatformOptions {
  rest: REST;
  bank: QuestionBank;
  timeZone: string;
  /** Language of channel messages (each person's private replies use their own). */
  locale: Locale;
  log: Logger;
  /** How often at most a question message's answer count is edited (Discord allows ~5 edits per 5 s). */
  refreshIntervalMs?: number;
  /** Finds a round another process posted (once per edit, never per click). */
  loadRound: (ref: RoundRef) => Promise<{ round: Round; question: Question } | null>;
}

/** Discord as a chat platform: embeds and buttons through the REST API (no gateway needed to post). */
export class DiscordPlatform implements ChatPlatform {
  private readonly counts: AnswerCountRefresher;

  constructor(private readonly options: DiscordPlatformOptions) {
    this.counts = new AnswerCountRefresher({
      intervalMs: options.refreshIntervalMs ?? 5000,
      loadRound: options.loadRound,
      edit: (live) => this.editAnswerCount(live),
      log: options.log,
    });
  }

  /**
   * Posted with the round id as an enforced nonce: if an earlier attempt reached Discord but its answer
   * was lost (a timeout), Discord hands back that message instead of creating a second one, as long as
   * the retry comes within a few minutes (the scheduler retries on the next tick, a minute later), so
   * every attempt looks the same and `_attempt` is not needed.
   */
  async postQuestion(
    channel: ChannelRef,
    round: Round,
    question: Question,
    _attempt?: PostAttempt,
  ): Promise<string> {
    const message = await this.post(channel.channelId, questionMessage(this.view(round, question, 0)), {
      nonce: round.id,
      enforce_nonce: true,
    });
    this.counts.posted(channel, { ...round, messageRef: message.id }, question);
    return message.id;
  }

  async refreshAnswerCount(channel: ChannelRef, roundId: string, answerCount: number): Promise<void> {
    this.counts.request(channel, roundId, answerCount);
  }

  async revealRound(channel: ChannelRef, round: Round, question: Question, tally: Tally): Promise<void> {
    await this.counts.revealing(round.id);

    const m = messagesFor(this.options.locale);
    const view = revealView(round, question, tally, m);
    const body = revealMessage(view, this.view(round, question, tally.total));
    let messageId = round.messageRef;
    if (messageId && !(await this.editOrMissing(channel.channelId, messageId, body))) messageId = undefined;
    else if (messageId) {
      // Another replica's count edit may have been on its way: the reveal is shown once more.
      const edited = messageId;
      this.counts.reapplyLater(round.id, async () => {
        await this.editOrMissing(channel.channelId, edited, body);
      });
    }
    // No question message to edit (never posted, or deleted by someone): the reveal becomes a new message.
    if (!messageId) messageId = (await this.post(channel.channelId, body)).id;
    await this.post(channel.channelId, explanationMessage(view), {
      message_reference: { message_id: messageId, fail_if_not_exists: false },
    });
  }

  async postText(channel: ChannelRef, view: TextView): Promise<void> {
    await this.post(channel.channelId, textViewMessage(view));
  }

  async sendPrivately(_scope: ScopeId, userId: string, view: TextView): Promise<void> {
    // A DM channel with the user (Discord returns the existing one), then the message in it.
    const dm = await this.call('open DM', async () => {
      return (await this.options.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
        id: string;
      };
    });
    await this.post(dm.id, textViewMessage(view));
  }

  /** Sends pending answer-count edits now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.counts.flush();
  }

  private async editAnswerCount(entry: LiveRound): Promise<void> {
    const messageId = entry.round.messageRef ?? '';
    const body: RESTPatchAPIChannelMessageJSONBody = {
      embeds: [questionEmbed(this.view(entry.round, entry.question, entry.answerCount))],
      allowed_mentions: NO_MENTIONS,
    };
    await this.call('edit answer count', () =>
      this.options.rest.patch(Routes.channelMessage(entry.channel.channelId, messageId), { body }),
    );
  }

  /** Edits a message; false when the message no longer exists (the channel itself is still there). */
  private async editOrMissing(
    channelId: string,
    messageId: string,
    message: DiscordMessage,
  ): Promise<boolean> {
    const body: RESTPatchAPIChannelMessageJSONBody = { ...message, allowed_mentions: NO_MENTIONS };
    try {
      await this.options.rest.patch(Routes.channelMessage(channelId, messageId), { body });
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return false;
      throw toPlatformError(error, 'edit message');
    }
  }

  private async post(
    channelId: string,
    message: DiscordMessage,
    extra: Partial<RESTPostAPIChannelMessageJSONBody> = {},
  ): Promise<APIMessage> {
    const body: RESTPostAPIChannelMessageJSONBody = { ...message, ...extra, allowed_mentions: NO_MENTIONS };
    return this.call('post message', async () => {
      return (await this.options.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    });
  }

  private view(round: Round, question: Question, answerCount: number): QuestionView {
    return questionView({
      round,
      question,
      domain: this.options.bank.domain(question.domain),
      answerCount,
      timeZone: this.options.timeZone,
      m: messagesFor(this.options.locale),
    });
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toPlatformError(error, what);
    }
  }
}
