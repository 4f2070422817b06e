import { describe, expect, it } from 'vitest';
import { LearningCommands } from '../../../../src/core/commands/learning-commands.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { someQuestions } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';

const m = messagesFor('en');
const ctxOf = (userId: string) => ({
  scope: CHANNEL.scope,
  channelId: CHANNEL.channelId,
  userId,
  displayName: userId,
});

async function answerAll(engine: ReturnType<typeof anEngine>['engine'], userId: string, right: boolean) {
  for (let i = 1; i <= 5; i++) {
    const started = await engine.startRound({
      channel: CHANNEL,
      kind: 'practice',
      ownerId: userId,
      questionId: `q-${i}`,
    });
    if (started.kind !== 'started') throw new Error('no round');
    await engine.submitAnswer({
      scope: CHANNEL.scope,
      roundId: started.round.id,
      player: { id: userId, displayName: userId },
      choice: right ? 'B' : 'A',
    });
  }
}

/** The text reply's lines (readiness is always text). */
function linesOf(reply: Awaited<ReturnType<LearningCommands['run']>>): string[] {
  if (reply.kind !== 'text') throw new Error('expected text');
  return reply.view.lines;
}

describe('LearningCommands', () => {
  it('pools the members of the team for /quiz ready team, and only theirs', async () => {
    const { engine } = anEngine({ questions: someQuestions(5) });
    const learning = new LearningCommands(engine);
    await answerAll(engine, 'U1', true);
    await answerAll(engine, 'U2', false);
    await answerAll(engine, 'U3', false); // not in the team
    await engine.joinTeam(CHANNEL.scope, 'U1', 'Owls');
    await engine.joinTeam(CHANNEL.scope, 'U2', 'Owls');
    const solo = await learning.run({ kind: 'ready', team: false }, ctxOf('U1'), m);
    expect(linesOf(solo)[0]).toMatch(/^▰▰▰▰▰ Low-code: 100% \(95% range 57-100%, 5 questions\)$/);
    const team = await learning.run({ kind: 'ready', team: true }, ctxOf('U1'), m);
    expect(team.view.title).toBe('Exam readiness of team Owls');
    expect(linesOf(team)[0]).toMatch(/^▰▰▰▱▱ Low-code: 50% \(95% range 24-76%, 10 questions\)$/);
    expect(linesOf(team)).toContain('Weakest section: Low-code. Practise it with /quiz next low-code-ai');
    const alone = await learning.run({ kind: 'ready', team: true }, ctxOf('U3'), m);
    expect(alone.view.title).toBe(m.learning.readyNoTeam);
  });

  it('calls a player with no display name "you", never by an empty name', async () => {
    const { engine } = anEngine({ questions: someQuestions(5) });
    const learning = new LearningCommands(engine);
    const ready = await learning.run({ kind: 'ready', team: false }, { ...ctxOf('U1'), displayName: '' }, m);
    expect(ready.view.title).toBe('Your exam readiness');
    const ja = await learning.run(
      { kind: 'ready', team: false },
      { ...ctxOf('U1'), displayName: '' },
      messagesFor('ja'),
    );
    expect(ja.view.title).toBe('あなたの試験準備度');
  });

  it('refuses a report on a question that does not exist, and reports nothing before any answer', async () => {
    const { engine } = anEngine();
    const learning = new LearningCommands(engine);
    expect((await learning.report(ctxOf('U1'), 'nope', 'other', '', m)).title).toBe(
      m.learning.reportUnknownQuestion('nope'),
    );
    const none = await learning.run({ kind: 'report', reason: 'other', text: '' }, ctxOf('U1'), m);
    expect(none.view.title).toBe(m.learning.reportNoQuestion);
    expect(await engine.learningStore.openReports(CHANNEL.scope)).toEqual([]);
  });

  it('/quiz question names the wrong options that at least 30 first answers almost never pick', async () => {
    const { engine } = anEngine({ questions: someQuestions(1) });
    const learning = new LearningCommands(engine);
    // 40 first answers: 30 right (B), 10 on A, none on C or D.
    for (let i = 0; i < 40; i++) {
      const started = await engine.startRound({
        channel: CHANNEL,
        kind: 'practice',
        ownerId: `U${i}`,
        questionId: 'q-1',
      });
      if (started.kind !== 'started') throw new Error('no round');
      await engine.submitAnswer({
        scope: CHANNEL.scope,
        roundId: started.round.id,
        player: { id: `U${i}`, displayName: `U${i}` },
        choice: i < 30 ? 'B' : 'A',
      });
    }
    const view = await learning.run({ kind: 'question', questionId: 'q-1' }, ctxOf('admin'), m);
    expect(linesOf(view)).toContain(m.learning.itemWeakDistractors('C, D'));
  });
});
