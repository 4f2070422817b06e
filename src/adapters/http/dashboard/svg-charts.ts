import { html, type SafeHtml } from './html.js';

/**
 * Charts as inline SVG drawn on the server: no script, no `style` attribute (the CSP allows neither), colours
 * from classes in the stylesheet. Each chart is an image with a title and a description for screen readers;
 * the pages put the same figures in a table beside it.
 */

/** Chart width in SVG units; the stylesheet scales the chart to the column, so this only sets proportions. */
const WIDTH = 480;

export interface ChartText {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
}

export interface Column {
  /** Axis label, shown for some columns only when there are many. */
  label: string;
  value: number;
}

/** Vertical columns with a zero baseline and the largest value marked on the axis. */
export function columnChart(text: ChartText, columns: readonly Column[], labelEvery = 1): SafeHtml {
  const height = 160;
  const left = 28;
  const bottom = 22;
  const top = 8;
  const plotHeight = height - bottom - top;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const step = (WIDTH - left) / Math.max(1, columns.length);
  const barWidth = Math.max(1, step * 0.7);
  const bars = columns.map((c, i) => {
    const h = (c.value / max) * plotHeight;
    const x = left + i * step + (step - barWidth) / 2;
    const label =
      i % labelEvery === 0
        ? html`<text class="chart-label" x="${fixed(x + barWidth / 2)}" y="${height - 6}" text-anchor="middle">${c.label}</text>`
        : '';
    return html`<rect class="chart-bar" x="${fixed(x)}" y="${fixed(top + plotHeight - h)}" width="${fixed(barWidth)}" height="${fixed(h)}"></rect>${label}`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" focusable="false">
<title id="${text.id}-title">${text.title}</title><desc id="${text.id}-desc">${text.description}</desc>
<line class="chart-axis" x1="${left}" y1="${top + plotHeight}" x2="${WIDTH}" y2="${top + plotHeight}"></line>
<text class="chart-label" x="${left - 4}" y="${top + 8}" text-anchor="end">${max}</text>
<text class="chart-label" x="${left - 4}" y="${top + plotHeight}" text-anchor="end">0</text>
${bars}</svg>`;
}

export interface RangeRow {
  label: string;
  /** Shares 0..1; null: not enough data (the row shows `note` instead of a bar). */
  range: { estimate: number; low: number; high: number } | null;
  /** The figure shown at the row's end: "72% (60-81%)" or "not enough data". */
  note: string;
}

/** One horizontal bar per row, its estimate filled and its 95 % range drawn as a line with end caps. */
export function rangeChart(text: ChartText, rows: readonly RangeRow[]): SafeHtml {
  const rowHeight = 40;
  const barWidth = 300;
  const height = rows.length * rowHeight + 4;
  const x = (share: number): number => share * barWidth + 1;
  const drawn = rows.map((r, i) => {
    const y = i * rowHeight;
    // The label has the whole width (section names are long); the figure sits after the bar.
    const labels = html`<text class="chart-label" x="1" y="${y + 13}">${r.label}</text><text class="chart-label" x="${barWidth + 10}" y="${y + 29}">${r.note}</text>`;
    const track = html`<rect class="${r.range ? 'chart-track' : 'chart-track chart-none'}" x="1" y="${y + 19}" width="${barWidth}" height="12"></rect>`;
    if (!r.range) return html`${labels}${track}`;
    const { estimate, low, high } = r.range;
    return html`${labels}${track}<rect class="chart-bar" x="1" y="${y + 19}" width="${fixed(x(estimate) - 1)}" height="12"></rect>
<line class="chart-range" x1="${fixed(x(low))}" y1="${y + 25}" x2="${fixed(x(high))}" y2="${y + 25}"></line>
<line class="chart-range" x1="${fixed(x(low))}" y1="${y + 20}" x2="${fixed(x(low))}" y2="${y + 30}"></line>
<line class="chart-range" x1="${fixed(x(high))}" y1="${y + 20}" x2="${fixed(x(high))}" y2="${y + 30}"></line>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" focusable="false">
<title id="${text.id}-title">${text.title}</title><desc id="${text.id}-desc">${text.description}</desc>
${drawn}</svg>`;
}

function fixed(n: number): string {
  return n.toFixed(1);
}
