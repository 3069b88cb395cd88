import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ITEM_TYPES } from '@lagesbild/domain';
import { CommandAnswerResponse, QueryAnswerResponse } from '../http/answer.response.js';

const ORG_UNIT_KINDS = ['nation', 'county', 'municipality', 'district'];

export class OrgUnitResponse {
  @ApiProperty({ example: '2085' })
  code!: string;

  @ApiProperty({ example: 'Ludvika' })
  name!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, example: 'municipality' })
  kind!: string;

  @ApiProperty({ type: String, nullable: true, example: '20', description: 'the unit above; null for the nation' })
  parent!: string | null;
}

export class OrgUnitListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [OrgUnitResponse] })
  items!: OrgUnitResponse[];
}

export class OrgUnitDetailResponse extends IntersectionType(OrgUnitResponse, QueryAnswerResponse) {
  @ApiProperty({ type: [String], example: ['2085-01'], description: 'the codes of the units directly below' })
  children!: string[];
}

export class TemplateVersionSummaryResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ example: 'Ny fråga om otrygga platser' })
  changeNote!: string;
}

export class TemplateVersionListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [TemplateVersionSummaryResponse] })
  items!: TemplateVersionSummaryResponse[];
}

class LabelledResponse {
  @ApiProperty({ example: 'social-risk.level' })
  id!: string;

  @ApiProperty({ example: 'Nivå' })
  label!: string;

  @ApiPropertyOptional()
  labelEn?: string;
}

export class TemplateItemResponse extends LabelledResponse {
  @ApiProperty({ enum: ITEM_TYPES })
  type!: string;
}

export class TemplateAreaResponse extends LabelledResponse {
  @ApiProperty({ type: () => [TemplateItemResponse] })
  items!: TemplateItemResponse[];
}

export class LabelledLevelResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  value!: number;

  @ApiProperty({ example: 'Medel' })
  label!: string;
}

export class LabelledTextResponse {
  @ApiProperty({ example: 'rising' })
  value!: string;

  @ApiProperty({ example: 'Ökande' })
  label!: string;
}

export class TemplateScaleResponse {
  @ApiProperty({ type: () => [LabelledLevelResponse] })
  levels!: LabelledLevelResponse[];
}

export class TemplateResponse extends QueryAnswerResponse {
  @ApiProperty({ type: 'integer', example: 1 })
  version!: number;

  @ApiProperty({ example: 'Första versionen' })
  changeNote!: string;

  @ApiProperty({ type: () => TemplateScaleResponse })
  scale!: TemplateScaleResponse;

  @ApiProperty({ type: () => [LabelledTextResponse] })
  trends!: LabelledTextResponse[];

  @ApiProperty({ type: () => [LabelledTextResponse] })
  sources!: LabelledTextResponse[];

  @ApiProperty({ type: () => [TemplateAreaResponse] })
  areas!: TemplateAreaResponse[];
}

export class PublishedTemplateResponse extends CommandAnswerResponse {
  @ApiProperty({ type: 'integer', example: 2, description: 'the version published' })
  version!: number;
}
