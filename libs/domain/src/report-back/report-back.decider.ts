import type { Decider } from '../shared/decider.js';
import { ConflictError } from '../shared/domain-errors.js';
import { isPeriod } from '../shared/period.js';
import { Problems } from '../shared/rules.js';

/** An issued report-back: what was sent to the government, and how to regenerate it exactly. */
export const reportBackStreamId = (reportBackId: string) => `report-back-${reportBackId}`;

export const REPORT_BACK_FORMATS = ['md', 'html', 'pdf', 'json'] as const;
export type ReportBackFormat = (typeof REPORT_BACK_FORMATS)[number];

export interface IssueReportBack {
  type: 'IssueReportBack';
  reportBackId: string;
  county: string;
  from: string;
  to: string;
  title: string;
  reference: string;
  /** The moment the document reflects: its time and log position. */
  asOf: string;
  asOfPosition: string;
  /** The version of the layout and renderers that made the documents. */
  rendererVersion: number;
  /** The SHA-256 of the document in each format, as generated when issued. */
  sha256: Record<ReportBackFormat, string>;
}

export type ReportBackEvent = { type: 'ReportBackIssued'; data: Omit<IssueReportBack, 'type'> };

export const reportBackDecider: Decider<IssueReportBack, ReportBackEvent, { issued: boolean }> = {
  initialState: () => ({ issued: false }),
  evolve: () => ({ issued: true }),
  decide: (c, state) => {
    if (state.issued) throw new ConflictError('report-back-issued', 'This report-back is already issued; issue a new one instead.');
    const p = new Problems()
      .check(isPeriod(c.from), 'from', 'must be a month, YYYY-MM')
      .check(isPeriod(c.to), 'to', 'must be a month, YYYY-MM')
      .text(c.title, 'title', 300)
      .text(c.reference, 'reference', 200);
    if (isPeriod(c.from) && isPeriod(c.to)) p.check(c.from <= c.to, 'from', 'must not be after to');
    for (const format of REPORT_BACK_FORMATS) p.check(/^[0-9a-f]{64}$/.test(c.sha256[format] ?? ''), `sha256.${format}`, 'must be a SHA-256 in hex');
    p.throwIfAny('The report-back is not well formed');
    const { type: _type, ...data } = c;
    return [{ type: 'ReportBackIssued', data: { ...data, title: c.title.trim(), reference: c.reference.trim() } }];
  },
};
