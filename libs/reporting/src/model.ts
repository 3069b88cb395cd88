import type { Period } from '@lagesbild/domain';

/** A table cell: text or a number (rendered the Swedish way). */
export type Cell = string | number;

/** The events behind a figure: an auditor follows these ids into the log. */
export interface Lineage {
  eventIds: string[];
}

export type Block =
  | ({ kind: 'paragraph'; text: string } & Partial<Lineage>)
  | { kind: 'placeholder'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; caption?: string; columns: string[]; rows: Array<{ cells: Cell[] } & Partial<Lineage>> }
  | ({ kind: 'chart'; caption: string; chart: LineChart } & Partial<Lineage>)
  | { kind: 'matrix'; caption: string; rowLabel: string; columnLabel: string; cells: number[][] } & Partial<Lineage>;

/** A line chart over months: one series per line, values on a fixed 0–`max` scale. */
export interface LineChart {
  periods: Period[];
  max: number;
  series: Array<{ label: string; values: Array<number | null> }>;
}

export interface Section {
  number: number;
  title: string;
  blocks: Block[];
}

/**
 * The version of the report's layout and renderers. An issued report-back records it; a
 * change that alters any format's bytes bumps it, so a document issued under another version
 * is never silently regenerated differently.
 */
export const RENDERER_VERSION = 1;

/** Everything a report-back says, in order; every renderer draws exactly this. */
export interface ReportBack {
  rendererVersion: number;
  title: string;
  reference?: string;
  county: { code: string; name: string };
  from: Period;
  to: Period;
  /** The moment the report-back reflects, and its log position. */
  asOf: string;
  position: string;
  templateVersion: number;
  sections: Section[];
  appendix: Section;
}

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'pdf', 'json'];
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};
