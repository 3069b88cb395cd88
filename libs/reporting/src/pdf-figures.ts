import { SERIES_COLOURS, chartGeometry } from './charts.js';
import type { Block } from './model.js';
import { BODY, BOLD, MARGIN, type TaggedPdf } from './pdf-writer.js';

type Parent = PDFKit.PDFStructureElement;
const CHART_HEIGHT = 160;
const CELL = 28;

/** A line chart as vector paths, tagged as one figure whose alternative text says what it shows. */
export function drawChart(pdf: TaggedPdf, parent: Parent, b: Extract<Block, { kind: 'chart' }>): void {
  const { doc, width } = pdf;
  doc.font(BOLD).fontSize(9);
  pdf.ensure(CHART_HEIGHT + doc.heightOfString(b.caption, { width }) + 20);
  pdf.tagged('P', parent, () => doc.font(BOLD).fontSize(9).text(b.caption, MARGIN, doc.y, { width }));
  const top = doc.y + 4;
  const g = chartGeometry(b.chart, width, CHART_HEIGHT);
  pdf.tagged(
    'Figure',
    parent,
    () => {
      doc.font(BODY).fontSize(7);
      for (const line of g.gridlines) {
        doc.moveTo(MARGIN + g.padding.left, top + line.y).lineTo(MARGIN + width - g.padding.right, top + line.y).strokeColor('#dddddd').lineWidth(0.5).stroke();
        doc.fillColor('#000000').text(String(line.value), MARGIN, top + line.y - 3, { width: g.padding.left - 6, align: 'right', lineBreak: false });
      }
      for (const label of g.labels) doc.text(label.text, MARGIN + label.x - 20, top + CHART_HEIGHT - 14, { width: 40, align: 'center', lineBreak: false });
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
    },
    { alt: b.alt, bbox: [MARGIN, top, MARGIN + width, top + CHART_HEIGHT] },
  );
  doc.x = MARGIN;
  doc.y = top + CHART_HEIGHT + 8;
}

/** The 5×5 risk matrix as coloured cells, tagged as a figure whose alternative text lists every count. */
export function drawMatrix(pdf: TaggedPdf, parent: Parent, b: Extract<Block, { kind: 'matrix' }>): void {
  const { doc, width } = pdf;
  pdf.ensure(CELL * 6 + 40);
  pdf.tagged('P', parent, () => {
    doc.font(BOLD).fontSize(9).text(b.caption, MARGIN, doc.y, { width });
    doc.font(BODY).fontSize(8).text(`${b.rowLabel} (rader) × ${b.columnLabel} (kolumner)`, MARGIN, doc.y, { width });
  });
  const top = doc.y + 4;
  const colours = ['#e8f5e9', '#fff9c4', '#ffe0b2', '#ffcdd2', '#ffcdd2'];
  const alt = `${b.caption}. ${[4, 3, 2, 1, 0].map((i) => `${b.rowLabel} ${i + 1}: ${b.cells[i]!.map((n, j) => `${b.columnLabel.toLowerCase()} ${j + 1} ${n}`).join(', ')}`).join('. ')}.`;
  pdf.tagged(
    'Figure',
    parent,
    () => {
      doc.font(BODY).fontSize(8);
      [4, 3, 2, 1, 0].forEach((i, rowIndex) => {
        doc.fillColor('#000000').text(String(i + 1), MARGIN, top + rowIndex * CELL + 10, { width: 20, align: 'center', lineBreak: false });
        b.cells[i]!.forEach((n, j) => {
          const x = MARGIN + 24 + j * CELL;
          const y = top + rowIndex * CELL;
          doc.rect(x, y, CELL, CELL).fillAndStroke(colours[Math.min(4, Math.floor(((i + 1) * (j + 1)) / 5))]!, '#999999');
          doc.fillColor('#000000').text(String(n), x, y + 10, { width: CELL, align: 'center', lineBreak: false });
        });
      });
      [1, 2, 3, 4, 5].forEach((c, j) => doc.text(String(c), MARGIN + 24 + j * CELL, top + 5 * CELL + 4, { width: CELL, align: 'center', lineBreak: false }));
    },
    { alt, bbox: [MARGIN, top, MARGIN + 24 + 5 * CELL, top + 6 * CELL] },
  );
  doc.x = MARGIN;
  doc.y = top + 6 * CELL + 6;
}
