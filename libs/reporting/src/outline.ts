import type { ReportBack, Section } from './model.js';

/** A section's heading as the contents and the body print it: numbered as in the seed, appendices by name. */
export const headingOf = (s: Section) => (s.number <= 15 ? `${s.number}. ${s.title}` : s.title);

/** An anchor for a section, stable across renderings. */
export const anchorOf = (s: Section) => `avsnitt-${s.number}`;

/** Every section the contents list, in order: the fifteen of the seed, then the appendices. */
export const outlineOf = (report: ReportBack): Section[] => [...report.sections, ...report.appendices];

/** The front matter as label and value, in the seed's order. */
export function frontMatterLines(report: ReportBack): Array<[string, string]> {
  const f = report.frontMatter;
  return [
    ['Diarienummer', f.reference],
    ['Dokumentnamn', f.documentName],
    ['Datum', f.date],
    ['Handläggare', f.issuer],
  ];
}

export const CONTENTS_TITLE = 'Innehåll';
export const DRAFT_NOTE = 'Utkast: ej utfärdat. Diarienummer, dokumentnamn och handläggare fylls i när återrapporteringen utfärdas.';
