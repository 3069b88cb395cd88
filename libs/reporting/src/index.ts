import { createHash } from 'node:crypto';
import type { ReportBack, ReportFormat } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

export * from './model.js';
export * from './assemble.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml } from './render-html.js';
export { renderPdf } from './render-pdf.js';
export { SECTION_TITLES } from './labels.js';
export { type CitedSources } from './sources.figures.js';
export { citedSourcesFromLog, logDigestAt } from './log-lookups.js';
export { swedishDate, swedishDateTime } from './swedish-time.js';

/** The report-back in one format, as bytes: the same report gives the same bytes. */
export async function renderReportBack(report: ReportBack, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(report), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(report), 'utf8');
    case 'json':
      return Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
    case 'pdf':
      return renderPdf(report);
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
