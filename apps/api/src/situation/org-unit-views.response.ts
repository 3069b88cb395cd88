import { ApiExtraModels, ApiProperty, ApiPropertyOptional, IntersectionType, getSchemaPath } from '@nestjs/swagger';
import { READINESS_KINDS, TRENDS } from '@lagesbild/domain';
import { QueryAnswerResponse } from '../http/answer.response.js';

/** A point's value: a number (a level or a count) or yes/no; null when the unit gave neither. */
const POINT_VALUE = { anyOf: [{ type: 'number', nullable: true }, { type: 'boolean' }], example: 2 };
const NULLABLE_NUMBER = { type: 'number', nullable: true, example: 1.75 } as const;
const COUNT = { type: 'integer', example: 15 } as const;

export class ChildValueResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty(POINT_VALUE)
  value!: number | boolean | null;

  @ApiPropertyOptional({ enum: TRENDS })
  trend?: string;
}

/** A municipality's or district's own value in a period. */
export class UnitPointResponse {
  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty(POINT_VALUE)
  value!: number | boolean | null;

  @ApiPropertyOptional({ enum: TRENDS })
  trend?: string;
}

/** A county's or the nation's period: the mean and max over the municipalities that reported, and each child's value. */
export class AggregatePointResponse {
  @ApiProperty({ example: '2026-03' })
  period!: string;

  @ApiProperty({ ...NULLABLE_NUMBER, description: 'the mean (yes/no as 1/0); null when none reported' })
  value!: number | null;

  @ApiProperty({ enum: TRENDS, description: 'the mean against the period before' })
  trend!: string;

  @ApiProperty(NULLABLE_NUMBER)
  mean!: number | null;

  @ApiProperty(NULLABLE_NUMBER)
  max!: number | null;

  @ApiProperty(COUNT)
  reported!: number;

  @ApiProperty(COUNT)
  expected!: number;

  @ApiProperty({ type: () => [ChildValueResponse] })
  children!: ChildValueResponse[];
}

@ApiExtraModels(UnitPointResponse, AggregatePointResponse)
export class TrendsResponse extends QueryAnswerResponse {
  @ApiProperty({ example: '20' })
  orgUnit!: string;

  @ApiProperty({ example: 'Dalarnas län' })
  name!: string;

  @ApiProperty({ enum: ['nation', 'county', 'municipality', 'district'] })
  kind!: string;

  @ApiProperty({ example: 'social-risk.level', description: 'the item the series is of (for an area: its level item)' })
  item!: string;

  @ApiPropertyOptional({ example: 'social-risk' })
  area?: string;

  @ApiProperty({ example: '2025-04' })
  from!: string;

  @ApiProperty({ example: '2026-03' })
  to!: string;

  @ApiProperty({
    type: 'array',
    items: { anyOf: [{ $ref: getSchemaPath(UnitPointResponse) }, { $ref: getSchemaPath(AggregatePointResponse) }] },
    description: "one point a period: a municipality's or district's own values; a county's or the nation's aggregates",
  })
  series!: Array<UnitPointResponse | AggregatePointResponse>;
}

/** The latest date of each kind of readiness fact, by kind. */
const LATEST = { type: 'object', additionalProperties: { type: 'string' }, example: { 'coordinator-appointed': '2025-09-01' } } as const;

class ReadinessBase extends QueryAnswerResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: 'Ludvika' })
  name!: string;
}

export class ReadinessFactResponse {
  @ApiProperty({ enum: READINESS_KINDS })
  kind!: string;

  @ApiProperty({ example: '2025-09-01' })
  date!: string;

  @ApiProperty({ example: 'KS 2025-09-01 § 12' })
  reference!: string;

  @ApiProperty({ example: '2025-09-02T07:00:00.000Z' })
  recordedAt!: string;
}

export class MunicipalReadinessResponse extends ReadinessBase {
  @ApiProperty({ enum: ['municipality', 'district'] })
  kind!: string;

  @ApiProperty({ type: () => [ReadinessFactResponse] })
  facts!: ReadinessFactResponse[];

  @ApiProperty(LATEST)
  latest!: Record<string, string>;
}

/** How many municipalities of a group have a coordinator, an adopted and a revised plan. */
class ReadinessTally {
  @ApiProperty(COUNT)
  municipalities!: number;

  @ApiProperty(COUNT)
  coordinatorAppointed!: number;

  @ApiProperty(COUNT)
  actionPlanAdopted!: number;

  @ApiProperty(COUNT)
  actionPlanRevised!: number;
}

export class UnitReadinessResponse {
  @ApiProperty({ example: '2085' })
  orgUnit!: string;

  @ApiProperty({ example: 'Ludvika' })
  name!: string;

  @ApiProperty(LATEST)
  latest!: Record<string, string>;
}

export class CountyReadinessResponse extends IntersectionType(ReadinessBase, ReadinessTally) {
  @ApiProperty({ enum: ['county'] })
  kind!: string;

  @ApiProperty({ type: () => [UnitReadinessResponse] })
  units!: UnitReadinessResponse[];
}

export class CountyTallyResponse extends ReadinessTally {
  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: 'Dalarnas län' })
  name!: string;
}

export class NationalReadinessResponse extends IntersectionType(ReadinessBase, ReadinessTally) {
  @ApiProperty({ enum: ['nation'] })
  kind!: string;

  @ApiProperty({ type: () => [CountyTallyResponse] })
  counties!: CountyTallyResponse[];
}
