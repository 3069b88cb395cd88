import PDFDocument from 'pdfkit';
import { SERIES_COLOURS, chartGeometry } from './charts.js';
import { swedishNumber } from './labels.js';
import type { Block, Cell, ReportBack, Section } from './model.js';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

const text = (value: Cell) => (typeof value === 'number' ? swedishNumber(value) : value);

/**
 * The report-back as PDF (PDFKit, its built-in Helvetica: Swedish letters are in its
 * encoding). Deterministic: the document's dates are the report's `asOf`, and PDFKit derives
 * the file id from them, so the same report gives the same bytes.
 */
export function renderPdf(report: ReportBack): Promise<Buffer> {
  const asOf = new Date(report.asOf);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: false,
    info: { Title: report.title, Author: `Länsstyrelsen, ${report.county.name}`, Subject: `Återrapportering ${report.from} – ${report.to}`, Producer: 'Lägesbild', Creator: 'Lägesbild', CreationDate: asOf, ModDate: asOf },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font(BOLD).fontSize(18).text(report.title, { width });
  doc.moveDown(0.5).font(FONT).fontSize(10);
  doc.text(`Länsstyrelsen: ${report.county.name} (${report.county.code})`);
  if (report.reference) doc.text(`Diarienummer: ${report.reference}`);
  doc.text(`Period: ${report.from} – ${report.to}`);
  doc.text(`Underlag per: ${report.asOf} (loggposition ${report.position}), mallversion ${report.templateVersion}`);

  const table = (b: Extract<Block, { kind: 'table' }>) => {
    doc.fontSize(8);
    // Column widths by the longest text in each column (bounded), scaled to the page.
    const longest = b.columns.map((c, i) => Math.min(60, Math.max(c.length, ...b.rows.map((r) => text(r.cells[i] ?? '').length)) + 2));
    const total = longest.reduce((s, n) => s + n, 0);
    const widths = longest.map((n) => (n / total) * width);
    const row = (cells: string[], font: string) => {
      doc.font(font);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
      ensure(height);
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y + 2, { width: widths[i]! - 4, lineBreak: true });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).strokeColor('#cccccc').lineWidth(0.5).stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    if (b.caption) {
      ensure(30);
      doc.font(BOLD).fontSize(9).text(b.caption, MARGIN, doc.y, { width });
      doc.fontSize(8);
    }
    row(b.columns, BOLD);
    for (const r of b.rows) row(r.cells.map(text), FONT);
    doc.moveDown(0.5);
  };

  const chart = (b: Extract<Block, { kind: 'chart' }>) => {
    const height = 160;
    ensure(height + 30);
    doc.font(BOLD).fontSize(9).text(b.caption, MARGIN, doc.y, { width });
    const top = doc.y + 4;
    const g = chartGeometry(b.chart, width, height);
    doc.font(FONT).fontSize(7);
    for (const line of g.gridlines) {
      doc.moveTo(MARGIN + g.padding.left, top + line.y).lineTo(MARGIN + width - g.padding.right, top + line.y).strokeColor('#dddddd').lineWidth(0.5).stroke();
      doc.fillColor('#000000').text(String(line.value), MARGIN, top + line.y - 3, { width: g.padding.left - 6, align: 'right', lineBreak: false });
    }
    for (const label of g.labels) doc.text(label.text, MARGIN + label.x - 20, top + height - 14, { width: 40, align: 'center', lineBreak: false });
    g.lines.forEach((line, i) => {
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
      for (const run of line.runs) {
        const [first, ...rest] = run;
        if (!first) continue;
        doc.moveTo(MARGIN + first[0], top + first[1]);
        for (const [x, y] of rest) doc.lineTo(MARGIN + x, top + y);
        if (rest.length === 0) doc.circle(MARGIN + first[0], top + first[1], 1.5).fillColor(colour).fill();
        else doc.strokeColor(colour).lineWidth(1.5).stroke();
      }
      doc.fillColor(colour).text(line.label, MARGIN + width - 70, top + 2 + i * 10, { width: 70, lineBreak: false });
    });
    doc.fillColor('#000000');
    doc.x = MARGIN;
    doc.y = top + height + 8;
  };

  const matrix = (b: Extract<Block, { kind: 'matrix' }>) => {
    const size = 28;
    ensure(size * 6 + 30);
    doc.font(BOLD).fontSize(9).text(b.caption, MARGIN, doc.y, { width });
    doc.font(FONT).fontSize(8).text(`${b.rowLabel} (rader) × ${b.columnLabel} (kolumner)`, MARGIN, doc.y, { width });
    const top = doc.y + 4;
    const colours = ['#e8f5e9', '#fff9c4', '#ffe0b2', '#ffcdd2', '#ffcdd2'];
    [4, 3, 2, 1, 0].forEach((i, rowIndex) => {
      doc.fillColor('#000000').text(String(i + 1), MARGIN, top + rowIndex * size + 10, { width: 20, align: 'center', lineBreak: false });
      b.cells[i]!.forEach((n, j) => {
        const x = MARGIN + 24 + j * size;
        const y = top + rowIndex * size;
        doc.rect(x, y, size, size).fillAndStroke(colours[Math.min(4, Math.floor(((i + 1) * (j + 1)) / 5))]!, '#999999');
        doc.fillColor('#000000').text(String(n), x, y + 10, { width: size, align: 'center', lineBreak: false });
      });
    });
    [1, 2, 3, 4, 5].forEach((c, j) => doc.text(String(c), MARGIN + 24 + j * size, top + 5 * size + 4, { width: size, align: 'center', lineBreak: false }));
    doc.x = MARGIN;
    doc.y = top + 6 * size + 6;
  };

  const block = (b: Block) => {
    switch (b.kind) {
      case 'paragraph':
        doc.font(FONT).fontSize(10).text(b.text, MARGIN, doc.y, { width, align: 'left' }).moveDown(0.5);
        return;
      case 'placeholder':
        doc.font(ITALIC).fontSize(10).fillColor('#666666').text(b.text, MARGIN, doc.y, { width }).fillColor('#000000').moveDown(0.5);
        return;
      case 'heading':
        ensure(40);
        doc.font(BOLD).fontSize(11).text(b.text, MARGIN, doc.y, { width }).moveDown(0.3);
        return;
      case 'table':
        table(b);
        return;
      case 'chart':
        chart(b);
        return;
      case 'matrix':
        matrix(b);
        return;
    }
  };

  const section = (s: Section) => {
    ensure(60);
    doc.moveDown(0.8).font(BOLD).fontSize(14).text(`${s.number <= 15 ? `${s.number}. ` : ''}${s.title}`, MARGIN, doc.y, { width }).moveDown(0.4);
    s.blocks.forEach(block);
  };
  report.sections.forEach(section);
  doc.addPage();
  section(report.appendix);
  doc.end();
  return done;
}
