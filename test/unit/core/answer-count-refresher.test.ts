import { describe, expect, it } from 'vitest';
import { AnswerCountRefresher, type LiveRound } from '../../../src/core/answer-count-refresher.js';
import type { Round } from '../../../src/core/model.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { aQuestion } from '../../support/builders.js';

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
    const { refresher, edits, loads } = aRefresher();
    refresher.posted(channel, round('r1'), aQuestion());
    for (let n = 1; n <= 200; n++) refresher.request(channel, 'r1', n);
    await new Promise((r) => setTimeout(r, 60));
    refresher.request(channel, 'r1', 201);
    await refresher.flush();
    expect(edits.length).toBeLessThanOrEqual(3);
    expect(edits.at(-1)).toEqual({ id: 'r1', count: 201 });
    expect(loads()).toBe(0); // posted here: no store read
  });

  it('loads a round posted elsewhere once, and never edits a closed, practice or revealed one', async () => {
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
    expect(loads()).toBe(3);
    refresher.revealed('r2');
    refresher.request(channel, 'r2', 3);
    await refresher.flush();
    expect(edits).toHaveLength(2);
  });
});
