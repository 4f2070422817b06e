import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonsOf,
  type DiscordHarness,
  embedOf,
  type InteractionResult,
  messageBody,
  realContent,
  startDiscordHarness,
  textOf,
} from '../support/discord-harness.js';
import {
  type Actor,
  ALICE,
  autocomplete,
  BOB,
  CHANNEL_ID,
  click,
  MANAGER,
  slash,
} from '../support/discord-interactions.js';

/** Slash commands and autocomplete through the real discord.js Client against the fake Discord. */

const CAROL: Actor = { id: '400000000000000004', username: 'carol', locale: 'fr' };
/** In QUIZ_ADMIN_USER_IDS, without any Discord permission. */
const DAVE: Actor = { id: '400000000000000005', username: 'dave', locale: 'en-GB' };

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'ja', adminUserIds: [DAVE.id] });
});
afterAll(async () => {
  await h?.close();
});

/** A click answered in the callback itself, privately (one request, no defer). */
function expectRepliedPrivately(result: InteractionResult): void {
  expect(result.callbacks).toHaveLength(1);
  expect(result.callbacks[0]).toBe(result.final);
  expect(result.final.body).toMatchObject({ type: 4, data: { flags: 64 } });
  expect(result.final.auth).toBeUndefined(); // callbacks are authorised by the token in the URL
}

async function run(
  name: string,
  path: string[],
  values: Record<string, string | boolean> = {},
  actor: Actor = ALICE,
) {
  const result = await h.interact(slash(name, path, values, actor));
  // Ready at once: the reply is the interaction callback itself, no "thinking…" first.
  expectRepliedPrivately(result);
  return result.final;
}

