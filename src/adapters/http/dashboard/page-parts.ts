import { type HtmlValue, html, type SafeHtml } from './html.js';
import type { PageMessages } from './page-messages.js';

/**
 * Pieces every page uses: a table in a labelled region that scrolls sideways on its own (so the page
 * never does at phone width), and a chart with its figures as a table for readers who cannot see it.
 */

/** A table cell with a class of its own (heatmap colours). */
export interface StyledCell {
  className: string;
  content: HtmlValue;
}

export type Cell = HtmlValue | StyledCell;

function isStyled(cell: Cell): cell is StyledCell {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && 'className' in cell;
}

function td(cell: Cell): SafeHtml {
  return isStyled(cell) ? html`<td class="${cell.className}">${cell.content}</td>` : html`<td>${cell}</td>`;
}

export interface TableSpec {
  caption: string;
  /** Column headers, in order (rendered as `<th scope="col">`). */
  head: readonly HtmlValue[];
  /** Rows: the first cell becomes the row header (`<th scope="row">`). */
  rows: readonly (readonly Cell[])[];
  /** Extra class on the table (e.g. `heatmap`). */
  className?: string;
}

export function dataTable(spec: TableSpec, m: PageMessages): SafeHtml {
  const rows = spec.rows.map(
    ([first, ...rest]) =>
      html`<tr><th scope="row">${first !== undefined && isStyled(first) ? first.content : first}</th>${rest.map(td)}</tr>`,
  );
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label="${m.tableRegion(spec.caption)}"><table class="${spec.className ?? 'data'}"><caption>${spec.caption}</caption>
<thead><tr>${spec.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** A chart, then its figures in a table folded under a summary. */
export function chartWithTable(chart: SafeHtml, table: TableSpec, m: PageMessages): SafeHtml {
  return html`<figure class="chart-box">${chart}<details><summary>${m.tableSummary}</summary>${dataTable(table, m)}</details></figure>`;
}

/** Hands out ids unique within one page (charts need them for their title and description). */
export function idMaker(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}-${next}`;
  };
}
