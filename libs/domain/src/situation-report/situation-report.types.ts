import type { FieldProblem } from '../shared/domain-error.js';
import type { Period } from '../shared/period.js';
import type { TemplateDefinition, Trend } from '../template/template.types.js';

export type AnswerValue = number | boolean | string;

export interface Answer {
  item: string;
  value: AnswerValue;
  trend?: Trend;
  comment?: string;
  sources?: string[];
}

export interface SupportNeed {
  needed: boolean;
  description?: string;
}

// ---- commands (what the caller resolved is passed in: the clock, the template, the locks) ----

export interface SubmitSituationReport {
  type: 'SubmitSituationReport';
  orgUnit: string;
  period: Period;
  template: TemplateDefinition;
  answers: Answer[];
  sources: string[];
  summary?: string;
  supportNeeded?: SupportNeed;
  /** Now, as the caller's clock says. */
  submittedAt: string;
  /** When this period's report is due (the county's deadline day). */
  deadline: string;
  /** The county has approved this period: its reports are locked. */
  periodApproved: boolean;
}

export interface AmendSituationReport {
  type: 'AmendSituationReport';
  /** The template version the report answered (the caller loads it by the state's version). */
  template: TemplateDefinition;
  answers: Answer[];
  reason: string;
  periodApproved: boolean;
}

export type SituationReportCommand = SubmitSituationReport | AmendSituationReport;

// ---- events ----

export interface SituationReportSubmitted {
  type: 'SituationReportSubmitted';
  data: {
    orgUnit: string;
    period: Period;
    templateVersion: number;
    answers: Answer[];
    sources: string[];
    summary?: string;
    supportNeeded?: SupportNeed;
    deadline: string;
    late: boolean;
  };
}

export interface SituationReportAmended {
  type: 'SituationReportAmended';
  data: { orgUnit: string; period: Period; answers: Answer[]; reason: string };
}

export type SituationReportEvent = SituationReportSubmitted | SituationReportAmended;

// ---- state ----

export type SituationReportState =
  | { status: 'none' }
  | {
      status: 'submitted';
      orgUnit: string;
      period: Period;
      templateVersion: number;
      answers: Map<string, Answer>;
      amendments: number;
    };

export type { FieldProblem };
