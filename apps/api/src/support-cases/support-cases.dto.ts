import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { REFERRAL_TARGETS, SUPPORT_CATEGORIES } from '@lagesbild/domain';

/** Swedish personnummer or samordningsnummer: YYYYMMDD-NNNN or YYMMDD-NNNN (the dash optional, + for 100+). */
const PERSONAL_IDENTITY_NUMBER = /^(\d{2})?\d{6}[-+]?\d{4}$/;

export class SubjectDto {
  @ApiProperty({ example: 'Förnamn Efternamn' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ example: '19900101-1234' })
  @IsOptional()
  @IsString()
  @Matches(PERSONAL_IDENTITY_NUMBER, { message: 'personalIdentityNumber must be a Swedish personal identity number, e.g. 19900101-1234' })
  personalIdentityNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

export class OpenSupportCaseDto {
  @ApiProperty({ example: '2085' }) @IsString() municipality!: string;
  @ApiProperty({ enum: SUPPORT_CATEGORIES }) @IsIn(SUPPORT_CATEGORIES) category!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) requestedSupport!: string;
  @ApiPropertyOptional({ type: SubjectDto }) @IsOptional() @ValidateNested() @Type(() => SubjectDto) subject?: SubjectDto;
}

export class ConsultationDto {
  @ApiProperty({ example: '2026-11-02' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date, YYYY-MM-DD' }) date!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
}

export class ReferralDto {
  @ApiProperty({ enum: REFERRAL_TARGETS }) @IsIn(REFERRAL_TARGETS) to!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) note!: string;
}

export class ClosureDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) outcome!: string;
}

export class ErasureDto {
  @ApiProperty({ example: 'Dataskyddsförordningen art. 17.1 a' }) @IsString() @MinLength(1) @MaxLength(1000) legalBasis!: string;
}
