import type { LineChart } from './model.js';

/** Where a line chart's points fall in a box of `width` × `height` (origin top left). */
export function chartGeometry(chart: LineChart, width: number, height: number, padding = { left: 28, right: 8, top: 8, bottom: 22 }) {
  const plotWidth = width - padding.left - padding.right;
  const plotHeight = height - padding.top - padding.bottom;
  const step = chart.periods.length > 1 ? plotWidth / (chart.periods.length - 1) : 0;
  const x = (i: number) => padding.left + (chart.periods.length > 1 ? i * step : plotWidth / 2);
  const y = (v: number) => padding.top + plotHeight - (v / chart.max) * plotHeight;
  /** Each series as runs of consecutive points (a missing month breaks the line). */
  const lines = chart.series.map((series) => {
    const runs: Array<Array<[number, number]>> = [];
    let run: Array<[number, number]> = [];
    series.values.forEach((v, i) => {
      if (v === null) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push([x(i), y(v)]);
    });
    if (run.length) runs.push(run);
    return { label: series.label, runs };
  });
  const every = chart.step ?? 1;
  const gridlines = Array.from({ length: Math.floor(chart.max / every) + 1 }, (_, i) => ({ value: i * every, y: y(i * every) }));
  // At most about a dozen month labels, evenly spaced.
  const labelEvery = Math.max(1, Math.ceil(chart.periods.length / 12));
  const labels = chart.periods.flatMap((p, i) => (i % labelEvery === 0 ? [{ text: p, x: x(i) }] : []));
  return { padding, plotWidth, plotHeight, lines, gridlines, labels, bottom: padding.top + plotHeight };
}

export const SERIES_COLOURS = ['#1f5f8b', '#c0392b', '#2e7d32', '#7b1fa2'];
const fixed = (n: number) => n.toFixed(1);

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A line chart as inline SVG (no scripts, no external references). Its title is what a screen
 * reader announces; `id` ties the title to the image when several charts share a page.
 */
export function chartSvg(chart: LineChart, title: string, id = 'diagram', width = 640, height = 220): string {
  const g = chartGeometry(chart, width, height);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-titel">`,
    `<title id="${id}-titel">${escape(title)}</title>`,
  ];
  for (const line of g.gridlines) {
    parts.push(`<line x1="${g.padding.left}" y1="${fixed(line.y)}" x2="${width - g.padding.right}" y2="${fixed(line.y)}" stroke="#ddd"/>`);
    parts.push(`<text x="${g.padding.left - 6}" y="${fixed(line.y + 4)}" font-size="10" text-anchor="end">${line.value}</text>`);
  }
  for (const label of g.labels) parts.push(`<text x="${fixed(label.x)}" y="${height - 6}" font-size="9" text-anchor="middle">${label.text}</text>`);
  g.lines.forEach((line, i) => {
    for (const run of line.runs) {
      parts.push(`<polyline fill="none" stroke="${SERIES_COLOURS[i % SERIES_COLOURS.length]}" stroke-width="2" points="${run.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join(' ')}"/>`);
    }
    parts.push(`<text x="${width - g.padding.right - 70}" y="${14 + i * 12}" font-size="10" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}">${line.label}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
