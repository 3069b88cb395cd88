import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { EVENT_IDS, POSITION } from '../http/answer.response.js';

const CELL = { anyOf: [{ type: 'string' }, { type: 'number' }], example: 'Ludvika' };

export class TableRowResponse {
  @ApiProperty({ type: 'array', items: CELL, example: ['Ludvika', 2] })
  cells!: Array<string | number>;

  @ApiPropertyOptional(EVENT_IDS)
  eventIds?: string[];
}

class TableFields {
  @ApiPropertyOptional()
  caption?: string;

  @ApiProperty({ type: [String], example: ['Kommun', 'Nivå'] })
  columns!: string[];

  @ApiProperty({ type: () => [TableRowResponse] })
  rows!: TableRowResponse[];
}

export class TableResponse extends TableFields {}

export class LineSeriesResponse {
  @ApiProperty({ example: 'Sociala risker' })
  label!: string;

  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, example: [2, null, 3], description: 'one per period; null where nothing was reported' })
  values!: Array<number | null>;
}

export class LineChartResponse {
  @ApiProperty({ type: [String], example: ['2026-01', '2026-02'] })
  periods!: string[];

  @ApiProperty({ type: 'number', example: 4 })
  max!: number;

  @ApiPropertyOptional({ type: 'number', example: 1 })
  step?: number;

  @ApiProperty({ type: () => [LineSeriesResponse] })
  series!: LineSeriesResponse[];
}

export class ParagraphBlockResponse {
  @ApiProperty({ enum: ['paragraph'] })
  kind!: 'paragraph';

  @ApiProperty()
  text!: string;

  @ApiPropertyOptional(EVENT_IDS)
  eventIds?: string[];
}

/** Text an issue fills in (a draft shows it), or a heading: the same shape, told apart by `kind`. */
export class TextBlockResponse {
  @ApiProperty({ enum: ['placeholder', 'heading'] })
  kind!: 'placeholder' | 'heading';

  @ApiProperty()
  text!: string;
}

export class TableBlockResponse extends TableFields {
  @ApiProperty({ enum: ['table'] })
  kind!: 'table';
}

export class ChartBlockResponse {
  @ApiProperty({ enum: ['chart'] })
  kind!: 'chart';

  @ApiProperty()
  caption!: string;

  @ApiProperty({ description: 'the chart in words' })
  alt!: string;

  @ApiProperty({ type: () => LineChartResponse })
  chart!: LineChartResponse;

  @ApiProperty({ type: () => TableResponse, description: "the chart's figures as a table, for readers who cannot see it" })
  table!: TableResponse;

  @ApiPropertyOptional(EVENT_IDS)
  eventIds?: string[];
}

export class MatrixBlockResponse {
  @ApiProperty({ enum: ['matrix'] })
  kind!: 'matrix';

  @ApiProperty()
  caption!: string;

  @ApiProperty({ example: 'Sannolikhet' })
  rowLabel!: string;

  @ApiProperty({ example: 'Konsekvens' })
  columnLabel!: string;

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } }, example: [[0, 1], [2, 0]] })
  cells!: number[][];

  @ApiPropertyOptional(EVENT_IDS)
  eventIds?: string[];
}

const BLOCKS = [ParagraphBlockResponse, TextBlockResponse, TableBlockResponse, ChartBlockResponse, MatrixBlockResponse];

@ApiExtraModels(...BLOCKS)
export class ReportSectionResponse {
  @ApiProperty({ type: 'integer', example: 1 })
  number!: number;

  @ApiProperty({ example: 'Sammanfattning' })
  title!: string;

  @ApiProperty({ type: 'array', items: { oneOf: BLOCKS.map((block) => ({ $ref: getSchemaPath(block) })) }, description: 'each told apart by its `kind`' })
  blocks!: object[];
}

export class FrontMatterResponse {
  @ApiProperty({ example: 'Ku2017/01428/DISK', description: "the registry number (a placeholder in a draft)" })
  reference!: string;

  @ApiProperty({ example: 'Delrapport Sociala risker' })
  documentName!: string;

  @ApiProperty({ example: '27 februari 2018', description: 'the as-of day, the Swedish way' })
  date!: string;

  @ApiProperty({ example: 'Li Analytiker', description: 'who issues it (a placeholder in a draft)' })
  issuer!: string;

  @ApiProperty({ description: 'not issued: generated to look at, with placeholders' })
  draft!: boolean;
}

export class ReportBackCountyResponse {
  @ApiProperty({ example: '20' })
  code!: string;

  @ApiProperty({ example: 'Dalarnas län' })
  name!: string;
}

/** A report-back as data (`format=json`): everything the other formats draw, in order. */
export class ReportBackDocumentResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  rendererVersion!: number;

  @ApiProperty({ example: 'Återrapportering' })
  title!: string;

  @ApiProperty({ type: () => FrontMatterResponse })
  frontMatter!: FrontMatterResponse;

  @ApiProperty({ type: () => ReportBackCountyResponse })
  county!: ReportBackCountyResponse;

  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-03' })
  to!: string;

  @ApiProperty({ example: '2026-04-20T12:00:00.000Z', description: 'the moment it reflects' })
  asOf!: string;

  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  templateVersion!: number;

  @ApiProperty({ type: () => [ReportSectionResponse] })
  sections!: ReportSectionResponse[];

  @ApiProperty({ type: () => [ReportSectionResponse], description: 'the charts and tables, then what the document rests on' })
  appendices!: ReportSectionResponse[];
}
