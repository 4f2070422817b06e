import { LRUCache } from 'lru-cache';
import type { ChannelRef, Question, Round, RoundRef } from '../model/model.js';
import type { Logger } from '../ports/logger.js';
import { KeyedThrottle } from './keyed-throttle.js';

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
  /** Reads a round from the store: once per edit (its status, just before editing), never per click. */
  loadRound: (ref: RoundRef) => Promise<{ round: Round; question: Question } | null>;
  /** Edits the platform message to show `live.answerCount`. */
  edit: (live: LiveRound) => Promise<void>;
  /** A failed edit is logged and dropped: the next answer brings another. */
  log: Logger;
  /** How long after a reveal it is shown again, over a count edit that was already on its way. */
  revealSettleMs?: number;
}

/** Rounds remembered at most, per map; past this the least recently used are forgotten (reloaded if needed). */
export const MAX_REMEMBERED_ROUNDS = 10_000;
/** No round stays open longer than a day; a day and a bit later nothing about it is worth keeping. */
const ROUND_MEMORY_MS = 26 * 60 * 60_000;
const DEFAULT_REVEAL_SETTLE_MS = 3000;

/**
 * Keeps the "N answers so far" of question messages current without an edit per click: counts are
 * collected per round and edited through a keyed throttle. After a reveal the message must end as the
 * reveal, whichever replica revealed and whichever sent count edits, although platform edits take no
 * precondition. So: an edit re-reads the round's status just before it is sent and is dropped once the
 * round is no longer open; the revealer waits for its own edit in flight; and, for an edit another
 * replica sent just before the reveal that lands just after it, the revealer shows the reveal once more
 * a few seconds later. Shared by the platforms; they only say how to edit.
 */
export class AnswerCountRefresher {
  private readonly live = rememberedRounds<LiveRound>();
  private readonly pending = rememberedRounds<{ channel: ChannelRef; answerCount: number }>();
  private readonly revealedIds = rememberedRounds<true>();
  private readonly reapplying = rememberedRounds<{ timer: NodeJS.Timeout; apply: () => Promise<void> }>();
  private readonly throttle: KeyedThrottle;

  constructor(private readonly options: AnswerCountRefresherOptions) {
    this.throttle = new KeyedThrottle(
      options.intervalMs,
      (roundId) => this.editNow(roundId),
      (error, roundId) => options.log.warn({ err: error, roundId }, 'answer count refresh failed'),
      { maxKeys: MAX_REMEMBERED_ROUNDS },
    );
  }

  /** A round this process just posted: its question need not be read back from the store. */
  posted(channel: ChannelRef, round: Round, question: Question): void {
    this.live.set(round.id, { channel, round, question, answerCount: 0 });
  }

  /** A new answer count for a round (from any click this process handled). */
  request(channel: ChannelRef, roundId: string, answerCount: number): void {
    if (this.revealedIds.has(roundId)) return;
    const before = this.pending.get(roundId)?.answerCount ?? 0;
    this.pending.set(roundId, { channel, answerCount: Math.max(before, answerCount) });
    this.throttle.request(roundId);
  }

  /**
   * The round is being revealed here: no more count edits for it, and resolves once an edit of it
   * already in flight from this process has landed, so the reveal edit comes after it.
   */
  async revealing(roundId: string): Promise<void> {
    this.revealedIds.set(roundId, true);
    this.live.delete(roundId);
    this.pending.delete(roundId);
    await this.throttle.forget(roundId);
  }

  /** `revealing` for a caller with nothing to wait for. */
  revealed(roundId: string): void {
    void this.revealing(roundId);
  }

  /** How many rounds each map remembers (tests of the bounds). */
  get sizes(): { live: number; pending: number; revealed: number; throttled: number } {
    return {
      live: this.live.size,
      pending: this.pending.size,
      revealed: this.revealedIds.size,
      throttled: this.throttle.size,
    };
  }

  /** Shows the reveal once more after the settle time (see the class comment); `flush` runs it early. */
  reapplyLater(roundId: string, apply: () => Promise<void>): void {
    const run = (): void => {
      this.reapplying.delete(roundId);
      apply().catch((error: unknown) =>
        this.options.log.warn({ err: error, roundId }, 'reveal re-apply failed'),
      );
    };
    const timer = setTimeout(run, this.options.revealSettleMs ?? DEFAULT_REVEAL_SETTLE_MS);
    timer.unref?.();
    this.reapplying.set(roundId, { timer, apply });
  }

  /** Sends pending edits and reveal re-applies now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.throttle.flush();
    const due = [...this.reapplying.entries()];
    this.reapplying.clear();
    await Promise.all(
      due.map(async ([roundId, { timer, apply }]) => {
        clearTimeout(timer);
        await apply().catch((error: unknown) =>
          this.options.log.warn({ err: error, roundId }, 'reveal re-apply failed'),
        );
      }),
    );
  }

  private async editNow(roundId: string): Promise<void> {
    const pending = this.pending.get(roundId);
    if (!pending || this.revealedIds.has(roundId)) return;
    // The status as of now, not as cached: another replica may have revealed since.
    const loaded = await this.options.loadRound({ scope: pending.channel.scope, roundId });
    if (loaded?.round.status !== 'open' || loaded.round.kind !== 'daily') {
      this.revealedIds.set(roundId, true);
      this.live.delete(roundId);
      return;
    }
    const known = this.live.get(roundId);
    const entry: LiveRound = {
      channel: pending.channel,
      round: { ...loaded.round, messageRef: loaded.round.messageRef ?? known?.round.messageRef },
      question: loaded.question,
      answerCount: Math.max(known?.answerCount ?? 0, pending.answerCount),
    };
    this.live.set(roundId, entry);
    // Checked again after the store read: this process may have begun revealing meanwhile.
    if (!entry.round.messageRef || this.revealedIds.has(roundId)) return;
    await this.options.edit(entry);
  }
}

/** Per-round memory bounded in size and age: rounds never revealed here cannot grow it for ever. */
function rememberedRounds<V extends {}>(): LRUCache<string, V> {
  return new LRUCache<string, V>({ max: MAX_REMEMBERED_ROUNDS, ttl: ROUND_MEMORY_MS });
}
