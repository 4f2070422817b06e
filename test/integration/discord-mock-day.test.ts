import { afterEach, describe, expect, it } from 'vitest';
import type { Exam } from '../../src/core/model/exam.js';
import { scopeId } from '../../src/core/model/model.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { type DiscordHarness, embedOf, startDiscordHarness, textOf } from '../support/discord-harness.js';
import {
  type Actor,
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
import type { RecordedRequest } from '../support/fake-discord.js';

/**
 * A team mock day on Discord through the real discord.js Client (fake gateway and REST): the admin schedules
 * it with `/quiz-admin exam-schedule`, the channel gets the Start post, players start and submit privately (every
 * reply an interaction callback), and the channel gets one summary.
 */

const scope = scopeId('discord', GUILD_ID);
/** The private exam message the clicks come from (ephemeral). */
const EXAM_MESSAGE = '900000000000000123';
/** The channel post with the Start button. */
const POST_MESSAGE = '900000000000000777';
const CAROL: Actor = { id: '400000000000000004', username: 'carol', locale: 'en-US' };
const MINUTE = 60_000;

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const channelPosts = (harness: DiscordHarness): RecordedRequest[] =>
  harness.fake.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`);

/** Schedules a sprint mock day an hour ahead with the admin command and moves the clock to its start. */
async function openMockDay(harness: DiscordHarness): Promise<{ start: string; startsAt: number }> {
  const startsAt = harness.clock.now() + 60 * MINUTE;
  const iso = new Date(startsAt).toISOString();
  const scheduled = await harness.interact(
    slash(
      'quiz-admin',
      ['exam-schedule'],
      { form: 'sprint', date: iso.slice(0, 10), time: iso.slice(11, 16), timezone: 'UTC' },
      MANAGER,
    ),
  );
  expect(textOf(scheduled.final)).toContain('Scheduled: Sprint mock exam for this channel');
  await harness.app.schedule.tick();
  expect(channelPosts(harness)).toHaveLength(0);
  harness.clock.advance(60 * MINUTE + 1000);
  await harness.app.schedule.tick();
  const [post] = channelPosts(harness);
  if (!post) throw new Error('no mock-day post');
  expect(textOf(post)).toContain('Team mock day: Sprint mock exam');
  const body = post.body as { components?: { components: { custom_id?: string }[] }[] };
  const start = body.components?.[0]?.components[0]?.custom_id ?? '';
  expect(start).toMatch(/^xm:/);
  return { start, startsAt };
}

/** Moves the clock past the window (3 hours) and the last exam's 24 minutes, then runs the scheduler twice. */
async function closeMockDay(harness: DiscordHarness, startsAt: number): Promise<void> {
  harness.clock.advance(startsAt + 3 * 60 * MINUTE + 24 * MINUTE + 11_000 - harness.clock.now());
  await harness.app.schedule.tick();
  await harness.app.schedule.tick();
}

describe('a team mock day on Discord', () => {
  it('three players start from the channel post and submit; the channel gets one summary with sections, ranges, distribution and opted-in names', async () => {
    h = await startDiscordHarness({ locale: 'en', bank: anExamBank() });
    const harness = h;
    const { start, startsAt } = await openMockDay(harness);

    const exams: Exam[] = [];
    for (const player of [ALICE, BOB, CAROL]) {
      const started = await harness.interact(click(start, POST_MESSAGE, player));
      // Privately, in the interaction callback: the channel post is left as it is.
      expect(started.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(embedOf(started.final).title).toBe(player === BOB ? '問題 1 / 10' : 'Question 1 of 10');
      exams.push((await harness.app.engine.examParts.store.currentExam(scope, player.id)) as Exam);
    }
    const [alice, bob, carol] = exams as [Exam, Exam, Exam];
    // The same questions in the same order for everyone.
    expect(new Set(exams.map((e) => e.items.map((i) => i.questionId).join(','))).size).toBe(1);

    const press = async (player: Actor, customId: string) => {
      const result = await harness.interact(click(customId, EXAM_MESSAGE, player, {}, true));
      expect(result.final.body).toMatchObject({ type: 7 });
      return result.final;
    };
    /** Answers question `index` of `exam` right with its button, or its select for a "choose two". */
    const answerRight = async (player: Actor, exam: Exam, index: number) => {
      const answer = exam.items[index]?.answer ?? '';
      if (answer.includes(',')) {
        const picked = await harness.interact(
          selectValues(`xp:${exam.id}:${index}`, answer.split(','), EXAM_MESSAGE, player),
        );
        expect(picked.final.body).toMatchObject({ type: 7 });
        return;
      }
      await press(player, encodeAction({ kind: 'exam-answer', examId: exam.id, index, choice: answer }));
    };
    // Alice answers all ten right, Carol only the Low-code five, Bob none.
    for (let i = 0; i < alice.items.length; i++) await answerRight(ALICE, alice, i);
    for (let i = 0; i < carol.items.length; i++) {
      if (carol.items[i]?.domain === 'low-code-ai') await answerRight(CAROL, carol, i);
    }
    const submit = (exam: Exam) => encodeAction({ kind: 'exam-submit', examId: exam.id });
    expect(embedOf(await press(ALICE, submit(alice))).title).toBe('Sprint mock exam: 10 of 10 right (100%)');
    await press(CAROL, submit(carol));
    expect(embedOf(await press(CAROL, submit(carol))).title).toBe('Sprint mock exam: 5 of 10 right (50%)');
    await press(BOB, submit(bob));
    expect(embedOf(await press(BOB, submit(bob))).title).toContain('10 問中 0 問正解 (0%)');
    const optedIn = await harness.interact(slash('quiz', ['exam', 'public'], { state: 'on' }, ALICE));
    expect(textOf(optedIn.final)).toContain('may now be named');

    // No summary while the window is open.
    await harness.app.schedule.tick();
    expect(channelPosts(harness)).toHaveLength(1);
    await closeMockDay(harness, startsAt);
    expect(channelPosts(harness)).toHaveLength(2);
    const summary = textOf(channelPosts(harness)[1] as RecordedRequest);
    expect(summary).toContain('Team mock day results: Sprint mock exam');
    expect(summary).toContain('3 participants');
    expect(summary).toContain('Team average per section (95% range)');
    // Pooled: Low-code 5 + 0 + 5 of 15, Monitoring 5 + 0 + 0 of 15, each with its Wilson range.
    expect(summary).toContain('Low-code: 67% (42-85%)');
    expect(summary).toContain('Monitoring: 33% (15-58%)');
    expect(summary).toContain(' 0-19%: █ 1');
    expect(summary).toContain('40-59%: █ 1');
    expect(summary).toContain('80-100%: █ 1');
    // Only Alice opted in: she is named, the others are not.
    expect(summary).toMatch(/1\. Alice A\.: 100%/);
    expect(summary).not.toMatch(/carol|bob/i);
    expect(summary).toContain('Google publishes no pass mark');

    // Once: later ticks post nothing more.
    await harness.app.schedule.tick();
    expect(channelPosts(harness)).toHaveLength(2);
    expect(harness.limitProblems()).toEqual([]);
    expect(harness.log.problems).toEqual([]);
  }, 30_000);

  it('200 participants: the channel gets the Start post and one summary; every player reply is an interaction callback', async () => {
    h = await startDiscordHarness({ locale: 'en', bank: anExamBank() });
    const harness = h;
    const { start, startsAt } = await openMockDay(harness);
    const before = harness.fake.requests.length;
    const players: Actor[] = Array.from({ length: 200 }, (_, i) => ({
      id: `5000000000${String(i).padStart(8, '0')}`,
      username: `player${i}`,
      locale: 'en-US',
    }));
    for (const player of players) {
      const started = await harness.interact(click(start, POST_MESSAGE, player));
      expect(started.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
      const exam = (await harness.app.engine.examParts.store.currentExam(scope, player.id)) as Exam;
      const submit = encodeAction({ kind: 'exam-submit', examId: exam.id });
      // An empty exam: Submit asks once, Submit again hands it in.
      await harness.interact(click(submit, EXAM_MESSAGE, player, {}, true));
      const report = await harness.interact(click(submit, EXAM_MESSAGE, player, {}, true));
      expect(embedOf(report.final).title).toBe('Sprint mock exam: 0 of 10 right (0%)');
    }
    await closeMockDay(harness, startsAt);

    const during = harness.fake.requests.slice(before);
    const isCallback = (r: RecordedRequest) => /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.route);
    // A reply deferred on a slow machine is finished by editing the interaction's own response.
    const isInteractionEdit = (r: RecordedRequest) =>
      /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(r.route);
    // 600 clicks, one callback each: interaction responses count against neither the channel nor the global limit.
    expect(during.filter(isCallback)).toHaveLength(600);
    // Everything else the bot sent to Discord in the day: the one summary in the channel, nothing per player.
    const others = during.filter((r) => !isCallback(r) && !isInteractionEdit(r));
    expect(others.map((r) => `${r.method} ${r.route}`)).toEqual([`POST /channels/${CHANNEL_ID}/messages`]);
    expect(channelPosts(harness)).toHaveLength(2);
    expect(textOf(channelPosts(harness)[1] as RecordedRequest)).toContain('200 participants');
    expect(harness.limitProblems()).toEqual([]);
  }, 120_000);
});
