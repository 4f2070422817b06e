import {
  type GroupProgress,
  type MemberRow,
  MIN_POOLED_MEMBERS,
  type TeamProgress,
} from '../../../core/learning/dashboard/team-progress.js';
import type { ExamDomain, Leaderboard, TeamLeaderboard } from '../../../core/model/model.js';
import { periodSpan } from '../../../core/model/periods.js';
import { html, type SafeHtml } from './html.js';
import { readinessBlock } from './me-page.js';
import type { PageMessages } from './page-messages.js';
import { type Cell, chartWithTable, dataTable, idMaker } from './page-parts.js';
import { columnChart } from './svg-charts.js';

export interface TeamPageInput {
  model: TeamProgress;
  board: Leaderboard;
  teamBoard: TeamLeaderboard;
  viewer: { playerId: string; isAdmin: boolean };
  domains: readonly ExamDomain[];
}

/**
 * The Team page: the workspace's and each team's pooled figures, the week's boards, and readiness per member
 * and section: every member's row for admins (to see who needs help), the viewer's own row for members.
 */
export function renderTeamPage(input: TeamPageInput, m: PageMessages): SafeHtml {
  const { model } = input;
  const nextId = idMaker('team');
  const teamNames = new Map(model.teams.map((t) => [t.teamId ?? '', t.name ?? '']));
  const teams =
    model.teams.length > 0
      ? model.teams.map((t) => groupSection(t, m.teamHeading(t.name ?? ''), input.domains, m, nextId))
      : html`<p>${m.teamsNone}</p>`;
  return html`<h1>${m.teamTitle}</h1>
${groupSection(model.scope, m.everyoneHeading, input.domains, m, nextId)}
${teams}
${boardsSection(input, m)}
${membersSection(input, teamNames, m)}`;
}

function groupSection(
  group: GroupProgress,
  heading: string,
  domains: readonly ExamDomain[],
  m: PageMessages,
  nextId: () => string,
): SafeHtml {
  const readiness = group.readiness
    ? readinessBlock(group.readiness, domains, m, nextId())
    : html`<p class="notice">${m.needsMembers(MIN_POOLED_MEMBERS)}</p>`;
  const weekLabel = (week: string): string => {
    const span = periodSpan(week);
    return span.kind === 'week' ? m.weekLabel(isoDay(span.from), isoDay(span.to)) : week;
  };
  const chart = columnChart(
    {
      id: nextId(),
      title: `${heading}: ${m.participationHeading}`,
      description: m.participationDescription(group.participation.length),
    },
    group.participation.map((w) => ({ label: weekLabel(w.week), value: w.active })),
    2,
  );
  const table = {
    caption: `${heading}: ${m.participationHeading}`,
    head: [m.colWeek, m.colActive, m.colAnswers],
    rows: group.participation.map((w) => [weekLabel(w.week), w.active, w.answers]),
  };
  return html`<section><h2>${heading}</h2><p>${m.membersLine(group.members, group.contributors)}</p>
<h3>${m.readinessHeading}</h3>${readiness}
<h3>${m.participationHeading}</h3>${chartWithTable(chart, table, m)}<p class="note">${m.participationDescription(group.participation.length)}</p></section>`;
}

function boardsSection(input: TeamPageInput, m: PageMessages): SafeHtml {
  const { board, teamBoard } = input;
  const players =
    board.entries.length > 0
      ? dataTable(
          {
            caption: m.boardHeading,
            head: [m.colRank, m.colName, m.colPoints],
            rows: board.entries.map((e) => [e.rank, e.displayName, e.points]),
          },
          m,
        )
      : html`<p>${m.boardEmpty}</p>`;
  const own = board.viewer ? html`<p>${m.yourPlace(board.viewer.rank, board.viewer.points)}</p>` : '';
  const teams =
    teamBoard.entries.length > 0
      ? dataTable(
          {
            caption: m.teamBoardHeading,
            head: [m.colRank, m.colTeam, m.colAverage, m.colTotal],
            rows: teamBoard.entries.map((e) => [e.rank, e.name, e.average.toFixed(1), e.total]),
          },
          m,
        )
      : html`<p>${m.boardEmpty}</p>`;
  return html`<section><h2>${m.boardHeading}</h2>${players}${own}<h3>${m.teamBoardHeading}</h3>${teams}</section>`;
}

function membersSection(
  input: TeamPageInput,
  teamNames: ReadonlyMap<string, string>,
  m: PageMessages,
): SafeHtml {
  const { viewer, domains } = input;
  const rows = viewer.isAdmin
    ? input.model.members
    : input.model.members.filter((r) => r.playerId === viewer.playerId);
  const heading = viewer.isAdmin ? m.heatmapHeading : m.ownRowHeading;
  const note = viewer.isAdmin ? m.heatmapNote : m.ownRowNote;
  const table =
    rows.length > 0
      ? dataTable(
          {
            caption: heading,
            head: [
              m.colMember,
              m.colTeam,
              m.colAnswers,
              ...domains.map(
                (d) =>
                  html`<span aria-hidden="true">${m.sectionShort(d.section)}</span><span class="visually-hidden">${d.name[m.locale]}</span>`,
              ),
            ],
            rows: rows.map((r) => memberRow(r, teamNames, domains, m)),
            className: 'data heatmap',
          },
          m,
        )
      : html`<p>${m.ownRowMissing}</p>`;
  const legend = html`<ul class="legend">${domains.map((d) => html`<li>${m.sectionShort(d.section)} ${d.name[m.locale]}</li>`)}</ul>`;
  return html`<section><h2>${heading}</h2><p class="note">${note}</p>${table}${legend}</section>`;
}

function memberRow(
  row: MemberRow,
  teamNames: ReadonlyMap<string, string>,
  domains: readonly ExamDomain[],
  m: PageMessages,
): Cell[] {
  const cells: Cell[] = [
    row.name,
    row.teamId === null ? m.noTeam : (teamNames.get(row.teamId) ?? row.teamId),
    row.answered,
  ];
  for (const d of domains) {
    const interval = row.sections.find((s) => s.domainId === d.id)?.interval ?? null;
    cells.push(
      interval
        ? { className: `heat ${heatClass(interval.estimate)}`, content: m.percent(interval.estimate) }
        : {
            className: 'heat heat-none',
            content: html`<span aria-hidden="true">${m.none}</span><span class="visually-hidden">${m.noneLabel}</span>`,
          },
    );
  }
  return cells;
}

/** Four bands, so colour shows at a glance who needs help; the percentage is always written too. */
export function heatClass(estimate: number): string {
  if (estimate < 0.5) return 'heat-low';
  if (estimate < 0.7) return 'heat-mid';
  if (estimate < 0.85) return 'heat-good';
  return 'heat-high';
}

function isoDay(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
