import { describe, expect, it } from 'vitest';
import {
  MIN_POOLED_MEMBERS,
  PARTICIPATION_WEEKS,
  teamProgress,
} from '../../../../../src/core/learning/dashboard/team-progress.js';
import type { ReviewLogEntry } from '../../../../../src/core/ports/learning-store.js';
import { DOMAINS } from '../../../../support/builders.js';

const TZ = 'Asia/Tokyo';
// Monday 2026-12-07 12:00 in Tokyo: week 2026-W50.
const NOW = Date.parse('2026-12-07T03:00:00Z');
const DAY = 86_400_000;

function answers(count: number, at: number, correct: boolean, prefix = 'q'): ReviewLogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    at,
    questionId: `${prefix}-${i}`,
    domain: 'low-code-ai',
    roundKind: 'daily' as const,
    correct,
    guessed: false,
  }));
}

const players = [
  { id: 'U1', name: 'Ann', teamId: 'alpha' },
  { id: 'U2', name: 'Bo', teamId: 'alpha' },
  { id: 'U3', name: 'Cy', teamId: 'beta' },
  { id: 'U4', name: 'Di', teamId: null },
];
const teams = [
  { id: 'alpha', name: 'Alpha', memberCount: 2 },
  { id: 'beta', name: 'Beta', memberCount: 1 },
];

describe('teamProgress', () => {
  it(`pools readiness only over at least ${MIN_POOLED_MEMBERS} members with answers`, () => {
    const logs = new Map([
      ['U1', answers(6, NOW - DAY, true)],
      ['U2', answers(6, NOW - DAY, false)],
      ['U3', answers(6, NOW - DAY, true)],
    ]);
    const result = teamProgress({ players, logs, teams, domains: DOMAINS, now: NOW, timeZone: TZ });
    expect(result.scope).toMatchObject({ teamId: null, members: 4, contributors: 3 });
    // 12 right of 18 distinct (player, question) pairs.
    expect(result.scope.readiness?.sections[0]?.interval?.estimate).toBeCloseTo(12 / 18, 5);
    const [alpha, beta] = result.teams;
    expect(alpha).toMatchObject({
      teamId: 'alpha',
      name: 'Alpha',
      members: 2,
      contributors: 2,
      readiness: null,
    });
    expect(beta).toMatchObject({ teamId: 'beta', members: 1, readiness: null });

    // With one contributor fewer, the workspace's pooled figure is withheld too.
    const fewer = teamProgress({
      players,
      logs: new Map([...logs].filter(([id]) => id !== 'U3')),
      teams,
      domains: DOMAINS,
      now: NOW,
      timeZone: TZ,
    });
    expect(fewer.scope.contributors).toBe(2);
    expect(fewer.scope.readiness).toBeNull();
  });

  it('counts members who answered per ISO week of the bot time zone, over 8 weeks', () => {
    const logs = new Map([
      // Sunday 2026-12-06 23:30 Tokyo (week 49) and Monday 00:30 (week 50).
      [
        'U1',
        [
          ...answers(1, Date.parse('2026-12-06T14:30:00Z'), true),
          ...answers(2, Date.parse('2026-12-06T15:30:00Z'), true, 'r'),
        ],
      ],
      ['U3', answers(1, NOW, true)],
      // Nine weeks ago: outside the chart.
      ['U4', answers(1, NOW - 63 * DAY, true)],
    ]);
    const result = teamProgress({ players, logs, teams, domains: DOMAINS, now: NOW, timeZone: TZ });
    const weeks = result.scope.participation;
    expect(weeks).toHaveLength(PARTICIPATION_WEEKS);
    expect(weeks[0]?.week).toBe('2026-W43');
    expect(weeks.at(-1)).toEqual({ week: '2026-W50', active: 2, answers: 3 });
    expect(weeks.at(-2)).toEqual({ week: '2026-W49', active: 1, answers: 1 });
    expect(weeks.slice(0, -2).every((w) => w.active === 0)).toBe(true);
    expect(result.teams[0]?.participation.at(-1)).toEqual({ week: '2026-W50', active: 1, answers: 2 });
  });

  it("lists every player's own readiness per section, by name", () => {
    const logs = new Map([['U2', answers(5, NOW, true)]]);
    const result = teamProgress({
      players: [...players].reverse(),
      logs,
      teams,
      domains: DOMAINS,
      now: NOW,
      timeZone: TZ,
    });
    expect(result.members.map((r) => r.name)).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
    const bo = result.members[1];
    expect(bo).toMatchObject({ playerId: 'U2', teamId: 'alpha', answered: 5 });
    expect(bo?.sections[0]?.interval?.estimate).toBe(1);
    expect(bo?.sections[1]?.interval).toBeNull();
    expect(result.members[0]?.sections[0]?.interval).toBeNull();
  });
});
