import type { Period } from '@lagesbild/domain';

/** A table cell: text or a number (rendered the Swedish way). */
export type Cell = string | number;

/** The events behind a figure: an auditor follows these ids into the log. */
export interface Lineage {
  eventIds: string[];
}

export interface Table {
  caption?: string;
  columns: string[];
  rows: Array<{ cells: Cell[] } & Partial<Lineage>>;
}

export type Block =
  | ({ kind: 'paragraph'; text: string } & Partial<Lineage>)
  | { kind: 'placeholder'; text: string }
  | { kind: 'heading'; text: string }
  | ({ kind: 'table' } & Table)
  /** A chart is always followed by its figures as a table, for readers who cannot see it. */
  | ({ kind: 'chart'; caption: string; alt: string; chart: LineChart; table: Table } & Partial<Lineage>)
  | ({ kind: 'matrix'; caption: string; rowLabel: string; columnLabel: string; cells: number[][] } & Partial<Lineage>);

/** A line chart over months: one series per line, values on a fixed 0–`max` scale with a gridline every `step`. */
export interface LineChart {
  periods: Period[];
  max: number;
  step?: number;
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
export const RENDERER_VERSION = 2;

/** The head of the document as in the county board's own report: who sends what, when. */
export interface FrontMatter {
  /** The registry number (from the issue; a placeholder in a draft). */
  reference: string;
  /** The document's name (the title; a placeholder in a draft). */
  documentName: string;
  /** The as-of day, the Swedish way: `27 februari 2018`. */
  date: string;
  /** Who issues it (a placeholder in a draft). */
  issuer: string;
  /** Not issued: generated to look at, with placeholders where an issue fills in. */
  draft: boolean;
}

/** Everything a report-back says, in order; every renderer draws exactly this. */
export interface ReportBack {
  rendererVersion: number;
  title: string;
  frontMatter: FrontMatter;
  county: { code: string; name: string };
  from: Period;
  to: Period;
  /** The moment the report-back reflects, and its log position. */
  asOf: string;
  position: string;
  templateVersion: number;
  sections: Section[];
  /** After the numbered sections: the charts and tables, then what the document rests on. */
  appendices: Section[];
}

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};
