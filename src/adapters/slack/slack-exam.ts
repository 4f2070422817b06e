import type { BlockAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { CommandContext, CommandReply } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import { type ButtonAction, decodeAction, isExamAction } from '../../core/presentation/action-id.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import { fallbackText, textBlocks } from './render/block-kit.js';
import { EXAM_NAVIGATOR_ACTION, EXAM_PICKS_ACTION, examQuestionBlocks } from './render/exam-blocks.js';
import type { SlackHandlerDeps } from './slack-handler-deps.js';
import type { Who } from './slack-picker.js';

type ContextFor = (who: Who, readLocale?: boolean) => Promise<CommandContext>;

/**
 * The mock exam's message: a private (ephemeral) reply to `/quiz exam`, replaced in place through the click's
 * `response_url` on every click. Why not App Home or a modal: a modal closes when the player clicks away and
 * can only be reopened with a fresh trigger, so a 2-hour exam would keep losing its view; App Home would move the
 * exam out of the channel the player typed in and needs a `views.publish` call per click (Tier 4 rate limit).
 * An ephemeral reply needs no extra scope, and each click's own `response_url` replaces it, so the message stays
 * one and up to date; after a client restart it is gone, and `/quiz exam` brings it back at the first unanswered
 * question.
 */
export function examMessage(reply: CommandReply, locale: Locale) {
  const m = messagesFor(locale);
  if (reply.kind === 'text' && reply.exam) {
    return { blocks: examQuestionBlocks(reply.view, reply.exam, m), text: fallbackText(reply.view.title) };
  }
  const view = reply.kind === 'text' ? reply.view : textView(reply.view.title);
  return { blocks: textBlocks(view), text: fallbackText(view.title) };
}

/** The exam's controls, for the app's one action listener: buttons, navigator and multiple-select answer. */
export interface ExamControls {
  /** Whether an action id is one of the exam's (its prefixes, the navigator, the multiple-select). */
  owns(actionId: string): boolean;
  /** Acks, then replaces the exam message (or says why not). */
  handle(args: SlackActionMiddlewareArgs<BlockAction>): Promise<void>;
}

export function examControls(deps: SlackHandlerDeps, contextFor: ContextFor): ExamControls {
  const { commands, log } = deps;

  const replace = async (respond: RespondFn, reply: CommandReply, locale: Locale): Promise<void> => {
    await respond({ response_type: 'ephemeral', replace_original: true, ...examMessage(reply, locale) });
  };

  const handle = async (
    body: BlockAction,
    respond: RespondFn,
    action: ButtonAction | null,
  ): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
    if (!teamId || !action || !isExamAction(action)) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: messagesFor(deps.defaultLocale).exam.noExam,
      });
      return;
    }
    // The language as last seen (no store read): a click stays one store call.
    const ctx = await contextFor(
      {
        teamId,
        channelId,
        userId: body.user.id,
        userName: body.user.username ?? body.user.name ?? body.user.id,
      },
      false,
    );
    try {
      const reply = await commands.exam.button(action, ctx, messagesFor(ctx.locale));
      if (action.kind === 'exam-mockday') {
        // Start on the channel's mock-day post: the exam comes as the player's own ephemeral message.
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...examMessage(reply, ctx.locale),
        });
        return;
      }
      await replace(respond, reply, ctx.locale);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      log.warn({ err: error }, 'store unavailable during an exam click');
      // Nothing was written: the exam message stays as it was, and this says to click again.
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: messagesFor(ctx.locale).notRecorded,
      });
    }
  };

  const control = async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (action.type === 'static_select' && action.action_id === EXAM_NAVIGATOR_ACTION) {
      await handle(body, respond, decodeAction(action.selected_option?.value ?? ''));
      return;
    }
    if (action.action_id === EXAM_PICKS_ACTION) {
      if (action.type !== 'multi_static_select') return;
      // The block id names the exam and question (`exam-picks:<examId>:<index>`); the options are bank keys.
      const [, examId = '', index = ''] = action.block_id.split(':');
      const keys = action.selected_options.map((o) => o.value);
      const decoded = decodeAction(`xg:${examId}:${index}`);
      if (decoded?.kind !== 'exam-go') {
        await handle(body, respond, null);
        return;
      }
      await handlePicks(body, respond, decoded.examId, decoded.index, keys);
      return;
    }
    const id = 'action_id' in action ? action.action_id : '';
    await handle(body, respond, decodeAction(id));
  };

  const handlePicks = async (
    body: BlockAction,
    respond: RespondFn,
    examId: string,
    index: number,
    keys: string[],
  ): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const ctx = await contextFor(
      {
        teamId,
        channelId: body.channel?.id ?? body.container?.channel_id ?? '',
        userId: body.user.id,
        userName: body.user.username ?? body.user.name ?? body.user.id,
      },
      false,
    );
    try {
      const reply = await commands.exam.answerKeys(examId, index, keys, ctx, messagesFor(ctx.locale));
      await replace(respond, reply, ctx.locale);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: messagesFor(ctx.locale).notRecorded,
      });
    }
  };

  return {
    owns: (actionId) => EXAM_CONTROL.test(actionId),
    handle: control,
  };
}

const EXAM_CONTROL = new RegExp(`^(x[afgsrm]:|${EXAM_NAVIGATOR_ACTION}$|${EXAM_PICKS_ACTION}$)`);
