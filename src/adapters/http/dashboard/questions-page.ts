import {
  QUESTION_FILTERS,
  QUESTION_SORTS,
  type QuestionFigureRow,
  type QuestionQuery,
} from '../../../core/learning/dashboard/question-figures.js';
import type { ExamDomain } from '../../../core/model/model.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';
import { QUESTIONS_PAGE_PATH, questionPagePath } from './page-links.js';
import type { PageMessages } from './page-messages.js';
import { type Cell, dataTable } from './page-parts.js';

export interface QuestionsPageInput {
  /** The rows the query selected, in its order. */
  rows: readonly QuestionFigureRow[];
  /** How many versions the scope has before filtering. */
  total: number;
  query: QuestionQuery;
  domains: readonly ExamDomain[];
}

/** The admins' list of every question version with its figures, flags, reports and state. */
export function renderQuestionsPage(input: QuestionsPageInput, m: PageMessages): SafeHtml {
  const { rows, domains } = input;
  const table =
    rows.length > 0
      ? dataTable(
          {
            caption: m.questionsTitle,
            head: [
              m.colQuestion,
              m.colVersion,
              m.colSection,
              m.colAnswers,
              m.colP,
              m.colDiscrimination,
              m.colPicks,
              m.colFlags,
              m.colReports,
              m.colState,
            ],
            rows: rows.map((r) => questionRow(r, domains, m)),
          },
          m,
        )
      : html`<p>${m.noRows}</p>`;
  return html`<h1>${m.questionsTitle}</h1>
${filterForm(input, m)}
<p role="status">${m.showing(rows.length, input.total)}</p>
${table}`;
}

function filterForm(input: QuestionsPageInput, m: PageMessages): SafeHtml {
  const { query, domains } = input;
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const field = (id: string, label: string, options: SafeHtml[]) =>
    html`<div class="field"><label for="q-${id}">${label}</label><select id="q-${id}" name="${id}">${options}</select></div>`;
  return html`<form class="filters" method="get" action="${QUESTIONS_PAGE_PATH}"><fieldset><legend>${m.filterLegend}</legend>
${field(
  'filter',
  m.filterLabel,
  QUESTION_FILTERS.map((f) => option(f, m.filterNames[f], query.filter === f)),
)}
${field('section', m.sectionLabel, [
  option('', m.allSections, query.section === null),
  ...domains.map((d) =>
    option(d.id, `${m.sectionShort(d.section)} ${d.name[m.locale]}`, query.section === d.id),
  ),
])}
${field(
  'sort',
  m.sortLabel,
  QUESTION_SORTS.map((s) => option(s, m.sortNames[s], query.sort === s)),
)}
${field('order', m.orderLabel, [option('asc', m.ascending, !query.desc), option('desc', m.descending, query.desc)])}
<button type="submit">${m.apply}</button></fieldset></form>`;
}

function questionRow(row: QuestionFigureRow, domains: readonly ExamDomain[], m: PageMessages): Cell[] {
  const domain = domains.find((d) => d.id === row.domain);
  return [
    // A question no longer in the bank has no page (its figures stay listed).
    row.domain === null ? row.id : html`<a href="${questionPagePath(row.id)}">${row.id}</a>`,
    html`<code>${row.version}</code> ${row.domain === null ? m.notInBank : row.current ? m.currentVersion : m.olderVersion}`,
    domain ? m.sectionShort(domain.section) : m.none,
    row.answered,
    figure(row.p),
    figure(row.discrimination),
    picks(row.options),
    flagList(row, m),
    row.reports,
    row.suspended ? { className: 'state-suspended', content: m.suspended } : m.active,
  ];
}

/** Two decimals, or the "no figure" mark. */
export function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** `A 3 · B 5`, keys in order. */
export function picks(options: Readonly<Record<string, number>>): string {
  return Object.entries(options)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(' · ');
}

export function flagList(row: QuestionFigureRow, m: PageMessages): HtmlValue {
  if (row.flags.length === 0) return '';
  return html`<ul class="flags">${row.flags.map(
    (f) =>
      html`<li>${m.flagNames[f]}${f === 'weak-distractors' ? ` ${row.weakDistractors.join(', ')}` : ''}</li>`,
  )}</ul>`;
}
