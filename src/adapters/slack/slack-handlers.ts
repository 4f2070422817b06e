import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { parseQuizCommand } from '../../core/commands/parse-quiz-command.js';
import type { CommandContext, CommandReply } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import { type Locale, scopeId } from '../../core/model/model.js';
import type { TextView } from '../../core/ports/views.js';
import { decodeAction } from '../../core/presentation/action-id.js';
import { helpView } from '../../core/presentation/help-view.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import { SeenRecently } from '../../core/runtime/seen-recently.js';
import {
  fallbackText,
  OPEN_DOCS_ACTION,
  PICKER_CALLBACK_ID,
  questionBlocks,
  textBlocks,
} from './render/block-kit.js';
import { EXAM_NAVIGATOR_ACTION, EXAM_PICKS_ACTION } from './render/exam-blocks.js';
import { openReportModal, REPORT_CALLBACK_ID, submitReport } from './report-modal.js';
import { type Reply, replyVia } from './response-url.js';
import { examControls, examMessage } from './slack-exam.js';
import type { SlackHandlerDeps } from './slack-handler-deps.js';
import { openPicker, submitPicker, type Who } from './slack-picker.js';

/**
 * Every listener acks first (Slack gives 3 seconds and retries after), then decodes the payload, then
 * calls one core method and renders its view.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { commands, platform, log } = deps;
  // Slack retries within minutes; ten is plenty.
  const dedupe = new SeenRecently(10 * 60_000);

  /** `readLocale: false` on the answer path: the answer brings the stored language back itself. */
  const contextFor = async (who: Who, readLocale = true): Promise<CommandContext> => {
    const scope = scopeId('slack', who.teamId);
    const locale = readLocale
      ? await deps.locales.get(scope, who.userId)
      : deps.locales.peek(scope, who.userId);
    return {
      scope,
      channelId: who.channelId,
      userId: who.userId,
      displayName: who.userName,
      locale: locale ?? deps.defaultLocale,
      isAdmin: () => deps.admins.isAdmin(who.userId, who.teamId),
      timeZone: () => deps.admins.timeZoneOf(who.userId, who.teamId),
    };
  };

  const replyPrivately = async (respond: Reply, reply: CommandReply, locale: Locale): Promise<void> => {
    if (reply.kind === 'text' && reply.exam) {
      // The exam's own message: its clicks replace it in place.
      await respond({ response_type: 'ephemeral', replace_original: false, ...examMessage(reply, locale) });
      return;
    }
    if (reply.kind === 'text') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        blocks: textBlocks(reply.view),
        text: fallbackText(reply.view.title),
      });
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      blocks: questionBlocks(reply.view),
      text: fallbackText(messagesFor(locale).practiceTitle, reply.view.stem),
    });
  };

  // Retried deliveries: drop what this process has already handled.
  app.use(async (args) => {
    const { body, context, next } = args;
    const key = deliveryKey(body as Record<string, unknown>);
    if (key && !dedupe.firstTime(key) && (context.retryNum ?? 0) > 0) {
      log.info({ key, retryNum: context.retryNum }, 'retried delivery already handled; ignored');
      // Events are acked by Bolt itself; commands and actions carry their own ack.
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await next();
  });

  const exam = examControls(deps, contextFor);

  /** The answer click and the other quiz buttons (practice, lookup, picker, 'I guessed'). */
  const button = async (args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    const { ack, body, action } = args;
    await ack();
    // The answer click's replies skip fetch (see response-url.ts); the picker keeps Bolt's respond.
    const respond = replyVia(body.response_url, args.respond);
    const decoded = decodeAction(action.action_id);
    const teamId = body.team?.id ?? body.user.team_id;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!decoded || !teamId || !channelId) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: messagesFor(deps.defaultLocale).unknownRound,
      });
      return;
    }
    const ctx = await contextFor(
      {
        teamId,
        channelId,
        userId: body.user.id,
        userName: body.user.username ?? body.user.name ?? body.user.id,
      },
      decoded.kind !== 'answer',
    );
    const m = messagesFor(ctx.locale);
    try {
      if (decoded.kind === 'pick') {
        const who = { teamId, channelId, userId: ctx.userId, userName: ctx.displayName };
        const pickerArgs = {
          roundId: decoded.roundId,
          triggerId: body.trigger_id,
          who,
          respond: args.respond,
          app,
        };
        await openPicker(pickerArgs, deps, contextFor);
        return;
      }
      if (decoded.kind === 'answer') {
        const { outcome, view } = await commands.answer(decoded.roundId, decoded.choice, ctx);
        deps.locales.remember(ctx.scope, ctx.userId, outcome.locale);
        await replyPrivately(respond, { kind: 'text', view }, ctx.locale);
        if ((outcome.kind === 'correct' || outcome.kind === 'incorrect') && outcome.roundKind === 'daily') {
          await platform.refreshAnswerCount(
            { scope: ctx.scope, channelId },
            decoded.roundId,
            outcome.answerCount,
          );
        }
        return;
      }
      await replyPrivately(respond, await commands.button(decoded, ctx), ctx.locale);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      log.warn({ err: error }, 'store unavailable during a click');
      const text = decoded.kind === 'answer' ? m.notRecorded : m.unavailable;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  };

  // One listener per kind of payload (action, view submission, command), each dispatching by id: Bolt runs
  // every listener's matchers on every request, so each extra listener costs every click (the daily
  // answer included) a middleware chain of its own (docs/performance.md).
  app.action<BlockAction>(ACTION_IDS, async (args) => {
    const id = 'action_id' in args.action ? args.action.action_id : '';
    // Link buttons (the docs link) also send an action; it only needs an ack.
    if (id === OPEN_DOCS_ACTION) return args.ack();
    if (id.startsWith(REPORT_PREFIX)) return openReportModal(args, deps);
    if (exam.owns(id)) return exam.handle(args);
    return button(args as typeof args & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>);
  });

  app.view<ViewSubmitAction>(VIEW_IDS, async (args) => {
    if (args.view.callback_id === REPORT_CALLBACK_ID) return submitReport(args, deps);
    return submitPicker(args, deps, contextFor);
  });

  app.command(COMMANDS, async ({ ack, command, respond }) => {
    await ack();
    if (command.command === '/gcp') {
      const scope = scopeId('slack', command.team_id);
      const locale = (await deps.locales.get(scope, command.user_id)) ?? deps.defaultLocale;
      await replyPrivately(respond, { kind: 'text', view: commands.gcp(command.text ?? '', locale) }, locale);
      return;
    }
    const ctx = await contextFor({
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      userName: command.user_name,
    });
    const parsed = parseQuizCommand(command.text ?? '');
    try {
      const reply = await commands.run(parsed, ctx);
      if (parsed.kind === 'lang') deps.locales.remember(ctx.scope, ctx.userId, parsed.locale);
      await replyPrivately(respond, reply, parsed.kind === 'lang' ? parsed.locale : ctx.locale);
    } catch (error) {
      await replyPrivately(respond, { kind: 'text', view: failureView(error, ctx.locale) }, ctx.locale);
    }
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id;
    if (!teamId) return;
    const scope = scopeId('slack', teamId);
    const locale = (await deps.locales.get(scope, event.user)) ?? deps.defaultLocale;
    const m = messagesFor(locale);
    let view: TextView;
    try {
      view = await commands.statsWithReviews(scope, event.user, event.user, m, () =>
        deps.admins.timeZoneOf(event.user, teamId),
      );
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      view = textView(m.unavailable);
    }
    const help = helpView('slack', m);
    await client.views.publish({
      user_id: event.user,
      view: {
        type: 'home',
        blocks: [...textBlocks(view), { type: 'divider' }, ...textBlocks(help)].slice(0, 100),
      },
    });
  });
}

const REPORT_PREFIX = 'rpt:';
/** Every action id the app handles: the buttons' prefixes, and the link, navigator and picks ids. */
const ACTION_IDS = new RegExp(
  `^(?:(?:ans|pck|prc|gcp|gss|rpt|x[afgsrm]):|(?:${OPEN_DOCS_ACTION}|${EXAM_NAVIGATOR_ACTION}|${EXAM_PICKS_ACTION})$)`,
);
const VIEW_IDS = new RegExp(`^(?:${REPORT_CALLBACK_ID}|${PICKER_CALLBACK_ID})$`);
const COMMANDS = /^\/(?:quiz|gcp)$/;

function failureView(error: unknown, locale: Locale): TextView {
  if (isStoreUnavailable(error)) return textView(messagesFor(locale).unavailable);
  throw error;
}

/** What identifies one delivery across Slack's retries. */
function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return null;
}
