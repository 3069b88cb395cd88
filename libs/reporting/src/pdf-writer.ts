import PDFDocument from 'pdfkit';
import { BODY, BOLD, ITALIC, reportFonts } from './pdf-fonts.js';

export const MARGIN = 50;

type Element = PDFKit.PDFStructureElement;
/** Structure attributes pdfkit understands beyond its typings: a table header's scope, a figure's box. */
type ElementOptions = { alt?: string; scope?: 'Column' | 'Row'; bbox?: [number, number, number, number] };

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** The report's as-of: the document's date, so the same report gives the same bytes. */
  created: Date;
}

/**
 * A PDF that is archivable and accessible: PDF/A-2a with XMP metadata, Swedish as its language,
 * the title shown in the window, fonts embedded, and every piece of content either in the
 * structure tree (headings, paragraphs, tables, figures) or marked as an artifact (rules,
 * page numbers), so a screen reader reads it in order and skips the decoration.
 */
export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly width: number;
  readonly root: Element;

  constructor(info: DocumentInfo) {
    const fonts = reportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      pdfVersion: '1.7',
      subset: 'PDF/A-2a',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Producer: 'Lägesbild', Creator: 'Lägesbild', CreationDate: info.created },
    });
    this.doc.registerFont(BODY, fonts.body);
    this.doc.registerFont(BOLD, fonts.bold);
    this.doc.registerFont(ITALIC, fonts.italic);
    this.doc.font(BODY);
    this.width = this.doc.page.width - 2 * MARGIN;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** The 1-based number of the page being written. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** A new page when less than `height` is left on this one (never inside tagged content). */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  /** A structure element under `parent`, to add children to; end it when they are all added. */
  group(type: string, parent: Element = this.root, options: ElementOptions = {}): Element {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** Draws content as one tagged element under `parent`. */
  tagged(type: string, parent: Element, draw: () => void, options: ElementOptions = {}): void {
    const element = this.group(type, parent, options);
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
    element.end();
  }

  /** Draws decoration that carries no content (rules, repeated headers, page numbers). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Prints "Sida n av m" at the foot of every page, once all pages are laid out. */
  numberPages(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      // Below the text area: with no bottom margin for a moment, the footer never flows onto a new page.
      this.doc.page.margins.bottom = 0;
      this.artifact(() => {
        this.doc.font(BODY).fontSize(8).fillColor('#444444').text(`Sida ${i + 1} av ${count}`, MARGIN, this.doc.page.height - MARGIN + 18, { width: this.width, align: 'right', lineBreak: false });
      }, 'Pagination');
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.fillColor('#000000');
  }

  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root.end();
    this.doc.end();
    return done;
  }
}

export { BODY, BOLD, ITALIC };
