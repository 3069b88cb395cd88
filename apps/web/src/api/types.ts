/** The shapes of the api's answers that the web app reads (API.md; checked against the running api). */

// Where an answer carries the domain's own types, they are the domain's (type-only: nothing of
// the library reaches the bundle).
import type { Answer, AnswerValue, TemplateDefinition, TemplateItem, Trend } from '@lagesbild/domain';

export type Role = 'municipal_reporter' | 'county_analyst' | 'support_worker' | 'national_reader' | 'auditor' | 'admin';

export interface Principal {
  id: string;
  name: string;
  roles: Role[];
  org: string;
}

export interface Meta {
  asOf: string;
  position: string;
}

export type { Answer, AnswerValue, TemplateItem, Trend };
export type Template = TemplateDefinition;

export interface ReportRevision {
  revision: number;
  position: string;
  recordedAt: string;
  type: 'submitted' | 'amended';
  by: { id: string; name: string };
  reason?: string;
  answers: Answer[];
}

export interface SituationReport {
  orgUnit: string;
  period: string;
  templateVersion: number;
  submittedAt: string;
  deadline: string;
  late: boolean;
  sources: string[];
  summary?: string;
  supportNeeded?: { needed: boolean; description?: string };
  answers: Answer[];
  revision: number;
  revisions: ReportRevision[];
  meta: Meta;
}

export interface CommandAnswer {
  id: string;
  revision: number;
  position: string;
}

export interface OrgUnit {
  code: string;
  name: string;
  kind: 'nation' | 'county' | 'municipality' | 'district';
  parent?: string;
  children?: string[];
}

export interface LevelDistribution {
  area: string;
  label: string;
  item: string;
  distribution: number[];
}

export interface Assessment {
  county: string;
  period: string;
  areas: Array<{ area: string; level: number; text: string }>;
  trends: string;
  feedback: Array<{ orgUnit: string; message: string }>;
  recordedAt: string;
  revision: number;
}

export interface CountySituation {
  orgUnit: string;
  name: string;
  kind: 'county';
  period: string;
  approved: boolean;
  approval?: { approved: boolean; note?: string; reason?: string; changedAt: string; changedBy: string };
  completeness: { expected: number; reported: string[]; missing: string[]; late: string[] };
  levels: LevelDistribution[];
  rising: Array<{ orgUnit: string; item: string }>;
  assessment?: Assessment | null;
  meta: Meta;
}

export interface NationalSituation {
  orgUnit: 'SE';
  period: string;
  counties: Array<{ county: string; name: string; approved: boolean; reported: number; expected: number; late: number; levels: LevelDistribution[] }>;
  meta: Meta;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  trend?: Trend;
  mean?: number;
  max?: number;
  reported?: number;
  expected?: number;
  children?: Array<{ orgUnit: string; value: number | null; trend?: Trend }>;
}

export interface TrendSeries {
  orgUnit: string;
  name: string;
  item: string;
  area?: string;
  from: string;
  to: string;
  series: TrendPoint[];
  meta: Meta;
}

export interface Risk {
  riskId: string;
  orgUnit: string;
  area: string;
  title: string;
  description: string;
  likelihood: number;
  consequence: number;
  status: 'open' | 'closed';
  identifiedAt: string;
  history: Array<{ at: string; likelihood: number; consequence: number; rationale: string }>;
}

export interface Action {
  actionId: string;
  orgUnit: string;
  riskIds: string[];
  title: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  decision?: { decision: string; rationale: string; at: string; by: string };
}

export interface RiskMatrix {
  orgUnit: string;
  cells: number[][];
  open: number;
  meta: Meta;
}

export interface Activity {
  activityId: string;
  kind: string;
  date: string;
  title: string;
  orgUnits: string[];
  partners: string[];
  participants?: number;
}

export interface Goal {
  goalId: string;
  orgUnit: string;
  kind: string;
  number?: string;
  text: string;
  statusHistory: Array<{ status: string; narrative: string; at: string }>;
}

export interface TimeSummary {
  orgUnit: string;
  total: number;
  entries: number;
  byKind: Record<string, number>;
  byMonth: Record<string, Record<string, number>>;
}

export interface SupportCase {
  id: string;
  orgUnit: string;
  county: string;
  category: string;
  requestedSupport: string;
  openedOn: string;
  status: 'open' | 'closed';
  consultations: Array<{ date: string; summary: string }>;
  referrals: Array<{ to: string; note: string; referredOn: string }>;
  outcome?: string;
  subject: null | { name: string; personalIdentityNumber?: string; notes?: string } | { erased: true; erasedAt?: string; legalBasis?: string } | { withheld: true };
  revision: number;
}

export interface AuditEntry {
  position: string;
  recordedAt: string;
  streamId: string;
  type: string;
  orgUnit?: string;
  actor?: { id: string; name: string; roles?: string[]; org?: string };
  reason?: string;
  data: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  next?: string;
  meta: Meta;
}

export interface Listing<T> {
  items: T[];
  meta?: Meta;
}

/** What the county's assessment of a period said to one municipality. */
export interface Feedback {
  message: string;
  /** The county's name. */
  from: string;
  at: string;
}

/** The county's picture of a period as one municipality sees it: counts only, no other municipality named. */
export interface CountyPicture {
  county: string;
  name: string;
  completeness: { expected: number; reported: number; missing: number; late: number };
  levelDistribution: LevelDistribution[];
  risingTrends: Array<{ item: string; municipalities: number }>;
}

export interface MunicipalitySituation {
  orgUnit: string;
  name: string;
  kind: 'municipality' | 'district';
  period: string;
  reported: boolean;
  late?: boolean;
  submittedAt?: string;
  feedback: Feedback[];
  county?: CountyPicture;
  districts?: { units: Array<{ orgUnit: string; name: string; reported: boolean; late: boolean }>; reported: number; levels: LevelDistribution[] };
  meta: Meta;
}

export type SupportRequestStatus = 'open' | 'acknowledged' | 'resolved' | 'declined';

export interface SupportRequest {
  id: string;
  orgUnit: string;
  county: string;
  description: string;
  source: { report: { period: string } } | { direct: true };
  status: SupportRequestStatus;
  openedAt: string;
  acknowledgement?: { reply: string; at: string };
  resolution?: { outcome: string; supportCaseId?: string; activityId?: string; at: string };
  decline?: { reason: string; at: string };
}

/** A report in progress, with who saved each answer last. */
export interface ReportDraft {
  orgUnit: string;
  period: string;
  status: 'open' | 'closed';
  templateVersion: number;
  answers: Array<Answer & { savedAt: string; savedBy: { id: string; name: string } }>;
  sources?: string[];
  summary?: string;
  supportNeeded?: { needed: boolean; description?: string };
  saves: Array<{ at: string; by: { id: string; name: string }; position: string; items: string[] }>;
  revision: number;
  meta: Meta;
}

export interface Notification {
  id: string;
  kind: 'report-due' | 'report-missing' | 'feedback' | 'support-request' | 'support-request-answered' | 'follow-up' | 'period-reopened';
  orgUnit: string;
  period?: string;
  message: string;
  at: string;
  position: string;
}
