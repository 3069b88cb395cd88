import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CountySettingsDto {
  @ApiProperty({ minimum: 1, maximum: 28, example: 10 })
  @IsInt()
  @Min(1)
  @Max(28)
  deadlineDay!: number;
}

export class ApprovalDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ReopeningDto {
  @ApiProperty({ example: 'Ludvika kompletterar marsrapporten' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason!: string;
}
