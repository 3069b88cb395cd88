import { chartSvg } from './charts.js';
import { swedishNumber } from './labels.js';
import type { Block, Cell, ReportBack, Section } from './model.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (value: Cell) => escape(typeof value === 'number' ? swedishNumber(value) : value);

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escape(b.text)}</p>`;
    case 'placeholder':
      return `<p class="placeholder">${escape(b.text)}</p>`;
    case 'heading':
      return `<h3>${escape(b.text)}</h3>`;
    case 'table':
      return [
        '<table>',
        ...(b.caption ? [`<caption>${escape(b.caption)}</caption>`] : []),
        `<thead><tr>${b.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((r) => `<tr>${r.cells.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
      ].join('');
    case 'chart':
      return `<figure>${chartSvg(b.chart)}<figcaption>${escape(b.caption)}</figcaption></figure>`;
    case 'matrix':
      return [
        '<table class="matrix">',
        `<caption>${escape(b.caption)}</caption>`,
        `<thead><tr><th>${escape(b.rowLabel)} \\ ${escape(b.columnLabel)}</th>${[1, 2, 3, 4, 5].map((c) => `<th>${c}</th>`).join('')}</tr></thead>`,
        `<tbody>${[4, 3, 2, 1, 0].map((i) => `<tr><th>${i + 1}</th>${b.cells[i]!.map((n, j) => `<td class="n r${Math.min(4, Math.floor(((i + 1) * (j + 1)) / 5))}">${n}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
      ].join('');
  }
}

const section = (s: Section) => `<section><h2>${s.number <= 15 ? `${s.number}. ` : ''}${escape(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`;

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}caption{text-align:left;font-weight:bold;margin-bottom:.3rem}
th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top}td.n{text-align:right}.placeholder{color:#777;font-style:italic}
.matrix td.r0{background:#e8f5e9}.matrix td.r1{background:#fff9c4}.matrix td.r2{background:#ffe0b2}.matrix td.r3,.matrix td.r4{background:#ffcdd2}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}figure{margin:1rem 0}`;

/** The report-back as one self-contained HTML document (charts as inline SVG). */
export function renderHtml(report: ReportBack): string {
  const facts: Array<[string, string]> = [
    ['Länsstyrelsen', `${report.county.name} (${report.county.code})`],
    ...(report.reference ? ([['Diarienummer', report.reference]] as Array<[string, string]>) : []),
    ['Period', `${report.from} – ${report.to}`],
    ['Underlag per', `${report.asOf} (loggposition ${report.position}), mallversion ${report.templateVersion}`],
  ];
  return `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>${escape(report.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escape(report.title)}</h1><dl>${facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl></header>
${[...report.sections, report.appendix].map(section).join('\n')}
</body>
</html>
`;
}
