import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class OpenSupportRequestDto {
  @ApiProperty({ example: '2085' }) @IsString() municipality!: string;
  @ApiProperty({ example: 'Vi behöver stöd i ett ärende om oro för radikalisering på en skola' }) @IsString() @MinLength(1) @MaxLength(4000) description!: string;
}

export class AcknowledgementDto {
  @ApiProperty({ example: 'Vi har tagit emot er begäran och hör av oss inom en vecka.' }) @IsString() @MinLength(1) @MaxLength(4000) reply!: string;
}

export class ResolutionDto {
  @ApiProperty({ example: 'Samordnaren har träffat skolan; ett individärende är öppnat.' }) @IsString() @MinLength(1) @MaxLength(4000) outcome!: string;
  @ApiPropertyOptional({ description: 'the support case that answered it' }) @IsOptional() @IsUUID('all') supportCaseId?: string;
  @ApiPropertyOptional({ description: 'the activity that answered it' }) @IsOptional() @IsUUID('all') activityId?: string;
}

export class DeclineDto {
  @ApiProperty({ example: 'Frågan ligger utanför länsstyrelsens uppdrag; kontakta polisen.' }) @IsString() @MinLength(1) @MaxLength(4000) reason!: string;
}
