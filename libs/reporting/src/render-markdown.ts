import { chartSvg } from './charts.js';
import { swedishNumber } from './labels.js';
import type { Block, Cell, ReportBack, Section, Table } from './model.js';
import { CONTENTS_TITLE, DRAFT_NOTE, frontMatterLines, headingOf, outlineOf } from './outline.js';

const cell = (value: Cell) => (typeof value === 'number' ? swedishNumber(value) : value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(t: Table): string {
  return [
    ...(t.caption ? [`**${t.caption}**`, ''] : []),
    `| ${t.columns.map(cell).join(' | ')} |`,
    // Numbers right-aligned, text left.
    `| ${t.columns.map((_, i) => (t.rows.length > 0 && t.rows.every((r) => typeof r.cells[i] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.cells.map(cell).join(' | ')} |`),
  ].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'placeholder':
      return `*${b.text}*`;
    case 'heading':
      return `### ${b.text}`;
    case 'table':
      return table(b);
    case 'chart': {
      // The drawing as an embedded image (the file stays one file), then its figures as a table.
      const image = Buffer.from(chartSvg(b.chart, b.alt), 'utf8').toString('base64');
      return [`**${b.caption}**`, '', `![${b.alt}](data:image/svg+xml;base64,${image})`, '', table(b.table)].join('\n');
    }
    case 'matrix':
      return [
        `**${b.caption}**`,
        '',
        `| ${b.rowLabel} \\\\ ${b.columnLabel} | 1 | 2 | 3 | 4 | 5 |`,
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...[4, 3, 2, 1, 0].map((i) => `| ${i + 1} | ${b.cells[i]!.join(' | ')} |`),
      ].join('\n');
  }
}

const section = (s: Section) => [`## ${headingOf(s)}`, ...s.blocks.map(block)].join('\n\n');

/** The report-back as Markdown (GitHub tables; charts as embedded SVG images, each with its table). */
export function renderMarkdown(report: ReportBack): string {
  const head = [
    `# ${report.title}`,
    '',
    frontMatterLines(report)
      .map(([label, value]) => `${label}: ${value}`)
      .join('  \n'),
    ...(report.frontMatter.draft ? ['', `*${DRAFT_NOTE}*`] : []),
  ].join('\n');
  const outline = outlineOf(report);
  const contents = [
    `## ${CONTENTS_TITLE}`,
    '',
    ...outline.filter((s) => s.number <= 15).map((s) => headingOf(s)),
    '',
    ...outline.filter((s) => s.number > 15).map((s) => `- ${headingOf(s)}`),
  ].join('\n');
  return `${[head, contents, ...outline.map(section)].join('\n\n')}\n`;
}
