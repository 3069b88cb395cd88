import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const COUNT = { type: 'integer', example: 15 } as const;

/**
 * How many municipalities answered each level of an area's level item, lowest first: the
 * county's picture, a city's districts and the nation's all give it.
 */
export class LevelDistributionResponse {
  @ApiProperty({ example: 'andt' })
  area!: string;

  @ApiProperty({ example: 'ANDT' })
  label!: string;

  @ApiPropertyOptional({ example: 'andt.level', description: "the area's level item; absent when it has none" })
  item?: string;

  @ApiProperty({ type: 'integer', isArray: true, example: [1, 4, 6, 3, 1], description: 'how many answered each level, lowest first' })
  distribution!: number[];
}

/** What the county said to this unit in its regional assessment of the period. */
export class CountyFeedbackResponse {
  @ApiProperty({ example: 'Följ upp läget kring centrum' })
  message!: string;

  @ApiProperty({ example: 'Dalarnas län', description: "the county's name" })
  from!: string;

  @ApiProperty({ example: '2026-04-12T10:00:00.000Z', description: 'when the assessment was recorded' })
  at!: string;
}

/** How many of the county's municipalities have reported: counts only, no other municipality named. */
export class CompletenessCountsResponse {
  @ApiProperty(COUNT)
  expected!: number;

  @ApiProperty(COUNT)
  reported!: number;

  @ApiProperty(COUNT)
  missing!: number;

  @ApiProperty(COUNT)
  late!: number;
}

export class RisingTrendResponse {
  @ApiProperty({ example: 'social-risk.level' })
  item!: string;

  @ApiProperty({ type: 'integer', example: 3, description: 'how many municipalities report it rising' })
  municipalities!: number;
}

/** The county's picture of the period as one of its municipalities may see it. */
export class CountyPictureResponse {
  @ApiProperty({ example: '20' })
  county!: string;

  @ApiProperty({ example: 'Dalarnas län' })
  name!: string;

  @ApiProperty({ type: () => CompletenessCountsResponse })
  completeness!: CompletenessCountsResponse;

  @ApiProperty({ type: () => [LevelDistributionResponse] })
  levelDistribution!: LevelDistributionResponse[];

  @ApiProperty({ type: () => [RisingTrendResponse], description: 'most municipalities first' })
  risingTrends!: RisingTrendResponse[];
}

export class DistrictStatusResponse {
  @ApiProperty({ example: '0180-01' })
  orgUnit!: string;

  @ApiProperty({ example: 'Rinkeby-Kista' })
  name!: string;

  @ApiProperty()
  reported!: boolean;

  @ApiProperty()
  late!: boolean;
}

/** A city's districts in the period: whether each has reported, and the levels across them. */
export class DistrictsPictureResponse {
  @ApiProperty({ type: () => [DistrictStatusResponse] })
  units!: DistrictStatusResponse[];

  @ApiProperty({ type: 'integer', example: 2, description: 'how many districts have reported' })
  reported!: number;

  @ApiProperty({ type: () => [LevelDistributionResponse] })
  levels!: LevelDistributionResponse[];
}
