import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { TRENDS, type Trend } from '@lagesbild/domain';

/** A value is a level or count (number), yes/no (boolean) or text; the template decides which. */
function IsAnswerValue() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswerValue',
      target: target.constructor,
      propertyName,
      options: { message: 'value must be a number, a boolean or a text' },
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 10_000),
      },
    });
}

export class AnswerDto {
  @ApiProperty({ example: 'social-risk.level' })
  @IsString()
  @MaxLength(200)
  item!: string;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }], example: 2 })
  @IsDefined()
  @IsAnswerValue()
  value!: number | boolean | string;

  @ApiPropertyOptional({ enum: TRENDS })
  @IsOptional()
  @IsIn(TRENDS)
  trend?: Trend;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sources?: string[];
}

export class SupportNeedDto {
  @IsBoolean()
  needed!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

/** What a submission and an amendment share: the answers. */
class AnswersDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];
}

/** What a submission and a draft carry besides the answers. */
class ReportContentDto extends AnswersDto {
  @ApiPropertyOptional({ type: [String], example: ['school', 'municipal-police'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sources?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  summary?: string;

  @ApiPropertyOptional({ type: SupportNeedDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportNeedDto)
  supportNeeded?: SupportNeedDto;
}

export class SubmitReportDto extends ReportContentDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  templateVersion!: number;
}

/** Work in progress: any part of a report; the template version defaults to the current one. */
export class SaveDraftDto extends ReportContentDto {
  @ApiPropertyOptional({ example: 1, description: 'standard: den senaste versionen av mallen' })
  @IsOptional()
  @IsInt()
  @Min(1)
  templateVersion?: number;
}

export class AmendReportDto extends AnswersDto {
  @ApiProperty({ example: 'Polisen rapporterade fler händelser' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason!: string;
}
