import type { Block, ReportBack, Section } from './model.js';
import { CONTENTS_TITLE, DRAFT_NOTE, frontMatterLines, headingOf, outlineOf } from './outline.js';
import { drawChart, drawMatrix } from './pdf-figures.js';
import { drawTable } from './pdf-table.js';
import { BODY, BOLD, ITALIC, MARGIN, TaggedPdf } from './pdf-writer.js';

type Parent = PDFKit.PDFStructureElement;

function block(pdf: TaggedPdf, parent: Parent, b: Block): void {
  const { doc, width } = pdf;
  switch (b.kind) {
    case 'paragraph':
      pdf.tagged('P', parent, () => doc.font(BODY).fontSize(10).text(b.text, MARGIN, doc.y, { width, align: 'left' }));
      doc.moveDown(0.5);
      return;
    case 'placeholder':
      pdf.tagged('P', parent, () => doc.font(ITALIC).fontSize(10).fillColor('#555555').text(b.text, MARGIN, doc.y, { width }).fillColor('#000000'));
      doc.moveDown(0.5);
      return;
    case 'heading':
      pdf.ensure(60);
      pdf.tagged('H3', parent, () => doc.font(BOLD).fontSize(11).text(b.text, MARGIN, doc.y, { width }));
      doc.moveDown(0.3);
      return;
    case 'table':
      drawTable(pdf, parent, b);
      return;
    case 'chart':
      drawChart(pdf, parent, b);
      drawTable(pdf, parent, { ...b.table, caption: `${b.caption}: värden` });
      return;
    case 'matrix':
      drawMatrix(pdf, parent, b);
      return;
  }
}

/** The title, the front matter in the seed's order, and the contents with each section's page. */
function frontPage(pdf: TaggedPdf, report: ReportBack, pages: ReadonlyMap<number, number> | undefined): void {
  const { doc, width } = pdf;
  pdf.tagged('H1', pdf.root, () => doc.font(BOLD).fontSize(16).text(report.title, MARGIN, doc.y, { width }));
  doc.moveDown(1);
  for (const [label, value] of frontMatterLines(report)) {
    pdf.tagged('P', pdf.root, () => doc.font(BOLD).fontSize(10).text(`${label}: `, MARGIN, doc.y, { width, continued: true }).font(BODY).text(value));
    doc.moveDown(0.3);
  }
  if (report.frontMatter.draft) pdf.tagged('P', pdf.root, () => doc.font(ITALIC).fontSize(9).fillColor('#555555').text(DRAFT_NOTE, MARGIN, doc.y, { width }).fillColor('#000000'));
  doc.moveDown(1.5);
  pdf.tagged('H2', pdf.root, () => doc.font(BOLD).fontSize(14).text(CONTENTS_TITLE, MARGIN, doc.y, { width }));
  doc.moveDown(0.4);
  const contents = pdf.group('TOC');
  for (const s of outlineOf(report)) {
    const y = doc.y;
    pdf.tagged('TOCI', contents, () => {
      doc.font(BODY).fontSize(10).text(headingOf(s), MARGIN, y, { width: width - 40, lineBreak: false });
      // The first pass lays the document out to learn the pages; both passes print a number of the same width.
      doc.text(String(pages?.get(s.number) ?? 0), MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = y + 16;
  }
  contents.end();
}

function layout(report: ReportBack, pages?: ReadonlyMap<number, number>): { pdf: TaggedPdf; pages: Map<number, number> } {
  const pdf = new TaggedPdf({
    title: report.title,
    author: `Länsstyrelsen i ${report.county.name}`,
    subject: `Återrapportering ${report.from} – ${report.to}`,
    created: new Date(report.asOf),
  });
  const { doc, width } = pdf;
  const started = new Map<number, number>();
  frontPage(pdf, report, pages);
  const section = (s: Section, newPage: boolean) => {
    if (newPage) doc.addPage();
    else pdf.ensure(80);
    doc.moveDown(0.8);
    started.set(s.number, pdf.page);
    doc.outline.addItem(headingOf(s));
    const element = pdf.group('Sect');
    pdf.tagged('H2', element, () => doc.font(BOLD).fontSize(14).text(headingOf(s), MARGIN, doc.y, { width }));
    doc.moveDown(0.4);
    for (const b of s.blocks) block(pdf, element, b);
    element.end();
  };
  report.sections.forEach((s, i) => section(s, i === 0));
  for (const appendix of report.appendices) section(appendix, true);
  return { pdf, pages: started };
}

/**
 * The report-back as an archivable, accessible PDF (PDF/A-2a, tagged, DejaVu Sans embedded).
 * Laid out twice: the first pass learns on which page each section begins, for the contents.
 * Deterministic: the document's date is the report's `asOf` and pdfkit derives the file id
 * from it, so the same report gives the same bytes.
 */
export async function renderPdf(report: ReportBack): Promise<Buffer> {
  const { pages } = layout(report);
  const { pdf } = layout(report, pages);
  pdf.numberPages();
  return pdf.finish();
}
