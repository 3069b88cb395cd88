import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const Score = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(1)(target, key);
  Max(5)(target, key);
};

export class IdentifyRiskDto {
  @ApiProperty({ example: '2085' }) @IsString() orgUnit!: string;
  @ApiProperty({ example: 'social-risk' }) @IsString() @MaxLength(100) area!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty() @IsString() @MaxLength(10_000) description!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Score() likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Score() consequence!: number;
}

export class ReassessRiskDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @Score() likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Score() consequence!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) rationale!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) reason!: string;
}

export class ProposeActionDto {
  @ApiProperty({ example: '2085' }) @IsString() orgUnit!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) riskIds!: string[];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty() @IsString() @MaxLength(10_000) description!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) owner!: string;
  @ApiProperty({ example: '2018-06-30' }) @Matches(/^\d{4}-\d\d-\d\d$/, { message: 'dueDate must be a date, YYYY-MM-DD' }) dueDate!: string;
}

export class DecideActionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) decision!: 'approved' | 'rejected';
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) rationale!: string;
}

export class ActionStatusDto {
  @ApiProperty({ enum: ['started', 'completed', 'cancelled'] }) @IsIn(['started', 'completed', 'cancelled']) status!: 'started' | 'completed' | 'cancelled';
  @ApiProperty() @IsString() @MaxLength(4000) note!: string;
}
