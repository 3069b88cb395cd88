import { chartSvg } from './charts.js';
import { swedishNumber } from './labels.js';
import type { Block, Cell, ReportBack, Section, Table } from './model.js';
import { CONTENTS_TITLE, DRAFT_NOTE, anchorOf, frontMatterLines, headingOf, outlineOf } from './outline.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (value: Cell) => escape(typeof value === 'number' ? swedishNumber(value) : value);

function table(t: Table): string {
  return [
    '<table>',
    ...(t.caption ? [`<caption>${escape(t.caption)}</caption>`] : []),
    `<thead><tr>${t.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead>`,
    // The first cell names the row (a month, a municipality): a row header for screen readers.
    `<tbody>${t.rows.map((r) => `<tr>${r.cells.map((c, i) => (i === 0 ? `<th scope="row">${cell(c)}</th>` : `<td${typeof c === 'number' ? ' class="n"' : ''}>${cell(c)}</td>`)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function block(b: Block, id: string): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escape(b.text)}</p>`;
    case 'placeholder':
      return `<p class="placeholder">${escape(b.text)}</p>`;
    case 'heading':
      return `<h3>${escape(b.text)}</h3>`;
    case 'table':
      return table(b);
    case 'chart':
      return `<figure>${chartSvg(b.chart, b.alt, id)}<figcaption>${escape(b.caption)}</figcaption></figure>${table({ ...b.table, caption: `${b.caption}: värden` })}`;
    case 'matrix':
      return [
        '<table class="matrix">',
        `<caption>${escape(b.caption)}</caption>`,
        `<thead><tr><th scope="col">${escape(b.rowLabel)} \\ ${escape(b.columnLabel)}</th>${[1, 2, 3, 4, 5].map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`,
        `<tbody>${[4, 3, 2, 1, 0].map((i) => `<tr><th scope="row">${i + 1}</th>${b.cells[i]!.map((n, j) => `<td class="n r${Math.min(4, Math.floor(((i + 1) * (j + 1)) / 5))}">${n}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
      ].join('');
  }
}

const section = (s: Section) =>
  `<section id="${anchorOf(s)}" aria-labelledby="${anchorOf(s)}-rubrik"><h2 id="${anchorOf(s)}-rubrik">${escape(headingOf(s))}</h2>${s.blocks.map((b, i) => block(b, `${anchorOf(s)}-${i}`)).join('\n')}</section>`;

const STYLE = `body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}caption{text-align:left;font-weight:bold;margin-bottom:.3rem}
th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top;text-align:left}tbody th{font-weight:normal}td.n{text-align:right}.placeholder{color:#595959;font-style:italic}
.matrix td.r0{background:#e8f5e9}.matrix td.r1{background:#fff9c4}.matrix td.r2{background:#ffe0b2}.matrix td.r3,.matrix td.r4{background:#ffcdd2}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}
nav ol,nav ul{padding-left:1.5rem}`;

/** The report-back as one self-contained HTML document (charts as inline SVG with titles, each followed by its values). */
export function renderHtml(report: ReportBack): string {
  const outline = outlineOf(report);
  const link = (s: Section) => `<li><a href="#${anchorOf(s)}">${escape(s.number <= 15 ? s.title : headingOf(s))}</a></li>`;
  return `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(report.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escape(report.title)}</h1><dl>${frontMatterLines(report)
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
    .join('')}</dl>${report.frontMatter.draft ? `<p class="placeholder">${escape(DRAFT_NOTE)}</p>` : ''}</header>
<main>
<nav aria-labelledby="innehall"><h2 id="innehall">${CONTENTS_TITLE}</h2><ol>${outline.filter((s) => s.number <= 15).map(link).join('')}</ol><ul>${outline.filter((s) => s.number > 15).map(link).join('')}</ul></nav>
${outline.map(section).join('\n')}
</main>
</body>
</html>
`;
}