function channelPosts() {
  return h.fake.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${CHANNEL_ID}/messages`);
}

describe('/quiz', () => {
  it('help: answered privately in the callback, in the language of the Discord client', async () => {
    const reply = await run('quiz', ['help']);
    expect(embedOf(reply).title).toContain('PMLE quiz');
    expect(textOf(reply)).toContain('/gcp <service>');
    // The Discord help names Discord's own commands: admin actions under /quiz-admin, no typed-only ones.
    expect(textOf(reply)).toContain('/quiz-admin post [section]');
    expect(textOf(reply)).toContain('/quiz-admin schedule set <cron>');
    expect(textOf(reply)).not.toMatch(/\/quiz guessed|\/quiz today|\/practice/);
    expect((messageBody(reply) as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(textOf(await run('quiz', ['help'], {}, BOB))).toContain('PMLE クイズ');
    // French is neither ja nor en: QUIZ_LOCALE (ja here) applies.
    expect(textOf(await run('quiz', ['help'], {}, CAROL))).toContain('PMLE クイズ');
  });

  it('lang: the person’s own choice beats the client language', async () => {
    const reply = await run('quiz', ['lang'], { locale: 'en' }, CAROL);
    expect(textOf(reply)).toContain('Language set to English.');
    expect(textOf(await run('quiz', ['help'], {}, CAROL))).toContain('PMLE quiz');
    expect(textOf(await run('quiz', ['lang'], { locale: 'xx' }, CAROL))).toContain('Usage: /quiz lang ja|en');
  });

  it('me: the stats carry the display name (global name, or server nickname)', async () => {
    expect(embedOf(await run('quiz', ['me'])).title).toBe('Stats for Alice A.');
    expect(embedOf(await run('quiz', ['me'], {}, BOB)).title).toBe('Bobby さんの成績');
  });

  it('leaderboard: players by default, teams and periods by option', async () => {
    const players = await run('quiz', ['leaderboard']);
    // Named by its dates (the harness clock is Thu 2026-11-26), not by an ISO week code.
    expect(embedOf(players).title).toBe('Leaderboard, Nov 23–29');
    expect(textOf(players)).toContain('No points yet.');
    const teams = await run('quiz', ['leaderboard'], { period: 'all', teams: true });
    expect(embedOf(teams).title).toContain('Team leaderboard, all time');
    const month = await run('quiz', ['leaderboard'], { period: 'month' });
    expect(embedOf(month).title).toBe('Leaderboard, November 2026');
    expect(textOf(await run('quiz', ['leaderboard'], { period: 'decade' }))).toContain(
      'Usage: /quiz leaderboard',
    );
  });

  it('next: a private practice question with one button per choice; its answer is private and unscored', async () => {
    const reply = await run('quiz', ['next']);
    expect(embedOf(reply).title).toBe('Practice question (not scored)');
    const buttons = buttonsOf(reply);
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    expect(buttons.every((b) => /^ans:[A-Za-z0-9_-]+:[A-E]$/.test(b.custom_id ?? ''))).toBe(true);

    const before = h.fake.requests.filter(
      (r) => r.method === 'PATCH' && r.route.startsWith('/channels/'),
    ).length;
    const first = buttons[0]?.custom_id ?? '';
    const answer = await h.interact(click(first, '900000000000000001', ALICE, {}, true));
    expectRepliedPrivately(answer);
    expect(embedOf(answer.final).title).toMatch(/^(Correct! \(practice: not scored\)|Not quite\.)$/);
    // A practice round has no public message: no answer-count edit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      h.fake.requests.filter((r) => r.method === 'PATCH' && r.route.startsWith('/channels/')).length,
    ).toBe(before);
  });

  it('next: an exam section with questions, and one without', async () => {
    const { bank } = realContent();
    const withQuestions = bank.domains().find((d) => bank.all().some((q) => q.domain === d.id));
    expect(
      buttonsOf(await run('quiz', ['next'], { domain: withQuestions?.id ?? '' })).length,
    ).toBeGreaterThan(0);
    expect(textOf(await run('quiz', ['next'], { domain: 'no-such-section' }))).toMatch(
      /^"no-such-section" is not an exam section\. The sections are: low-code-ai \(1\), .*monitoring \(6\)\.$/,
    );
  });

  it('team join, list, leave; a too-long name gets its own message', async () => {
    expect(textOf(await run('quiz', ['team', 'join'], { name: 'ML Ops' }))).toBe(
      'You joined ML Ops (new team). Points you earned before joining do not count for the team.',
    );
    expect(textOf(await run('quiz', ['team', 'join'], { name: 'ml ops' }, BOB))).toBe(
      'ML Ops に参加しました。参加する前に獲得した得点はチームには加算されません。',
    );
    const list = await run('quiz', ['team', 'list']);
    expect(embedOf(list).title).toBe('Teams');
    expect(textOf(list)).toContain('ML Ops: 2 members');
    expect(textOf(await run('quiz', ['team', 'leave']))).toBe('You left ML Ops.');
    expect(textOf(await run('quiz', ['team', 'leave']))).toBe('You are not in a team.');
    expect(textOf(await run('quiz', ['team', 'join'], { name: 'x'.repeat(40) }))).toBe(
      'A team name can be at most 32 characters.',
    );
  });

  it('team names cannot ping anyone', async () => {
    const reply = await run('quiz', ['team', 'join'], { name: '@everyone <@123> **bold**' }, CAROL);
    expect(textOf(reply)).not.toMatch(/@everyone|<@123>|\*\*bold/);
  });

  it('schedule (show) is for everyone', async () => {
    const reply = await run('quiz', ['schedule']);
    expect(embedOf(reply).title).toBe('Daily question schedule of this channel');
    expect(textOf(reply)).toContain('This channel gets no daily question yet.');
  });

  it('an unknown subcommand gets the usage', async () => {
    expect(textOf(await run('quiz', ['dance']))).toContain('Unknown command "dance"');
  });
});

describe('/quiz-admin', () => {
  it('post: refused for a member without Manage Server, nothing posted', async () => {
    const posts = channelPosts().length;
    const reply = await run('quiz-admin', ['post'], {}, ALICE);
    expect(textOf(reply)).toContain('Nothing was changed.');
    expect(channelPosts().length).toBe(posts);
  });

  it('post: a server manager posts the daily question to the channel', async () => {
    const posts = channelPosts().length;
    const reply = await run('quiz-admin', ['post'], {}, MANAGER);
    expect(textOf(reply)).toBe('Posted a question to this channel.');
    expect(channelPosts().length).toBe(posts + 1);
    const message = channelPosts().at(-1);
    if (!message) throw new Error('no post');
    // Channel messages speak QUIZ_LOCALE (ja), whoever asked.
    expect(embedOf(message).title).toBe('今日の PMLE 問題');
    expect(embedOf(message).footer?.text).toContain('現在 0 人が回答');
    // The answer controls: a button per choice, or for a multiple-select question (the daily pick follows the
    // bank) one button that opens the picker listing them all.
    const buttons = buttonsOf(message);
    const opensPicker = buttons.length === 1 && (buttons[0]?.custom_id ?? '').startsWith('pck:');
    expect(opensPicker || buttons.length >= 3).toBe(true);
  });

  it('a user in QUIZ_ADMIN_USER_IDS is an admin without Discord permissions', async () => {
    expect(textOf(await run('quiz-admin', ['post'], { domain: 'pipelines' }, DAVE))).toBe(
      'Posted a question to this channel.',
    );
  });

  it('schedule set, digest and off; a bad cron expression is named in the reply', async () => {
    const bad = await run('quiz-admin', ['schedule', 'set'], { cron: '61 9 * * *' }, MANAGER);
    expect(textOf(bad)).toContain('"61 9 * * *" is not a valid schedule');
    const badZone = await run(
      'quiz-admin',
      ['schedule', 'set'],
      { cron: '0 9 * * 1-5', timezone: 'Mars/Base' },
      MANAGER,
    );
    expect(textOf(badZone)).toContain('"Mars/Base" is not a time zone.');
    const set = await run(
      'quiz-admin',
      ['schedule', 'set'],
      { cron: '0 9 * * 1-5', timezone: 'Asia/Tokyo' },
      MANAGER,
    );
    expect(embedOf(set).title).toContain('Schedule saved.');
    expect(textOf(set)).toContain('Cron: 0 9 * * 1-5 (Asia/Tokyo)');
    expect(textOf(await run('quiz-admin', ['schedule', 'digest'], { state: 'off' }, MANAGER))).toBe(
      'Weekly digest off.',
    );
    expect(textOf(await run('quiz', ['schedule']))).toContain('Weekly digest: off');
    expect(textOf(await run('quiz-admin', ['schedule', 'extras'], { state: 'on' }, MANAGER))).toContain(
      'Extras (product-history trivia, general statistics off the exam guide): in daily questions',
    );
    expect(textOf(await run('quiz-admin', ['schedule', 'extras'], { state: 'on' }, ALICE))).toContain(
      'Nothing was changed.',
    );
    expect(textOf(await run('quiz-admin', ['schedule', 'off'], {}, ALICE))).toContain('Nothing was changed.');
    expect(textOf(await run('quiz-admin', ['schedule', 'off'], {}, MANAGER))).toBe(
      'This channel no longer gets the daily question.',
    );
  });
});

describe('/gcp', () => {
  it('a service card: what it is for, when to choose it, a docs link and a practise button', async () => {
    const reply = await run('gcp', [], { query: 'dataflow' });
    const embed = embedOf(reply);
    expect(embed.title).toBe('Dataflow');
    expect(embed.fields?.map((f) => f.name)).toEqual(['What it is for', 'Choose it on the exam when']);
    const buttons = buttonsOf(reply);
    expect(buttons.find((b) => b.style === 5)?.url).toMatch(/^https:\/\//);
    const practise = buttons.find((b) => b.custom_id === 'prc:dataflow');
    expect(practise?.label).toBe('Practise a question');

    const practice = await h.interact(click('prc:dataflow', '900000000000000002'));
    expectRepliedPrivately(practice);
    expect(embedOf(practice.final).title).toBe('Practice question (not scored)');
  });

  it('accepts a service id (the autocomplete value) and answers in Japanese for a Japanese client', async () => {
    const reply = await run('gcp', [], { query: 'bigquery-ml' }, BOB);
    expect(embedOf(reply).title).toBe('BigQuery ML');
    expect(embedOf(reply).fields?.[0]?.name).toBe('用途');
  });

  it('ambiguous queries offer services as buttons that open the card; unknown ones offer none', async () => {
    // The catalog grows; take a query that is ambiguous in today's catalog.
    const query = ['pipelines', 'model', 'kube', 'feature', 'data'].find(
      (q) => realContent().catalog.lookup(q).kind === 'ambiguous',
    );
    const ambiguous = await run('gcp', [], { query: query ?? '' });
    expect(embedOf(ambiguous).title).toContain('Several services match');
    const choices = buttonsOf(ambiguous);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((b) => b.custom_id?.startsWith('gcp:'))).toBe(true);
    const card = await h.interact(click(choices[0]?.custom_id ?? '', '900000000000000003'));
    expect(embedOf(card.final).fields?.length).toBe(2);

    const none = await run('gcp', [], { query: 'zzzzqqq' });
    expect(embedOf(none).title).toContain('No Google Cloud service matches "zzzzqqq"');
    expect(buttonsOf(none)).toEqual([]);
  });

  it('autocomplete answers at once (no defer) with at most 25 suggestions, id as the value', async () => {
    const empty = await h.interact(autocomplete('gcp', 'query', ''));
    expect(empty.callbacks).toHaveLength(1);
    const body = empty.final.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toHaveLength(25);

    const data = await h.interact(autocomplete('gcp', 'query', 'data'));
    const choices = (data.final.body as typeof body).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('dataflow');

    // Both names, so either language finds it at a glance.
    const service = realContent()
      .catalog.all()
      .find((s) => s.ja.name !== s.name);
    if (!service) throw new Error('no service with a Japanese name');
    const byId = await h.interact(autocomplete('gcp', 'query', service.id));
    expect((byId.final.body as typeof body).data.choices).toContainEqual({
      name: `${service.name} (${service.ja.name})`.slice(0, 100),
      value: service.id,
    });
  });
});

describe('outside a server', () => {
  it('a DM is refused politely', async () => {
    const result = await h.interact(slash('quiz', ['me'], {}, ALICE, { guildId: null }));
    expectRepliedPrivately(result);
    expect(textOf(result.final)).toBe('The quiz works in a server channel, not in direct messages.');
  });
});

describe('every payload', () => {
  it('stays within Discord’s limits and pings nobody; nothing was logged as a problem', () => {
    expect(h.limitProblems()).toEqual([]);
    expect(h.log.problems).toEqual([]);
  });
});
