import { swedishNumber } from './labels.js';
import type { Block, Cell, ReportBack, Section } from './model.js';

const cell = (value: Cell) => (typeof value === 'number' ? swedishNumber(value) : value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'placeholder':
      return `*${b.text}*`;
    case 'heading':
      return `### ${b.text}`;
    case 'table':
      return [
        ...(b.caption ? [`**${b.caption}**`, ''] : []),
        `| ${b.columns.map(cell).join(' | ')} |`,
        // Numbers right-aligned, text left.
        `| ${b.columns.map((_, i) => (b.rows.length > 0 && b.rows.every((r) => typeof r.cells[i] === 'number') ? '---:' : '---')).join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.cells.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      // Markdown has no drawing: the chart's values as a table.
      return [
        `**${b.caption}**`,
        '',
        `| Månad | ${b.chart.series.map((s) => s.label).join(' | ')} |`,
        `| --- | ${b.chart.series.map(() => '---:').join(' | ')} |`,
        ...b.chart.periods.map((p, i) => `| ${p} | ${b.chart.series.map((s) => (s.values[i] === null ? '–' : swedishNumber(s.values[i]!))).join(' | ')} |`),
      ].join('\n');
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

const section = (s: Section) => [`## ${s.number <= 15 ? `${s.number}. ` : ''}${s.title}`, ...s.blocks.map(block)].join('\n\n');

/** The report-back as Markdown (GitHub tables; charts as tables of their values). */
export function renderMarkdown(report: ReportBack): string {
  const head = [
    `# ${report.title}`,
    '',
    `Länsstyrelsen: ${report.county.name} (${report.county.code})  `,
    ...(report.reference ? [`Diarienummer: ${report.reference}  `] : []),
    `Period: ${report.from} – ${report.to}  `,
    `Underlag per: ${report.asOf} (loggposition ${report.position}), mallversion ${report.templateVersion}`,
  ].join('\n');
  return `${[head, ...report.sections.map(section), section(report.appendix)].join('\n\n')}\n`;
}
