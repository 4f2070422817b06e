import type { webApi } from '@slack/bolt';
import type { ChannelRef, Round } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';

/** The metadata event type our question posts carry; its payload names the round. */
export const QUESTION_EVENT_TYPE = 'pmle_quiz_question';

/** Message metadata for a question post: lets a retry find the post an earlier attempt made. */
export function questionMetadata(round: Round) {
  return { event_type: QUESTION_EVENT_TYPE, event_payload: { round_id: round.id } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The ts of a question already posted for `round`, from the channel's messages since the round opened
 * (conversations.history with `include_all_metadata`); null when there is none or we cannot look.
 *
 * Looking needs the `channels:history` scope (`groups:history` for private channels). Without it, or when
 * the call fails, we post again: a duplicate question is better than none, and a rate-limited or
 * erroring first attempt (the usual case) never reached the channel anyway.
 */
export async function findPostedQuestion(
  history: (args: webApi.ConversationsHistoryArguments) => Promise<webApi.ConversationsHistoryResponse>,
  log: Logger,
  channel: ChannelRef,
  round: Round,
): Promise<string | null> {
  try {
    const reply = await history({
      channel: channel.channelId,
      oldest: String(Math.floor(round.openedAt / 1000) - 60),
      limit: 200,
      include_all_metadata: true,
    });
    const messages = (reply.messages ?? []) as HistoryMessage[];
    const mine = messages.find(
      (m) =>
        m.metadata?.event_type === QUESTION_EVENT_TYPE && m.metadata.event_payload?.round_id === round.id,
    );
    return mine?.ts ?? null;
  } catch (error) {
    log.warn(
      { err: error, channel, roundId: round.id },
      'could not check whether an earlier attempt posted the question; posting it',
    );
    return null;
  }
}
