import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind, GOAL_KINDS, GOAL_STATUSES, type GoalKind, type GoalStatus, READINESS_KINDS, type ReadinessKind, TIME_KINDS, type TimeKind } from '@lagesbild/domain';

const DATE = /^\d{4}-\d\d-\d\d$/;
const IsDate = (name: string) => Matches(DATE, { message: `${name} must be a date, YYYY-MM-DD` });

export class ReadinessDto {
  @ApiProperty({ enum: READINESS_KINDS }) @IsIn(READINESS_KINDS) kind!: ReadinessKind;
  @ApiProperty({ example: '2018-02-01' }) @IsDate('date') date!: string;
  @ApiProperty({ example: 'KS 2018/12' }) @IsString() @MinLength(1) @MaxLength(1000) reference!: string;
}

export class ActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS) kind!: ActivityKind;
  @ApiProperty({ example: '2018-03-14' }) @IsDate('date') date!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ type: [String], example: ['20', '2085'] }) @IsArray() @ArrayMaxSize(400) @IsString({ each: true }) orgUnits!: string[];
  @ApiProperty({ type: [String], example: ['CVE'] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) partners!: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) participants?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
}

export class TimeEntryDto {
  @ApiProperty({ example: '2018-03-01' }) @IsDate('date') date!: string;
  @ApiProperty({ example: 3.5 }) @IsNumber({ allowNaN: false, allowInfinity: false }) hours!: number;
  @ApiProperty({ enum: TIME_KINDS }) @IsIn(TIME_KINDS) kind!: TimeKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ example: '2085', description: 'kommunen (eller stadsdelen) arbetet gällde; utan: länets arbete i stort' }) @IsOptional() @IsString() @MaxLength(20) orgUnit?: string;
}

export class GoalDto {
  @ApiProperty({ example: '20' }) @IsString() orgUnit!: string;
  @ApiProperty({ enum: GOAL_KINDS }) @IsIn(GOAL_KINDS) kind!: GoalKind;
  @ApiPropertyOptional({ example: '3.2' }) @IsOptional() @IsString() @MaxLength(20) number?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) text!: string;
}

export class GoalStatusDto {
  @ApiProperty({ enum: GOAL_STATUSES }) @IsIn(GOAL_STATUSES) status!: GoalStatus;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20_000) narrative!: string;
}

export class NarrativeDto {
  @ApiProperty() @IsString() @MaxLength(200_000) text!: string;
}
