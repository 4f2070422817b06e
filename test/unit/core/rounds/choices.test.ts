import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/core/model/random.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { feedbackView, questionView, revealView } from '../../../../src/core/presentation/views.js';
import {
  displayedChoices,
  encodePicks,
  letterOf,
  parseTypedPicks,
  shuffledOrder,
} from '../../../../src/core/rounds/choices.js';
import { aQuestion, rightKey } from '../../../support/builders.js';
import { anEngine, CHANNEL } from '../../../support/engine-fixture.js';
import { longMultiQuestion } from '../../../support/long-questions.js';

const five = aQuestion({
  choices: ['A', 'B', 'C', 'D', 'E'].map((key) => ({
    key,
    text: { ja: `選択肢 ${key}`, en: `Choice ${key}` },
    why: { ja: `理由 ${key}`, en: `Reason ${key}` },
  })),
});

describe('a fresh order each round', () => {
  it('over many rounds, each displayed position holds the right answer about equally often', async () => {
    const { engine } = anEngine({ questions: [five], seed: 7 });
    const rounds = 5000;
    const atPosition = [0, 0, 0, 0, 0];
    for (let i = 0; i < rounds; i++) {
      const started = await engine.startRound({
        channel: CHANNEL,
        kind: i % 5 === 0 ? 'practice' : 'daily',
        ownerId: 'U1',
      });
      if (started.kind !== 'started') throw new Error('no round');
      const shown = displayedChoices(started.question, started.round);
      const position = shown.findIndex((d) => d.choice.key === rightKey(started.question));
      atPosition[position] = (atPosition[position] ?? 0) + 1;
    }
    // Uniform: 1000 per position. A chi-square test at 4 degrees of freedom: below 18.47 is p > 0.001.
    const expected = rounds / 5;
    const chiSquare = atPosition.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquare, `right answer per displayed position: ${atPosition.join(', ')}`).toBeLessThan(18.47);
    for (const n of atPosition) expect(n).toBeGreaterThan(expected * 0.9);
  });

  it('keeps the order with the round: reading the round back shows the same order', async () => {
    const { engine } = anEngine({ questions: [five] });
    const started = await engine.startRound({ channel: CHANNEL, kind: 'daily' });
    if (started.kind !== 'started') throw new Error('no round');
    const again = await engine.getRound({ scope: CHANNEL.scope, roundId: started.round.id });
    expect(again?.choiceOrder).toEqual(started.round.choiceOrder);
    expect([...(started.round.choiceOrder ?? [])].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('shows a round opened before orders existed (no order, or one that no longer fits) in bank order', () => {
    expect(
      displayedChoices(five, {})
        .map((d) => `${d.letter}=${d.choice.key}`)
        .join(' '),
    ).toBe('A=A B=B C=C D=D E=E');
    expect(displayedChoices(five, { choiceOrder: ['B', 'A'] }).map((d) => d.choice.key)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });

  it('shuffles with the seeded random: the same seed, the same order', () => {
    const keys = ['A', 'B', 'C', 'D', 'E'];
    expect(shuffledOrder(keys, seededRandom(3))).toEqual(shuffledOrder(keys, seededRandom(3)));
    expect(keys).toEqual(['A', 'B', 'C', 'D', 'E']); // not shuffled in place
  });

  it('names every choice by the letter shown: question, feedback, duplicate and reveal', () => {
    const round = { id: 'r1', kind: 'daily' as const, closesAt: 0, choiceOrder: ['C', 'B', 'A', 'E', 'D'] };
    const m = messagesFor('en');
    const fullRound = {
      ...round,
      scope: 's',
      channelId: 'c',
      questionId: 'q-1',
      status: 'open' as const,
      openedAt: 0,
      seq: 1,
    };
    const view = questionView({
      round: fullRound,
      question: five,
      domain: undefined,
      answerCount: 0,
      timeZone: 'UTC',
      m,
    });
    expect(view.choices.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:C', 'B:B', 'C:A', 'D:E', 'E:D']);
    expect(view.buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(view.buttons[0]?.action).toBe('ans:r1:C');
    const wrong = feedbackView(
      {
        kind: 'incorrect',
        question: five,
        roundKind: 'daily',
        choice: 'A',
        points: 0,
        streak: 0,
        totals: { week: 0, all: 0 },
        answerCount: 1,
        locale: null,
        choiceOrder: round.choiceOrder,
      },
      m,
    );
    expect(wrong.lines).toContain('Right answer: B. Choice B');
    expect(wrong.lines).toContain('Your answer: C. Choice A');
    const duplicate = feedbackView(
      {
        kind: 'duplicate',
        question: five,
        previousChoice: 'E',
        locale: null,
        choiceOrder: round.choiceOrder,
      },
      m,
    );
    expect(duplicate.title).toContain('your answer: D. Choice E');
    const reveal = revealView(round, five, { counts: { A: 2, B: 1 }, total: 3, right: 1 }, m);
    expect(reveal.votes[2]).toBe('C. Choice A: 2 (67%)');
    expect(reveal.explanation.body).toContain('A. Reason C');
  });
});

describe('choose two', () => {
  const question = longMultiQuestion();
  const order = ['E', 'D', 'C', 'B', 'A'];
  const m = messagesFor('en');

  it('explains each picked and each missed option, in the letters shown', () => {
    const view = feedbackView(
      {
        kind: 'incorrect',
        question,
        roundKind: 'daily',
        choice: 'A,B',
        points: 0,
        streak: 0,
        totals: { week: 0, all: 0 },
        answerCount: 1,
        locale: null,
        choiceOrder: order,
      },
      m,
    );
    // B and D are right; shown as D (B) and B (D). A was picked wrongly, shown as E.
    expect(view.lines[0]).toBe('Right answers: B, D');
    expect(view.lines[1]).toBe('Your answer: D, E');
    expect(view.sections.map((s) => s.title)).toEqual([
      'Why it is right',
      '⚠️ B: you left it out, but it is right',
      '✅ D: you picked it, and it is right',
      '❌ E: you picked it, but it is wrong',
    ]);
    expect(view.sections[3]?.body).toContain(question.choices[0]?.why.en ?? 'missing');
  });

  it('reveals the share that picked each option and the share with the whole set right', () => {
    const reveal = revealView(
      { choiceOrder: order },
      question,
      { counts: { B: 3, D: 2, A: 1 }, total: 3, right: 2 },
      m,
    );
    expect(reveal.answer).toBe('Correct answers: B, D');
    expect(reveal.votes[1]).toMatch(/^✅ B\. .*: 2 \(67%\)$/);
    expect(reveal.votes[3]).toMatch(/^✅ D\. .*: 3 \(100%\)$/);
    expect(reveal.votes[4]).toMatch(/^E\. .*: 1 \(33%\)$/);
    expect(reveal.answered).toBe('3 people answered · Whole set right: 2 (67%)');
    expect(reveal.rightLetters).toEqual(['B', 'D']);
  });

  it('scores only the exact set through the engine, whatever order the picks come in', async () => {
    const { engine } = anEngine({ questions: [question] });
    const started = await engine.startRound({ channel: CHANNEL, kind: 'daily' });
    if (started.kind !== 'started') throw new Error('no round');
    const submit = (id: string, choice: string) =>
      engine.submitAnswer({
        scope: CHANNEL.scope,
        roundId: started.round.id,
        player: { id, displayName: id },
        choice,
      });
    expect(await submit('U1', 'D,B')).toMatchObject({ kind: 'correct', points: 10, choice: 'B,D' });
    expect(await submit('U2', 'B,C')).toMatchObject({ kind: 'incorrect', points: 0 });
    expect(await submit('U3', 'B')).toMatchObject({ kind: 'unknown-round' });
    expect(letterOf(question, started.round, 'B')).toMatch(/^[A-E]$/);
  });
});

describe('typed answers in the console', () => {
  it.each([
    ['B', ['B']],
    ['2', ['B']],
    ['b', ['B']],
    ['B,D', ['B', 'D']],
    ['BD', ['B', 'D']],
    ['b d', ['B', 'D']],
    ['２', ['B']],
    ['Ａ', ['A']],
    ['Ｂ，Ｄ', ['B', 'D']],
    ['ｂ、ｄ', ['B', 'D']],
    ['2 4', ['B', 'D']],
  ])('reads %s', (typed, letters) => {
    expect(parseTypedPicks(typed, 5)).toEqual(letters);
  });

  it.each(['F', '6', 'hello', '', ' , '])('refuses %j', (typed) => {
    expect(parseTypedPicks(typed, 5)).toBeNull();
  });

  it('stores a set in one form', () => {
    expect(encodePicks(['D', 'B', 'D'])).toBe('B,D');
  });
});

describe('the bank format', () => {
  it('loads `answer: [D, B]` as the right keys in bank order, and keeps `replaces`', () => {
    const question = longMultiQuestion();
    expect(question.answer).toEqual(['B', 'D']);
    expect(question.replaces).toBe('old-drift-question');
    expect(question.choices.every((c) => c.text.en.length === 300 && c.text.ja.length === 300)).toBe(true);
  });
});
