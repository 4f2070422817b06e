import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { QUESTION_EVENT_TYPE } from '../../src/adapters/slack/slack-question-lookup.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { anEngine, CHANNEL } from '../support/engine-fixture.js';
import { FakeSlack } from '../support/fake-slack.js';

/**
 * A question post whose outcome was unknown (a timeout) is posted again by the scheduler as the same
 * round; on Slack the retry first looks for the earlier post by its message metadata (issue 15.1).
 */
let fake: FakeSlack;

beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake?.stop();
});

async function setup() {
  const { engine } = anEngine();
  const client = new webApi.WebClient('xoxb-fake', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const platform = new SlackPlatform({
    client,
    bank: engine.bank,
    timeZone: 'Asia/Tokyo',
    locale: 'en',
    log: silentLogger,
    loadRound: async () => null,
  });
  const started = await engine.startRound({ channel: CHANNEL, kind: 'daily' });
  if (started.kind !== 'started') throw new Error('no round');
  return { platform, round: started.round, question: started.question };
}

describe('SlackPlatform question posts and their retries', () => {
  it('tags each question post with its round id in message metadata', async () => {
    const { platform, round, question } = await setup();
    const before = fake.callsOf('chat.postMessage').length;
    await platform.postQuestion(CHANNEL, round, question);
    const [post] = fake.callsOf('chat.postMessage').slice(before);
    expect(post?.body.metadata).toEqual({
      event_type: QUESTION_EVENT_TYPE,
      event_payload: { round_id: round.id },
    });
  });

  it('on a retry, reuses the message an earlier attempt posted instead of posting a second one', async () => {
    const { platform, round, question } = await setup();
    fake.on('conversations.history', () => ({
      messages: [
        {
          ts: '1700000001.000200',
          metadata: { event_type: QUESTION_EVENT_TYPE, event_payload: { round_id: 'other' } },
        },
        {
          ts: '1700000002.000300',
          metadata: { event_type: QUESTION_EVENT_TYPE, event_payload: { round_id: round.id } },
        },
      ],
    }));
    const before = fake.callsOf('chat.postMessage').length;
    const ts = await platform.postQuestion(CHANNEL, round, question, { retry: true });
    expect(ts).toBe('1700000002.000300');
    expect(fake.callsOf('chat.postMessage').length).toBe(before);
    const [lookup] = fake.callsOf('conversations.history').slice(-1);
    expect(lookup?.body).toMatchObject({ channel: CHANNEL.channelId, include_all_metadata: 'true' });
  });

  it('posts on a retry when no earlier post is found, or when it cannot look (missing scope)', async () => {
    const { platform, round, question } = await setup();
    fake.on('conversations.history', () => ({ messages: [] }));
    const before = fake.callsOf('chat.postMessage').length;
    await platform.postQuestion(CHANNEL, round, question, { retry: true });
    fake.failNext('conversations.history', 'missing_scope');
    await platform.postQuestion(CHANNEL, round, question, { retry: true });
    expect(fake.callsOf('chat.postMessage').length).toBe(before + 2);
  });
});
