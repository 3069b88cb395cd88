/**
 * The api's answers as the web app reads them: every one the api's own schema, from the
 * generated schema.d.ts (`npm run api:types`), so a change of the api shows here as a type error.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Principal = Schemas['DemoUserResponse'];
export type Role = Principal['roles'][number];
export type Meta = Schemas['AnswerMetaResponse'];
export type DemoToken = Schemas['DemoTokenResponse'];
export type DemoUserList = Schemas['DemoUserListResponse'];
export type SignInConfig = Schemas['SignInConfigResponse'];
export type CommandAnswer = Schemas['CommandAnswerResponse'];

export type Template = Schemas['TemplateResponse'];
export type TemplateItem = Schemas['TemplateItemResponse'];
export type Answer = Schemas['AnswerResponse'];
export type AnswerValue = Answer['value'];
export type Trend = NonNullable<Answer['trend']>;
export type ReportRevision = Schemas['ReportRevisionResponse'];
export type SituationReport = Schemas['SituationReportResponse'];
/** A report in progress, with who saved each answer last. */
export type ReportDraft = Schemas['DraftResponse'];

export type OrgUnit = Schemas['OrgUnitResponse'];
export type OrgUnitList = Schemas['OrgUnitListResponse'];
export type OrgUnitDetail = Schemas['OrgUnitDetailResponse'];
export type IssuedReportBack = Schemas['IssuedReportBackResponse'];

export type LevelDistribution = Schemas['LevelDistributionResponse'];
export type Assessment = Schemas['AssessmentResponse'];
export type CountySituation = Schemas['CountySituationResponse'];
export type NationalSituation = Schemas['NationalSituationResponse'];
/** The county's picture of a period as one municipality sees it: counts only, no other municipality named. */
export type CountyPicture = Schemas['CountyPictureResponse'];
export type MunicipalitySituation = Schemas['MunicipalSituationResponse'];
export type TrendSeries = Schemas['TrendsResponse'];
export type TrendPoint = TrendSeries['series'][number];

export type Risk = Schemas['RiskResponse'];
export type RiskList = Schemas['RiskListResponse'];
export type Action = Schemas['ActionResponse'];
export type ActionList = Schemas['ActionListResponse'];
export type RiskMatrix = Schemas['RiskMatrixResponse'];
export type Activity = Schemas['ActivityResponse'];
export type ActivityList = Schemas['ActivityListResponse'];
export type Goal = Schemas['GoalResponse'];
export type GoalList = Schemas['GoalListResponse'];
export type TimeSummary = Schemas['TimeSummaryResponse'];

export type SupportCase = Schemas['SupportCaseResponse'];
export type SupportCaseList = Schemas['SupportCaseListResponse'];
export type CaseAccessLog = Schemas['CaseAccessLogResponse'];
export type SupportRequest = Schemas['SupportRequestResponse'];
export type SupportRequests = Schemas['SupportRequestListResponse'];
export type SupportRequestStatus = SupportRequest['status'];

export type AuditPage = Schemas['AuditPageResponse'];
export type AuditEntry = Schemas['AuditEntryResponse'];
export type Verification = Schemas['VerificationResponse'];

export type Notification = Schemas['NotificationResponse'];
export type Notifications = Schemas['NotificationListResponse'];

/** How every error of the api is answered (problem+json). */
export type ProblemDetails = Schemas['ProblemResponse'];
