import type {
  AllMiddlewareArgs,
  App,
  RespondFn,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { CommandContext } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import { scopeId } from '../../core/model/model.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import {
  fallbackText,
  PICKER_ACTION_ID,
  PICKER_BLOCK_ID,
  type PickerMetadata,
  pickerModal,
  textBlocks,
} from './render/block-kit.js';
import type { SlackHandlerDeps } from './slack-handler-deps.js';

export interface Who {
  teamId: string;
  channelId: string;
  userId: string;
  userName: string;
}

type ContextFor = (who: Who, readLocale?: boolean) => Promise<CommandContext>;

/**
 * "Answer" on a multiple-select question: opens a modal with checkboxes with the click's trigger. A wrong
 * number of picks is refused on the modal itself (Slack's `response_action: errors`), so nothing is lost;
 * the right number is recorded (one atomic store step) and the feedback posted privately in the channel.
 */
export async function openPicker(
  args: { roundId: string; triggerId: string; who: Who; respond: RespondFn; app: App },
  deps: SlackHandlerDeps,
  contextFor: ContextFor,
): Promise<void> {
  const ctx = await contextFor(args.who);
  const picker = await deps.commands.picker(args.roundId, ctx);
  if (picker.kind === 'text') {
    await args.respond({
      response_type: 'ephemeral',
      replace_original: false,
      blocks: textBlocks(picker.view),
      text: fallbackText(picker.view.title),
    });
    return;
  }
  await args.app.client.views.open({
    trigger_id: args.triggerId,
    view: pickerModal(picker.view, args.who.channelId),
  });
}

/** The picker's submission (called by the app's one view listener for its callback id). */
export async function submitPicker(
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs,
  deps: SlackHandlerDeps,
  contextFor: ContextFor,
): Promise<void> {
  const { ack, body, view, client } = args;
  const meta = readMetadata(view.private_metadata);
  const teamId = body.team?.id ?? body.user.team_id;
  if (!meta || !teamId) {
    await ack();
    deps.log.warn({ metadata: view.private_metadata }, 'picker submitted without its round');
    return;
  }
  const who = { teamId, channelId: meta.channelId, userId: body.user.id, userName: body.user.name };
  const picked = (view.state.values[PICKER_BLOCK_ID]?.[PICKER_ACTION_ID]?.selected_options ?? []).map(
    (o) => o.value,
  );
  const scope = scopeId('slack', teamId);
  const locale = deps.locales.peek(scope, who.userId) ?? deps.defaultLocale;
  if (picked.length !== meta.picks) {
    await ack({
      response_action: 'errors',
      errors: { [PICKER_BLOCK_ID]: messagesFor(locale).pickExactly(meta.picks, picked.length) },
    });
    return;
  }
  await ack();
  const ctx = await contextFor(who, false);
  const say = async (reply: ReturnType<typeof textView>): Promise<void> => {
    await client.chat.postEphemeral({
      channel: meta.channelId,
      user: who.userId,
      blocks: textBlocks(reply),
      text: fallbackText(reply.title),
    });
  };
  try {
    const { outcome, view: feedback } = await deps.commands.answer(meta.roundId, picked.join(','), ctx);
    deps.locales.remember(ctx.scope, ctx.userId, outcome.locale);
    await say(feedback);
    if ((outcome.kind === 'correct' || outcome.kind === 'incorrect') && outcome.roundKind === 'daily') {
      await deps.platform.refreshAnswerCount(
        { scope: ctx.scope, channelId: meta.channelId },
        meta.roundId,
        outcome.answerCount,
      );
    }
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    deps.log.warn({ err: error }, 'store unavailable during a picker submit');
    await say(textView(messagesFor(ctx.locale).notRecorded));
  }
}

function readMetadata(raw: string): PickerMetadata | null {
  try {
    const parsed = JSON.parse(raw) as Partial<PickerMetadata>;
    if (typeof parsed.roundId !== 'string' || typeof parsed.channelId !== 'string') return null;
    if (typeof parsed.picks !== 'number') return null;
    return { roundId: parsed.roundId, channelId: parsed.channelId, picks: parsed.picks };
  } catch {
    return null;
  }
}
