import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_TYPES, TRENDS } from '@lagesbild/domain';
import { QueryAnswerResponse } from '../http/answer.response.js';
import { ANSWER_VALUE } from '../reports/situation-report.response.js';
import { CompletenessCountsResponse, CountyFeedbackResponse, CountyPictureResponse, DistrictsPictureResponse, LevelDistributionResponse } from './municipal-picture.response.js';

const COUNT = { type: 'integer', example: 15 } as const;
const CODES: ApiPropertyOptions = { type: [String], example: ['2085', '2080'] };

/** What every situation answer says of itself; its `kind` tells which shape the rest takes. */
class SituationBase extends QueryAnswerResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: 'Ludvika' })
  name!: string;

  @ApiProperty({ example: '2026-03' })
  period!: string;
}

export class SituationItemResponse {
  @ApiProperty({ example: 'social-risk.level' })
  item!: string;

  @ApiProperty({ example: 'Nivå' })
  label!: string;

  @ApiProperty({ enum: ITEM_TYPES })
  type!: string;

  @ApiPropertyOptional({ ...ANSWER_VALUE, description: 'absent when the item was not answered' })
  value?: number | boolean | string;

  @ApiPropertyOptional({ enum: TRENDS })
  trend?: string;

  @ApiPropertyOptional()
  comment?: string;
}

export class SituationAreaResponse {
  @ApiProperty({ example: 'social-risk' })
  area!: string;

  @ApiProperty({ example: 'Sociala risker' })
  label!: string;

  @ApiProperty({ type: () => [SituationItemResponse] })
  items!: SituationItemResponse[];
}

export class MunicipalSituationResponse extends SituationBase {
  @ApiProperty({ enum: ['municipality', 'district'] })
  kind!: string;

  @ApiProperty({ description: 'whether its report was in by then' })
  reported!: boolean;

  @ApiPropertyOptional()
  late?: boolean;

  @ApiPropertyOptional({ example: '2026-04-03T08:12:00.000Z' })
  submittedAt?: string;

  @ApiPropertyOptional({ type: 'integer', example: 1 })
  templateVersion?: number;

  @ApiPropertyOptional({ type: 'integer', example: 0 })
  revision?: number;

  @ApiProperty({ type: () => [SituationAreaResponse], description: "the template's areas and items, each with its answer if given" })
  areas!: SituationAreaResponse[];

  @ApiProperty({ type: () => [CountyFeedbackResponse], description: "what the county's assessment of the period said to this unit" })
  feedback!: CountyFeedbackResponse[];

  @ApiPropertyOptional({ type: () => CountyPictureResponse, description: "the county's picture of the period, counts only" })
  county?: CountyPictureResponse;

  @ApiPropertyOptional({ type: () => DistrictsPictureResponse, description: 'a city with districts: each district and the levels across them' })
  districts?: DistrictsPictureResponse;
}

export class ApprovalResponse {
  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty()
  approved!: boolean;

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ example: '2026-04-15T10:00:00.000Z' })
  changedAt!: string;

  @ApiPropertyOptional({ example: 'Li Analytiker' })
  changedBy?: string;

  @ApiPropertyOptional()
  reopenReason?: string;

  @ApiProperty({ type: [String] })
  eventIds!: string[];
}

export class AreaAssessmentResponse {
  @ApiProperty({ example: 'andt' })
  area!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  level!: number;

  @ApiProperty()
  text!: string;
}

export class FeedbackResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty()
  message!: string;
}

export class AssessmentResponse {
  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty({ type: () => [AreaAssessmentResponse] })
  areas!: AreaAssessmentResponse[];

  @ApiProperty()
  trends!: string;

  @ApiProperty({ type: () => [FeedbackResponse] })
  feedback!: FeedbackResponse[];

  @ApiProperty({ example: '2026-04-12T10:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: 'integer', example: 0 })
  revision!: number;

  @ApiProperty({ type: [String] })
  eventIds!: string[];
}

export class CompletenessResponse {
  @ApiProperty(COUNT)
  expected!: number;

  @ApiProperty(CODES)
  reported!: string[];

  @ApiProperty(CODES)
  missing!: string[];

  @ApiProperty(CODES)
  late!: string[];
}

export class RisingItemResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: 'social-risk.level' })
  item!: string;
}

export class CountySituationResponse extends SituationBase {
  @ApiProperty({ enum: ['county'] })
  kind!: string;

  @ApiProperty()
  approved!: boolean;

  @ApiPropertyOptional({ type: () => ApprovalResponse })
  approval?: ApprovalResponse;

  @ApiProperty({ type: () => CompletenessResponse })
  completeness!: CompletenessResponse;

  @ApiProperty({ type: () => [LevelDistributionResponse] })
  levels!: LevelDistributionResponse[];

  @ApiProperty({ type: () => [RisingItemResponse] })
  rising!: RisingItemResponse[];

  @ApiPropertyOptional({ type: () => AssessmentResponse })
  assessment?: AssessmentResponse;
}

/** Counts of reports, as the nation's picture and each county in it give them. */
class ReportCounts extends CompletenessCountsResponse {
  @ApiProperty({ type: () => [LevelDistributionResponse] })
  levels!: LevelDistributionResponse[];
}

export class NationTotalsResponse extends ReportCounts {
  @ApiProperty({ ...COUNT, description: 'how many counties have approved the period' })
  approved!: number;
}

export class CountyCountsResponse extends ReportCounts {
  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: 'Dalarnas län' })
  name!: string;

  @ApiProperty()
  approved!: boolean;

  @ApiPropertyOptional({ type: () => AssessmentResponse })
  assessment?: AssessmentResponse;
}

export class NationalSituationResponse extends SituationBase {
  @ApiProperty({ enum: ['nation'] })
  kind!: string;

  @ApiProperty({ type: () => NationTotalsResponse })
  nation!: NationTotalsResponse;

  @ApiProperty({ type: () => [CountyCountsResponse] })
  counties!: CountyCountsResponse[];
}
