import { KeyedThrottle } from './keyed-throttle.js';
import type { ChannelRef, Question, Round, RoundRef } from './model.js';
import type { Logger } from './ports/logger.js';

/** A question message whose answer count may be edited. */
export interface LiveRound {
  channel: ChannelRef;
  round: Round;
  question: Question;
  answerCount: number;
}

export interface AnswerCountRefresherOptions {
  /** At most one edit per round per interval, the last count always shown. */
  intervalMs: number;
  /** Finds a round another process posted: once per edit, never per click. */
  loadRound: (ref: RoundRef) => Promise<{ round: Round; question: Question } | null>;
  /** Edits the platform message to show `live.answerCount`. */
  edit: (live: LiveRound) => Promise<void>;
  /** A failed edit is logged and dropped: the next answer brings another. */
  log: Logger;
}

/** Rounds remembered at most; past this the oldest are forgotten (they are reloaded if needed). */
const MAX_REMEMBERED = 10_000;

/**
 * Keeps the "N answers so far" of question messages current without an edit per click: counts are
 * collected per round and edited through a keyed throttle; a revealed round is never edited again,
 * so a late count edit cannot overwrite the reveal. Shared by the platforms; they only say how to edit.
 */
export class AnswerCountRefresher {
  private readonly live = new Map<string, LiveRound>();
  private readonly pending = new Map<string, { channel: ChannelRef; answerCount: number }>();
  private readonly revealedIds = new Set<string>();
  private readonly throttle: KeyedThrottle;

  constructor(private readonly options: AnswerCountRefresherOptions) {
    this.throttle = new KeyedThrottle(
      options.intervalMs,
      (roundId) => this.editNow(roundId),
      (error, roundId) => options.log.warn({ err: error, roundId }, 'answer count refresh failed'),
    );
  }

  /** A round this process just posted: its edits need no store read. */
  posted(channel: ChannelRef, round: Round, question: Question): void {
    remember(this.live, round.id, { channel, round, question, answerCount: 0 });
  }

  /** A new answer count for a round (from any click this process handled). */
  request(channel: ChannelRef, roundId: string, answerCount: number): void {
    if (this.revealedIds.has(roundId)) return;
    const before = this.pending.get(roundId)?.answerCount ?? 0;
    remember(this.pending, roundId, { channel, answerCount: Math.max(before, answerCount) });
    this.throttle.request(roundId);
  }

  /** The round was revealed: no more count edits for it. */
  revealed(roundId: string): void {
    this.throttle.forget(roundId);
    this.live.delete(roundId);
    this.pending.delete(roundId);
    if (this.revealedIds.size >= MAX_REMEMBERED) this.revealedIds.clear();
    this.revealedIds.add(roundId);
  }

  /** Sends pending edits now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.throttle.flush();
  }

  private async editNow(roundId: string): Promise<void> {
    const pending = this.pending.get(roundId);
    if (!pending || this.revealedIds.has(roundId)) return;
    let entry = this.live.get(roundId);
    if (!entry) {
      const loaded = await this.options.loadRound({ scope: pending.channel.scope, roundId });
      if (loaded?.round.status !== 'open' || loaded.round.kind !== 'daily') return;
      entry = { channel: pending.channel, ...loaded, answerCount: 0 };
      remember(this.live, roundId, entry);
    }
    entry.answerCount = Math.max(entry.answerCount, pending.answerCount);
    // Checked again after the store read: the round may have been revealed meanwhile.
    if (!entry.round.messageRef || this.revealedIds.has(roundId)) return;
    await this.options.edit(entry);
  }
}

/** Map.set with a cap, so rounds never revealed here cannot grow the map forever. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key) && map.size >= MAX_REMEMBERED) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}
