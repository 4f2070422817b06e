import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { MAX_REPORT_TEXT } from '../../core/commands/learning-commands.js';
import type { QuizCommands } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import { type Locale, scopeId } from '../../core/model/model.js';
import { REPORT_REASONS } from '../../core/ports/learning-store.js';
import type { Logger } from '../../core/ports/logger.js';
import { decodeAction } from '../../core/presentation/action-id.js';
import { type Messages, messagesFor } from '../../core/presentation/messages/index.js';
import type { UserLocales } from '../../core/rounds/user-locales.js';

export const REPORT_CALLBACK_ID = 'report-question';
const REASON_BLOCK = 'reason';
const DETAILS_BLOCK = 'details';
/** Slack's limit on a modal title and its buttons. */
const MAX_TITLE = 24;

export interface ReportModalDeps {
  commands: QuizCommands;
  locales: UserLocales;
  defaultLocale: Locale;
  log: Logger;
}

interface ReportMetadata {
  questionId: string;
  channelId: string;
}

const plain = (text: string, max = 75) => ({ type: 'plain_text' as const, text: text.slice(0, max) });

function reportView(questionId: string, channelId: string, m: Messages) {
  const l = m.learning;
  return {
    type: 'modal' as const,
    callback_id: REPORT_CALLBACK_ID,
    private_metadata: JSON.stringify({ questionId, channelId } satisfies ReportMetadata),
    title: plain(l.reportModalTitle, MAX_TITLE),
    submit: plain(l.reportSubmit, MAX_TITLE),
    close: plain(l.reportCancel, MAX_TITLE),
    blocks: [
      { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `\`${questionId}\`` }] },
      {
        type: 'input' as const,
        block_id: REASON_BLOCK,
        label: plain(l.reportReasonLabel),
        element: {
          type: 'static_select' as const,
          action_id: REASON_BLOCK,
          options: REPORT_REASONS.map((r) => ({ text: plain(l.reportReasons[r]), value: r })),
        },
      },
      {
        type: 'input' as const,
        block_id: DETAILS_BLOCK,
        optional: true,
        label: plain(l.reportTextLabel),
        element: {
          type: 'plain_text_input' as const,
          action_id: DETAILS_BLOCK,
          multiline: true,
          max_length: MAX_REPORT_TEXT,
        },
      },
    ],
  };
}

function doneView(text: string, m: Messages) {
  return {
    type: 'modal' as const,
    title: plain(m.learning.reportModalTitle, MAX_TITLE),
    close: plain('OK', MAX_TITLE),
    blocks: [{ type: 'section' as const, text: { type: 'plain_text' as const, text: text.slice(0, 3000) } }],
  };
}

/**
 * "Report" under the private feedback opens a modal (views.open with the click's trigger_id, which lives
 * 3 seconds, so nothing is awaited before it but the ack). Called by the app's one action listener.
 */
export async function openReportModal(
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  deps: ReportModalDeps,
): Promise<void> {
  const { ack, body, action, client } = args;
  await ack();
  const decoded = decodeAction('action_id' in action ? action.action_id : '');
  const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
  if (decoded?.kind !== 'report') return;
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const locale = deps.locales.peek(scopeId('slack', teamId), body.user.id) ?? deps.defaultLocale;
  await client.views.open({
    trigger_id: body.trigger_id,
    view: reportView(decoded.questionId, channelId, messagesFor(locale)),
  });
}

/** The report form's submission files the report and thanks the reporter in the modal itself. */
export async function submitReport(
  args: SlackViewMiddlewareArgs<ViewSubmitAction>,
  deps: ReportModalDeps,
): Promise<void> {
  const { ack, body, view } = args;
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const scope = scopeId('slack', teamId);
  let m = messagesFor(deps.defaultLocale);
  try {
    m = messagesFor((await deps.locales.get(scope, body.user.id)) ?? deps.defaultLocale);
    const meta = JSON.parse(view.private_metadata) as Partial<ReportMetadata>;
    const picked = view.state.values[REASON_BLOCK]?.[REASON_BLOCK]?.selected_option?.value;
    const reason = REPORT_REASONS.find((r) => r === picked);
    if (!reason || typeof meta.questionId !== 'string') {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: m.usage('report') } });
      return;
    }
    const details = view.state.values[DETAILS_BLOCK]?.[DETAILS_BLOCK]?.value ?? '';
    const thanks = await deps.commands.learning.report(
      {
        scope,
        channelId: meta.channelId ?? '',
        userId: body.user.id,
        displayName: body.user.name,
      },
      meta.questionId,
      reason,
      details,
      m,
    );
    await ack({ response_action: 'update', view: doneView(thanks.title, m) });
  } catch (error) {
    if (!isStoreUnavailable(error)) deps.log.error({ err: error }, 'report submission failed');
    await ack({ response_action: 'update', view: doneView(m.unavailable, m) });
  }
}
