import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exam } from '../../src/core/model/exam.js';
import { scopeId } from '../../src/core/model/model.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { displayLetter } from '../../src/core/rounds/choices.js';
import {
  type DiscordHarness,
  embedOf,
  messageBody,
  startDiscordHarness,
  textOf,
} from '../support/discord-harness.js';
import {
  ALICE,
  BOB,
  CHANNEL_ID,
  click,
  GUILD_ID,
  MANAGER,
  selectValues,
  slash,
} from '../support/discord-interactions.js';
import { anExamBank } from '../support/exam-bank.js';

/** A sprint mock exam on Discord, end to end: the real discord.js Client against the fake gateway and REST. */

const scope = scopeId('discord', GUILD_ID);
const MESSAGE = '900000000000000123';
let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'en', bank: anExamBank() });
});
afterAll(async () => {
  await h?.close();
});

interface Row {
  components: {
    type: number;
    custom_id?: string;
    label?: string;
    min_values?: number;
    options?: { value: string }[];
  }[];
}
const rowsOf = (request: Parameters<typeof messageBody>[0]): Row[] =>
  (messageBody(request)?.components ?? []) as Row[];

describe('a sprint mock exam on Discord', () => {
  it('starts with /quiz exam start, updates one ephemeral message per click, refuses a wrong count, submits and reports', async () => {
    const started = await h.interact(slash('quiz', ['exam', 'start'], { form: 'sprint' }));
    expect(started.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(embedOf(started.final).title).toBe('Question 1 of 10');
    expect(textOf(started.final)).toMatch(/⏱ <t:\d+:R>/);
    mkdirSync('/tmp/exam', { recursive: true });
    writeFileSync(
      '/tmp/exam/discord-exam-question.json',
      `${JSON.stringify(messageBody(started.final), null, 2)}\n`,
    );

    const exam = (await h.app.engine.examParts.store.currentExam(scope, ALICE.id)) as Exam;
    const single = exam.items.findIndex((i) => !i.answer.includes(','));
    const multi = exam.items.findIndex((i) => i.answer.includes(','));
    const letterOf = (index: number, key: string) =>
      displayLetter(exam.items[index]?.choiceOrder.indexOf(key) ?? -1);
    // Every click updates the exam message itself (callback type 7), privately.
    const press = async (customId: string) => {
      const result = await h.interact(click(customId, MESSAGE, ALICE, {}, true));
      expect(result.final.body).toMatchObject({ type: 7 });
      return result.final;
    };
    const navigate = async (index: number) => {
      const page = Math.floor(index / 25);
      const result = await h.interact(
        selectValues(
          `xn:${exam.id}:${page}`,
          [encodeAction({ kind: 'exam-go', examId: exam.id, index })],
          MESSAGE,
        ),
      );
      expect(result.final.body).toMatchObject({ type: 7 });
      return result.final;
    };

    const answered = await press(
      encodeAction({ kind: 'exam-answer', examId: exam.id, index: single, choice: 'A' }),
    );
    expect(embedOf(answered).title).toBe(`Question ${single + 2} of 10`);
    const flagged = await press(encodeAction({ kind: 'exam-flag', examId: exam.id, index: multi }));
    expect(embedOf(flagged).title).toBe(`Question ${multi + 1} of 10 · ⚑ flagged`);
    // A "choose two" question: its select takes exactly two.
    const picker = rowsOf(flagged)[0]?.components[0];
    expect(picker).toMatchObject({ type: 3, custom_id: `xp:${exam.id}:${multi}`, min_values: 2 });

    // Back to the answered question with the navigator: its answer shows; a new letter changes it.
    expect(textOf(await navigate(single))).toContain(`Your answer: ${letterOf(single, 'A')}`);
    await press(encodeAction({ kind: 'exam-answer', examId: exam.id, index: single, choice: 'C' }));
    expect(textOf(await navigate(single))).toContain(`Your answer: ${letterOf(single, 'C')}`);

    // A forged payload with one option on a "choose two" question: refused with the count, nothing written.
    const pick = async (values: string[]) => {
      const result = await h.interact(selectValues(`xp:${exam.id}:${multi}`, values, MESSAGE));
      expect(result.final.body).toMatchObject({ type: 7 });
      return result.final;
    };
    expect(textOf(await pick(['B']))).toContain('Pick exactly 2');
    expect((await h.app.engine.examParts.store.currentExam(scope, ALICE.id))?.answers[multi]).toBe('');
    await pick(['D', 'B']);
    expect((await h.app.engine.examParts.store.currentExam(scope, ALICE.id))?.answers[multi]).toBe('B,D');

    const submit = encodeAction({ kind: 'exam-submit', examId: exam.id });
    expect(textOf(await press(submit))).toContain('You have 8 unanswered and 1 flagged questions');
    const report = await press(submit);
    expect(embedOf(report).title).toBe('Sprint mock exam: 1 of 10 right (10%)');
    expect(textOf(report)).toContain('Google publishes no pass mark');
    expect(textOf(report)).toContain(`Question ${multi + 1} ⚑`);

    const history = await h.interact(slash('quiz', ['exam', 'history']));
    expect(textOf(history.final)).toContain('Sprint mock exam: 1/10 (10%)');
    expect(h.limitProblems()).toEqual([]);
  }, 30_000);

  it('a timed-out exam is scored by the sweep and its report sent as a DM, once', async () => {
    const started = await h.interact(slash('quiz', ['exam', 'start'], { form: 'sprint' }, BOB));
    // Bob's client speaks Japanese.
    expect(embedOf(started.final).title).toBe('問題 1 / 10');
    const exam = (await h.app.engine.examParts.store.currentExam(scope, BOB.id)) as Exam;
    h.clock.advance(24 * 60_000 + 11_000);
    const before = h.fake.requests.length;
    await h.app.schedule.tick();
    await h.app.schedule.tick();
    const after = h.fake.requests.slice(before);
    const dms = after.filter((r) => r.method === 'POST' && r.route === '/users/@me/channels');
    expect(dms.map((r) => r.body)).toEqual([{ recipient_id: BOB.id }]);
    const report = after.find((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.route));
    if (!report) throw new Error('no report sent');
    // Outside an interaction the language is the player's /quiz lang, else the server's default (English here).
    expect(textOf(report)).toContain('Time ran out');
    expect((await h.app.engine.examParts.store.examHistory(scope, BOB.id))[0]).toMatchObject({
      examId: exam.id,
      timedOut: true,
    });
    expect(h.limitProblems()).toEqual([]);
  });

  it("a team mock day's Start on the channel post answers privately with the exam, leaving the post as it is", async () => {
    const service = h.app.commands.exam.service;
    const day = await service.scheduleMockDay(
      scope,
      CHANNEL_ID,
      MANAGER.id,
      'sprint',
      h.clock.now() + 60_000,
    );
    if (!day) throw new Error('not scheduled');
    h.clock.advance(61_000);
    const before = h.fake.requests.length;
    await h.app.schedule.tick();
    const post = h.fake.requests
      .slice(before)
      .find((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`);
    if (!post) throw new Error('no mock-day post');
    expect(textOf(post)).toContain('Team mock day: Sprint mock exam');
    const start = rowsOf(post)[0]?.components[0]?.custom_id ?? '';
    expect(start).toBe(`xm:${day.id}`);
    const started = await h.interact(click(start, '900000000000000777', ALICE));
    expect(started.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(embedOf(started.final).title).toBe('Question 1 of 10');
    const exam = await h.app.engine.examParts.store.currentExam(scope, ALICE.id);
    expect(exam?.items.map((i) => i.questionId)).toEqual(day.items.map((i) => i.questionId));
    expect(h.limitProblems()).toEqual([]);
  });
});
