import { describe, expect, it } from 'vitest';
import { cut } from '../../src/adapters/discord/render/discord-limits.js';
import {
  type DiscordMessage,
  explanationMessage,
  pickerMessage,
  questionMessage,
  revealMessage,
  textViewMessage,
} from '../../src/adapters/discord/render/render-messages.js';
import { LOCALES, type Question, type Round } from '../../src/core/model/model.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';
import { pickerView } from '../../src/core/presentation/picker-view.js';
import { serviceCardView } from '../../src/core/presentation/service-views.js';
import { feedbackView, questionView, revealView, textView } from '../../src/core/presentation/views.js';
import type { AnswerOutcome } from '../../src/core/rounds/quiz-engine.js';
import { aQuestion } from '../support/builders.js';
import { realContent } from '../support/discord-harness.js';
import { messageProblems } from '../support/discord-payload-limits.js';
import { longQuestions } from '../support/long-questions.js';

/**
 * Every question of the bank, in both languages, rendered as each Discord message it can become: the
 * daily and practice question, the reveal, the explanation, and the feedback for every choice.
 */

function aRound(question: Question, kind: Round['kind'] = 'daily'): Round {
  return {
    id: 'AbCdEfGhIjKl', // newRoundId's length: 12 characters
    scope: 'discord:200000000000000001',
    channelId: '300000000000000001',
    questionId: question.id,
    kind,
    status: 'open',
    openedAt: Date.parse('2026-11-26T00:00:00Z'),
    closesAt: Date.parse('2026-11-27T00:00:00Z'),
    seq: 12345,
    // A shuffled order: every text must use the letters shown, whatever the bank's keys.
    choiceOrder: [...question.choices.map((c) => c.key)].reverse(),
  };
}

function problems(message: DiscordMessage): string[] {
  return messageProblems(message as unknown as Record<string, unknown>, false);
}

function everyMessage(question: Question): { name: string; message: DiscordMessage }[] {
  const { bank } = realContent();
  const out: { name: string; message: DiscordMessage }[] = [];
  for (const locale of LOCALES) {
    const m = messagesFor(locale);
    const tag = `${question.id} ${locale}`;
    for (const kind of ['daily', 'practice'] as const) {
      const view = questionView({
        round: aRound(question, kind),
        question,
        domain: bank.domain(question.domain),
        answerCount: 123_456,
        timeZone: 'Asia/Tokyo',
        m,
      });
      out.push({ name: `${tag} ${kind} question`, message: questionMessage(view, kind === 'practice') });
    }
    const counts = Object.fromEntries(question.choices.map((c, i) => [c.key, 10_000 * (i + 1)]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const tally = { counts, total, right: total };
    const reveal = revealView(aRound(question), question, tally, m);
    const view = questionView({
      round: aRound(question),
      question,
      domain: bank.domain(question.domain),
      answerCount: tally.total,
      timeZone: 'Asia/Tokyo',
      m,
    });
    out.push({ name: `${tag} reveal`, message: revealMessage(reveal, view) });
    out.push({ name: `${tag} picker`, message: pickerMessage(pickerView(aRound(question), question, m)) });
    out.push({ name: `${tag} explanation`, message: explanationMessage(reveal) });
    for (const choice of question.choices) {
      for (const roundKind of ['daily', 'practice'] as const) {
        const outcome: AnswerOutcome = {
          kind: question.answer.join(',') === choice.key ? 'correct' : 'incorrect',
          question,
          roundKind,
          // A single key, or for a "choose N" question this key with the others right ones.
          choice: [...new Set([choice.key, ...question.answer.slice(1)])].sort().join(','),
          points: 15,
          streak: 365,
          totals: { week: 99_999, all: 9_999_999 },
          answerCount: 123_456,
          locale: null,
        };
        out.push({
          name: `${tag} ${roundKind} feedback ${choice.key}`,
          message: textViewMessage(feedbackView(outcome, m)),
        });
      }
      const duplicate: AnswerOutcome = {
        kind: 'duplicate',
        question,
        previousChoice: choice.key,
        locale: null,
      };
      out.push({
        name: `${tag} duplicate ${choice.key}`,
        message: textViewMessage(feedbackView(duplicate, m)),
      });
    }
    out.push({
      name: `${tag} closed`,
      message: textViewMessage(feedbackView({ kind: 'closed', question, locale: null }, m)),
    });
  }
  return out;
}

describe('rendering the whole question bank', () => {
  const questions = [...realContent().bank.all(), ...longQuestions()];

  it('has questions to render', () => {
    expect(questions.length).toBeGreaterThan(50);
  });

  it('keeps every message of every question within Discord’s limits, in both languages', () => {
    const found: string[] = [];
    let rendered = 0;
    for (const question of questions) {
      for (const { name, message } of everyMessage(question)) {
        rendered += 1;
        for (const problem of problems(message)) found.push(`${name}: ${problem}`);
        // Nothing of the bank's real content may be cut: the full stem and explanation must be shown.
        const text = JSON.stringify(message.embeds);
        if (text.includes('…') && !JSON.stringify(question).includes('…'))
          found.push(`${name}: text was cut`);
      }
    }
    expect(found).toEqual([]);
    expect(rendered).toBeGreaterThan(questions.length * 20);
  });

  it('keeps every /gcp service card within the limits, in both languages', () => {
    const { catalog } = realContent();
    const found: string[] = [];
    for (const service of catalog.all()) {
      for (const locale of LOCALES) {
        const successor = service.successor ? catalog.get(service.successor)?.name : undefined;
        const message = textViewMessage(serviceCardView(service, successor, messagesFor(locale)));
        for (const problem of problems(message)) found.push(`${service.id} ${locale}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('oversized text', () => {
  it('a huge question is cut safely, never rejected', () => {
    const huge = aQuestion({
      stem: { ja: '長'.repeat(9000), en: 'word '.repeat(2000) },
      choices: ['A', 'B', 'C', 'D', 'E'].map((key) => ({
        key,
        text: { ja: `選択肢${'あ'.repeat(300)}`, en: `Choice ${'x'.repeat(300)}` },
        why: { ja: '理'.repeat(3000), en: 'why '.repeat(800) },
      })),
      explanation: { ja: '解'.repeat(5000), en: 'explain '.repeat(900) },
    });
    const found = everyMessage(huge).flatMap(({ name, message }) =>
      problems(message).map((p) => `${name}: ${p}`),
    );
    expect(found).toEqual([]);
    const question = everyMessage(huge)[0]?.message;
    // The embed lists the choices (as far as the description allows); buttons carry letters only.
    expect(question?.embeds[0]?.description).toContain('**A.**');
  });

  it('a headline longer than an embed title moves into the description', () => {
    const m = messagesFor('en');
    const message = textViewMessage(textView(m.invalidCron('9'.repeat(300), 'bad minute')));
    expect(problems(message)).toEqual([]);
    expect(message.embeds[0]?.title).toBeUndefined();
    expect(message.embeds[0]?.description).toContain('is not a valid schedule');
  });

  it('cut() never splits a surrogate pair and marks the cut', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcdef', 4)).toBe('abc…');
    const emoji = '😀'.repeat(10);
    const cutEmoji = cut(emoji, 6);
    expect(cutEmoji).toBe('😀😀…');
    expect(cutEmoji.length).toBeLessThanOrEqual(6);
  });
});
