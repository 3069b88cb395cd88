import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class AreaAssessmentDto {
  @ApiProperty({ example: 'social-risk' }) @IsString() @MaxLength(100) area!: string;
  @ApiProperty({ minimum: 0, maximum: 4 }) @IsInt() @Min(0) @Max(4) level!: number;
  @ApiProperty() @IsString() @MaxLength(20_000) text!: string;
}

class FeedbackDto {
  @ApiProperty({ example: '2085' }) @IsString() orgUnit!: string;
  @ApiProperty() @IsString() @MaxLength(10_000) message!: string;
}

export class AssessmentDto {
  @ApiProperty({ type: [AreaAssessmentDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AreaAssessmentDto) areas!: AreaAssessmentDto[];
  @ApiProperty() @IsString() @MaxLength(20_000) trends!: string;
  @ApiProperty({ type: [FeedbackDto] }) @IsArray() @ArrayMaxSize(400) @ValidateNested({ each: true }) @Type(() => FeedbackDto) feedback!: FeedbackDto[];
}

export class AssessmentAmendmentDto extends AssessmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}
