import { describe, expect, it } from 'vitest';
import type { Round } from '../../../../src/core/model/model.js';
import { silentLogger } from '../../../../src/core/ports/logger.js';
import {
  AnswerCountRefresher,
  type LiveRound,
  MAX_REMEMBERED_ROUNDS,
} from '../../../../src/core/rounds/answer-count-refresher.js';
import { aQuestion } from '../../../support/builders.js';

const channel = { scope: 'slack:T1', channelId: 'C1' };
const round = (id: string, extra: Partial<Round> = {}): Round => ({
  id,
  scope: channel.scope,
  channelId: channel.channelId,
  questionId: 'q-1',
  kind: 'daily',
  status: 'open',
  openedAt: 0,
  closesAt: 1,
  seq: 1,
  messageRef: `msg-${id}`,
  ...extra,
});

function aRefresher(loadable: Round[] = []) {
  const edits: { id: string; count: number }[] = [];
  let loads = 0;
  const refresher = new AnswerCountRefresher({
    intervalMs: 20,
    loadRound: async (ref) => {
      loads += 1;
      const found = loadable.find((r) => r.id === ref.roundId);
      return found ? { round: found, question: aQuestion() } : null;
    },
    edit: async (live: LiveRound) => {
      edits.push({ id: live.round.id, count: live.answerCount });
    },
    log: silentLogger,
  });
  return { refresher, edits, loads: () => loads };
}

describe('AnswerCountRefresher', () => {
  it('turns a burst of counts into a few edits that end on the last count', async () => {
    const { refresher, edits, loads } = aRefresher([round('r1')]);
    refresher.posted(channel, round('r1'), aQuestion());
    for (let n = 1; n <= 200; n++) refresher.request(channel, 'r1', n);
    await new Promise((r) => setTimeout(r, 60));
    refresher.request(channel, 'r1', 201);
    await refresher.flush();
    expect(edits.length).toBeLessThanOrEqual(3);
    expect(edits.at(-1)).toEqual({ id: 'r1', count: 201 });
    expect(loads()).toBe(edits.length); // one status read per edit, never per click
  });

  it('reads the round once per edit, and never edits a closed, practice or revealed one', async () => {
    const { refresher, edits, loads } = aRefresher([
      round('r2'),
      round('r3', { status: 'closed' }),
      round('r4', { kind: 'practice' }),
    ]);
    refresher.request(channel, 'r2', 1);
    refresher.request(channel, 'r3', 1);
    refresher.request(channel, 'r4', 1);
    await refresher.flush();
    refresher.request(channel, 'r2', 2);
    await refresher.flush();
    expect(edits).toEqual([
      { id: 'r2', count: 1 },
      { id: 'r2', count: 2 },
    ]);
    expect(loads()).toBe(4);
    refresher.revealed('r2');
    refresher.request(channel, 'r2', 3);
    await refresher.flush();
    expect(edits).toHaveLength(2);
  });

  it('re-reads the status before each edit: a round revealed by another replica is not edited', async () => {
    const shared = round('r5');
    const { refresher, edits } = aRefresher([shared]);
    refresher.posted(channel, shared, aQuestion());
    refresher.request(channel, 'r5', 1);
    await refresher.flush();
    expect(edits).toEqual([{ id: 'r5', count: 1 }]);
    shared.status = 'closed'; // another replica closed and revealed it
    refresher.request(channel, 'r5', 2);
    await refresher.flush();
    expect(edits).toHaveLength(1);
  });

  it('lets the revealer wait for an edit of its own already in flight', async () => {
    const order: string[] = [];
    let release = (): void => {};
    const refresher = new AnswerCountRefresher({
      intervalMs: 1,
      loadRound: async () => ({ round: round('r6'), question: aQuestion() }),
      edit: async () => {
        order.push('edit sent');
        await new Promise<void>((r) => {
          release = r;
        });
        order.push('edit landed');
      },
      log: silentLogger,
    });
    refresher.request(channel, 'r6', 1);
    await expect.poll(() => order).toEqual(['edit sent']);
    const revealing = refresher.revealing('r6').then(() => order.push('reveal'));
    await new Promise((r) => setTimeout(r, 20));
    release();
    await revealing;
    expect(order).toEqual(['edit sent', 'edit landed', 'reveal']);
  });

  it('shows the reveal once more after the settle time, or at flush', async () => {
    const { refresher } = aRefresher();
    let applied = 0;
    refresher.reapplyLater('r7', async () => {
      applied += 1;
    });
    expect(applied).toBe(0);
    await refresher.flush();
    expect(applied).toBe(1);
    await refresher.flush();
    expect(applied).toBe(1);
  });

  it('stays bounded when fed 100,000 rounds', { timeout: 60_000 }, async () => {
    const { refresher } = aRefresher();
    for (let i = 0; i < 100_000; i++) {
      refresher.posted(channel, round(`p${i}`), aQuestion());
      refresher.request(channel, `q${i}`, 1);
      refresher.revealed(`v${i}`);
    }
    const sizes = refresher.sizes;
    for (const size of Object.values(sizes)) expect(size).toBeLessThanOrEqual(MAX_REMEMBERED_ROUNDS);
    expect(sizes.throttled).toBeGreaterThan(0);
  });
});
