/**
 * The api's answers the web app names in its own components: every one the api's own schema,
 * from the generated schema.d.ts (`npm run api:types`). A query or command is typed by its
 * path (api-paths.ts), so most pages name none.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Principal = Schemas['DemoUserResponse'];
export type Role = Principal['roles'][number];
export type SignInConfig = Schemas['SignInConfigResponse'];
export type CommandAnswer = Schemas['CommandAnswerResponse'];
export type IssuedReportBack = Schemas['IssuedReportBackResponse'];

export type Template = Schemas['TemplateResponse'];
export type TemplateItem = Schemas['TemplateItemResponse'];
export type Answer = Schemas['AnswerResponse'];
export type AnswerValue = Answer['value'];
export type Trend = NonNullable<Answer['trend']>;
export type SituationReport = Schemas['SituationReportResponse'];
/** A report in progress, with who saved each answer last. */
export type ReportDraft = Schemas['DraftResponse'];

export type LevelDistribution = Schemas['LevelDistributionResponse'];
/** The county's picture of a period as one municipality sees it: counts only, no other municipality named. */
export type CountyPicture = Schemas['CountyPictureResponse'];
export type TrendPoint = Schemas['TrendsResponse']['series'][number];

export type Action = Schemas['ActionResponse'];
export type SupportRequest = Schemas['SupportRequestResponse'];
export type SupportRequestStatus = SupportRequest['status'];
export type Notification = Schemas['NotificationResponse'];

/** How every error of the api is answered (problem+json). */
export type ProblemDetails = Schemas['ProblemResponse'];
