import type { webApi } from '@slack/bolt';
import { KeyedThrottle } from '../../core/keyed-throttle.js';
import { messagesFor } from '../../core/messages/index.js';
import type { ChannelRef, Locale, Question, Round, RoundRef, Tally } from '../../core/model.js';
import type { ChatPlatform } from '../../core/ports/chat-platform.js';
import type { Logger } from '../../core/ports/logger.js';
import type { QuizMetrics } from '../../core/ports/metrics.js';
import type { QuestionBank } from '../../core/ports/question-bank.js';
import { questionView, revealView, type TextView } from '../../core/views.js';
import { explanationBlocks, fallbackText, questionBlocks, revealBlocks, textBlocks } from './block-kit.js';
import { toPlatformError } from './slack-errors.js';

type WebClient = webApi.WebClient;

interface LiveRound {
  channel: ChannelRef;
  round: Round;
  question: Question;
  answerCount: number;
}

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
}

/** Slack as a chat platform: Block Kit messages through the Web API. */
export class SlackPlatform implements ChatPlatform {
  /** Rounds this process has shown, so an edit needs no store read. */
  private readonly live = new Map<string, LiveRound>();
  private readonly pendingCounts = new Map<string, { channel: ChannelRef; answerCount: number }>();
  private readonly refresher: KeyedThrottle;

  constructor(private readonly options: SlackPlatformOptions) {
    this.refresher = new KeyedThrottle(
      options.refreshIntervalMs ?? 3000,
      (roundId) => this.editAnswerCount(roundId),
      (error, roundId) => options.log.warn({ err: error, roundId }, 'answer count refresh failed'),
    );
  }

  async postQuestion(channel: ChannelRef, round: Round, question: Question): Promise<string> {
    const view = this.view(round, question, 0);
    const result = await this.call('chat.postMessage', () =>
      this.options.client.chat.postMessage({
        channel: channel.channelId,
        blocks: questionBlocks(view),
        text: fallbackText(view.title, view.stem),
        unfurl_links: false,
      }),
    );
    const ts = String(result.ts ?? '');
    this.live.set(round.id, { channel, round: { ...round, messageRef: ts }, question, answerCount: 0 });
    return ts;
  }

  async refreshAnswerCount(channel: ChannelRef, roundId: string, answerCount: number): Promise<void> {
    const counts = this.pendingCounts.get(roundId);
    this.pendingCounts.set(roundId, {
      channel,
      answerCount: Math.max(counts?.answerCount ?? 0, answerCount),
    });
    this.refresher.request(roundId);
  }

  async revealRound(channel: ChannelRef, round: Round, question: Question, tally: Tally): Promise<void> {
    this.refresher.forget(round.id);
    this.live.delete(round.id);
    this.pendingCounts.delete(round.id);
    const view = revealView(question, tally, messagesFor(this.options.locale));
    const text = fallbackText(view.title, view.answer);
    let ts = round.messageRef;
    if (ts) {
      const messageTs = ts;
      await this.call('chat.update', () =>
        this.options.client.chat.update({
          channel: channel.channelId,
          ts: messageTs,
          blocks: revealBlocks(view),
          text,
        }),
      );
    } else {
      const posted = await this.call('chat.postMessage', () =>
        this.options.client.chat.postMessage({
          channel: channel.channelId,
          blocks: revealBlocks(view),
          text,
        }),
      );
      ts = String(posted.ts ?? '');
    }
    await this.call('chat.postMessage', () =>
      this.options.client.chat.postMessage({
        channel: channel.channelId,
        thread_ts: ts,
        blocks: explanationBlocks(view),
        text: fallbackText(view.explanation.title, view.explanation.body),
      }),
    );
  }

  async postText(channel: ChannelRef, view: TextView): Promise<void> {
    await this.call('chat.postMessage', () =>
      this.options.client.chat.postMessage({
        channel: channel.channelId,
        blocks: textBlocks(view),
        text: fallbackText(view.title),
      }),
    );
  }

  /** Sends pending answer-count edits now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.refresher.flush();
  }

  private async editAnswerCount(roundId: string): Promise<void> {
    const pending = this.pendingCounts.get(roundId);
    if (!pending) return;
    let entry = this.live.get(roundId);
    if (!entry) {
      const loaded = await this.options.loadRound({ scope: pending.channel.scope, roundId });
      if (loaded?.round.status !== 'open') return; // revealed or gone: nothing to refresh
      entry = { channel: pending.channel, ...loaded, answerCount: 0 };
      this.live.set(roundId, entry);
    }
    entry.answerCount = Math.max(entry.answerCount, pending.answerCount);
    if (!entry.round.messageRef) return;
    const view = this.view(entry.round, entry.question, entry.answerCount);
    await this.call('chat.update', () =>
      this.options.client.chat.update({
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

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.options.metrics?.platformApiError('slack', method);
      throw toPlatformError(error, method);
    }
  }
}
