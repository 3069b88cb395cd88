/**
 * Checked by `tsc -p apps/web/tsconfig.json` (npm run lint), never bundled: a path as the pages
 * write it finds its operation's answer, the most specific route winning over a template.
 */
import type { CommandResult, QueryAnswer } from './api-paths';
import type { components } from './schema';

type Schemas = components['schemas'];
type Same<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

export const pathsFindTheirAnswers: [
  Same<QueryAnswer<`/org-units/${string}/reports/${string}`>, Schemas['SituationReportResponse']>,
  Same<QueryAnswer<`/org-units/${string}`>, Schemas['OrgUnitDetailResponse']>,
  Same<QueryAnswer<'/templates/current'>, Schemas['TemplateResponse']>,
  Same<QueryAnswer<'/support-cases/statistics'>, Schemas['SupportCaseStatisticsResponse']>,
  Same<QueryAnswer<`/support-cases/${string}`>, Schemas['SupportCaseResponse']>,
  Same<QueryAnswer<'/org-units'>, Schemas['OrgUnitListResponse']>,
  Same<CommandResult<'post', `/org-units/${string}/reports/${string}/amendments`>, Schemas['CommandAnswerResponse']>,
  Same<CommandResult<'post', `/org-units/${string}/report-backs`>, Schemas['IssuedReportBackResponse']>,
  Same<QueryAnswer<'/no-such-path'>, never>,
] = [true, true, true, true, true, true, true, true, true];
