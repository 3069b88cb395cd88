import { swedishNumber } from './labels.js';
import type { Cell, Table } from './model.js';
import { BODY, BOLD, MARGIN, type TaggedPdf } from './pdf-writer.js';

const text = (value: Cell) => (typeof value === 'number' ? swedishNumber(value) : value);

/**
 * Column widths from the text they hold: a column whose longest entry (or longest word of its
 * header) fits its share keeps its natural width, so a date or a short number never wraps; the
 * wide columns share what is left in proportion to their natural widths.
 */
function columnWidths(pdf: TaggedPdf, t: Table): number[] {
  const { doc, width } = pdf;
  const measure = (value: string, font: string) => doc.font(font).fontSize(8).widthOfString(value) + 6;
  const natural = t.columns.map((c, i) =>
    Math.max(...c.split(/\s+/).map((word) => measure(word, BOLD)), measure(c, BOLD) / 2, ...t.rows.map((r) => measure(text(r.cells[i] ?? ''), BODY))),
  );
  const fair = width / t.columns.length;
  const narrow = natural.map((n) => n <= fair);
  const fixed = natural.reduce((s, n, i) => s + (narrow[i] ? n : 0), 0);
  const wide = natural.reduce((s, n, i) => s + (narrow[i] ? 0 : n), 0);
  if (wide === 0) return natural.map((n) => (n / fixed) * width);
  return natural.map((n, i) => (narrow[i] ? n : (n / wide) * (width - fixed)));
}

/**
 * A table drawn row by row and tagged as one: a caption, a header row of column headers, then
 * rows whose first cell heads the row. A row never splits across pages; on a new page the
 * column headers are drawn again for the eye (as an artifact: the structure has them once).
 */
export function drawTable(pdf: TaggedPdf, parent: PDFKit.PDFStructureElement, t: Table): void {
  const { doc, width } = pdf;
  const widths = columnWidths(pdf, t);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(8);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
  };
  const drawCells = (cells: string[], font: string, y: number, tag?: (i: number) => { type: string; scope?: 'Column' | 'Row' }, row?: PDFKit.PDFStructureElement) => {
    let x = MARGIN;
    cells.forEach((c, i) => {
      const align = numeric[i] ? 'right' : 'left';
      const draw = () => doc.font(font).fontSize(8).text(c, x + 2, y + 2, { width: widths[i]! - 4, lineBreak: true, align });
      if (tag && row) {
        const { type, scope } = tag(i);
        pdf.tagged(type, row, draw, scope ? { scope } : {});
      } else draw();
      x += widths[i]!;
    });
  };
  const rule = (y: number) => pdf.artifact(() => doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).strokeColor('#cccccc').lineWidth(0.5).stroke());
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r.cells[i] === 'number'));
  const headerHeight = heightOf(t.columns, BOLD);

  const element = pdf.group('Table', parent);
  if (t.caption) {
    const caption = t.caption;
    doc.font(BOLD).fontSize(9);
    pdf.ensure(doc.heightOfString(caption, { width }) + headerHeight + 20);
    pdf.tagged('Caption', element, () => doc.font(BOLD).fontSize(9).text(caption, MARGIN, doc.y, { width }));
  } else pdf.ensure(headerHeight + 20);
  const head = pdf.group('THead', element);
  const headRow = pdf.group('TR', head);
  let y = doc.y;
  drawCells(t.columns, BOLD, y, () => ({ type: 'TH', scope: 'Column' }), headRow);
  headRow.end();
  head.end();
  rule(y + headerHeight);
  y += headerHeight;

  const body = pdf.group('TBody', element);
  for (const r of t.rows) {
    const cells = r.cells.map(text);
    const height = heightOf(cells, BODY);
    doc.y = y;
    if (y + height > doc.page.height - MARGIN) {
      doc.addPage();
      y = doc.y;
      pdf.artifact(() => drawCells(t.columns, BOLD, y));
      rule(y + headerHeight);
      y += headerHeight;
    }
    const row = pdf.group('TR', body);
    drawCells(cells, BODY, y, (i) => (i === 0 ? { type: 'TH', scope: 'Row' } : { type: 'TD' }), row);
    row.end();
    rule(y + height);
    y += height;
  }
  body.end();
  element.end();
  doc.x = MARGIN;
  doc.y = y;
  doc.moveDown(0.5);
}
