import {
  type ButtonInteraction,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { MAX_REPORT_TEXT } from '../../core/commands/learning-commands.js';
import type { Locale } from '../../core/model/model.js';
import { REPORT_REASONS } from '../../core/ports/learning-store.js';
import { encodeAction } from '../../core/presentation/action-id.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { textViewMessage } from './render/render-messages.js';
import { replyPrivately } from './reply.js';

const REASON_FIELD = 'reason';
const DETAILS_FIELD = 'details';
/** Discord's limit on a modal title. */
const MAX_MODAL_TITLE = 45;

/**
 * The "Report" button opens a form: the reason as a select, optional details. It must be the click's first
 * response, so no store call comes before it; the language is the Discord client's.
 */
export async function showReportModal(
  interaction: ButtonInteraction,
  questionId: string,
  deps: HandlerDeps,
): Promise<void> {
  const l = messagesFor(fallbackLocale(interaction, deps)).learning;
  const modal = new ModalBuilder()
    .setCustomId(encodeAction({ kind: 'report', questionId }))
    .setTitle(`${l.reportModalTitle}: ${questionId}`.slice(0, MAX_MODAL_TITLE))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(l.reportReasonLabel)
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId(REASON_FIELD)
            .addOptions(REPORT_REASONS.map((r) => ({ label: l.reportReasons[r], value: r }))),
        ),
      new LabelBuilder()
        .setLabel(l.reportTextLabel)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(DETAILS_FIELD)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setMaxLength(MAX_REPORT_TEXT),
        ),
    );
  await interaction.showModal(modal);
}

/** The submitted form: files the report and thanks the reporter privately. */
export async function handleReportModal(
  interaction: ModalSubmitInteraction,
  questionId: string,
  deps: HandlerDeps,
): Promise<void> {
  await replyPrivately(interaction, reportReply(interaction, questionId, deps), deps.deferAfterMs);
}

async function reportReply(interaction: ModalSubmitInteraction, questionId: string, deps: HandlerDeps) {
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    const ctx = await contextFor(interaction, deps);
    if (!ctx) return textViewMessage(textView(messagesFor(locale).guildOnly));
    locale = ctx.locale;
    const m = messagesFor(locale);
    const picked = interaction.fields.getStringSelectValues(REASON_FIELD)[0];
    const reason = REPORT_REASONS.find((r) => r === picked);
    if (!reason) return textViewMessage(textView(m.usage('report')));
    const details = interaction.fields.getTextInputValue(DETAILS_FIELD) ?? '';
    return textViewMessage(await deps.commands.learning.report(ctx, questionId, reason, details, m));
  } catch (error) {
    deps.log.error({ err: error, interactionId: interaction.id }, 'report failed');
    return textViewMessage(textView(messagesFor(locale).unavailable));
  }
}
