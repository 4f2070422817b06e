import type { webApi } from '@slack/bolt';
import type {
  ChannelRef,
  Locale,
  Question,
  Round,
  RoundRef,
  ScopeId,
  Tally,
} from '../../core/model/model.js';
import { type ChatPlatform, PlatformError, type PostAttempt } from '../../core/ports/chat-platform.js';
import type { Logger } from '../../core/ports/logger.js';
import type { QuizMetrics } from '../../core/ports/metrics.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';
import type { TextView } from '../../core/ports/views.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { questionView, revealView } from '../../core/presentation/views.js';
import { AnswerCountRefresher, type LiveRound } from '../../core/rounds/answer-count-refresher.js';
import {
  explanationBlocks,
  fallbackText,
  questionBlocks,
  revealBlocks,
  textBlocks,
} from './render/block-kit.js';
import { toPlatformError } from './slack-errors.js';
import { findPostedQuestion, questionMetadata } from './slack-question-lookup.js';
import { isAuthFailure, type SlackTokens, teamOfScope } from './slack-tokens.js';

type WebClient = webApi.WebClient;

export interface SlackPlatformOptions {
  client: WebClient;
  bank: QuestionBank;
  timeZone: string;
  /** Language of channel messages (each person's private replies use their own). */
  locale: Locale;
  log: Logger;
  /** How often at most a question message's answer count is edited. */
  refreshIntervalMs?: number;
  metrics?: QuizMetrics;
  /** Finds a round another replica posted (once per edit, never per click). */
  loadRound: (ref: RoundRef) => Promise<{ round: Round; question: Question } | null>;
  /** Multi-workspace mode: each channel's workspace token. Unset: the client's own token. */
  tokens?: SlackTokens;
}

/** Slack as a chat platform: Block Kit messages through the Web API. */
export class SlackPlatform implements ChatPlatform {
  private readonly counts: AnswerCountRefresher;

  constructor(private readonly options: SlackPlatformOptions) {
    this.counts = new AnswerCountRefresher({
      intervalMs: options.refreshIntervalMs ?? 3000,
      loadRound: options.loadRound,
      edit: (live) => this.editAnswerCount(live),
      log: options.log,
    });
  }

  /**
   * Slack has no idempotency key for chat.postMessage. Each question post carries the round id in its
   * message metadata; when the scheduler posts a round again after a failed attempt (which may have
   * reached Slack, e.g. a timeout), we first look for that metadata in the channel's recent history
   * and reuse the message found (see `findPostedQuestion`).
   */
  async postQuestion(
    channel: ChannelRef,
    round: Round,
    question: Question,
    attempt?: PostAttempt,
  ): Promise<string> {
    const earlier = attempt?.retry
      ? await findPostedQuestion(
          (args) =>
            this.call('conversations.history', channel.scope, (auth) =>
              this.options.client.conversations.history({ ...auth, ...args }),
            ),
          this.options.log,
          channel,
          round,
        )
      : null;
    const ts = earlier ?? (await this.postNewQuestion(channel, round, question));
    this.counts.posted(channel, { ...round, messageRef: ts }, question);
    return ts;
  }

  private async postNewQuestion(channel: ChannelRef, round: Round, question: Question): Promise<string> {
    const view = this.view(round, question, 0);
    const result = await this.call('chat.postMessage', channel.scope, (auth) =>
      this.options.client.chat.postMessage({
        ...auth,
        channel: channel.channelId,
        blocks: questionBlocks(view),
        text: fallbackText(view.title, view.stem),
        unfurl_links: false,
        metadata: questionMetadata(round),
      }),
    );
    return String(result.ts ?? '');
  }

  async refreshAnswerCount(channel: ChannelRef, roundId: string, answerCount: number): Promise<void> {
    this.counts.request(channel, roundId, answerCount);
  }

  async revealRound(channel: ChannelRef, round: Round, question: Question, tally: Tally): Promise<void> {
    await this.counts.revealing(round.id);
    const view = revealView(round, question, tally, messagesFor(this.options.locale));
    const text = fallbackText(view.title, view.answer);
    let ts = round.messageRef;
    if (ts) {
      const messageTs = ts;
      const showReveal = async (): Promise<void> => {
        await this.call('chat.update', channel.scope, (auth) =>
          this.options.client.chat.update({
            ...auth,
            channel: channel.channelId,
            ts: messageTs,
            blocks: revealBlocks(view),
            text,
          }),
        );
      };
      await showReveal();
      // Another replica's count edit may have been on its way: the reveal is shown once more.
      this.counts.reapplyLater(round.id, showReveal);
    } else {
      const posted = await this.call('chat.postMessage', channel.scope, (auth) =>
        this.options.client.chat.postMessage({
          ...auth,
          channel: channel.channelId,
          blocks: revealBlocks(view),
          text,
        }),
      );
      ts = String(posted.ts ?? '');
    }
    await this.call('chat.postMessage', channel.scope, (auth) =>
      this.options.client.chat.postMessage({
        ...auth,
        channel: channel.channelId,
        thread_ts: ts,
        blocks: explanationBlocks(view),
        text: fallbackText(view.explanation.title, view.explanation.body),
      }),
    );
  }

  async postText(channel: ChannelRef, view: TextView): Promise<void> {
    await this.call('chat.postMessage', channel.scope, (auth) =>
      this.options.client.chat.postMessage({
        ...auth,
        channel: channel.channelId,
        blocks: textBlocks(view),
        text: fallbackText(view.title),
      }),
    );
  }

  async sendPrivately(scope: ScopeId, userId: string, view: TextView): Promise<void> {
    // A user id as the channel posts to the app's direct messages with that user (chat:write is enough).
    await this.call('chat.postMessage', scope, (auth) =>
      this.options.client.chat.postMessage({
        ...auth,
        channel: userId,
        blocks: textBlocks(view),
        text: fallbackText(view.title),
      }),
    );
  }

  /** Sends pending answer-count edits now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.counts.flush();
  }

  private async editAnswerCount(entry: LiveRound): Promise<void> {
    const view = this.view(entry.round, entry.question, entry.answerCount);
    await this.call('chat.update', entry.channel.scope, (auth) =>
      this.options.client.chat.update({
        ...auth,
        channel: entry.channel.channelId,
        ts: entry.round.messageRef ?? '',
        blocks: questionBlocks(view),
        text: fallbackText(view.title, view.stem),
      }),
    );
  }

  private view(round: Round, question: Question, answerCount: number) {
    return questionView({
      round,
      question,
      domain: this.options.bank.domain(question.domain),
      answerCount,
      timeZone: this.options.timeZone,
      m: messagesFor(this.options.locale),
    });
  }

  /** Runs one Web API call with the token of the scope's workspace (multi-workspace mode). */
  private async call<T>(
    method: string,
    scope: string,
    run: (auth: { token?: string }) => Promise<T>,
  ): Promise<T> {
    const tokens = this.options.tokens;
    const teamId = teamOfScope(scope);
    let auth: { token?: string } = {};
    if (tokens) {
      const token = await tokens.tokenFor(teamId);
      // No installation, no call: the scheduler pauses the channel until the app is installed again.
      if (!token) throw new PlatformError('channel-gone', `${method}: the app is not installed in ${teamId}`);
      auth = { token };
    }
    try {
      return await run(auth);
    } catch (error) {
      this.options.metrics?.platformApiError('slack', method);
      if (tokens && isAuthFailure(error)) tokens.refused(teamId);
      throw toPlatformError(error, method);
    }
  }
}
