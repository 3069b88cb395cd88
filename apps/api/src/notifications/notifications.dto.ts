import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { NOTIFICATION_KINDS } from '@lagesbild/domain';

export class NotificationSettingsDto {
  @ApiPropertyOptional({ example: 'kim.kommun@ludvika.se', description: 'dit meddelanden skickas med e-post; utelämnad: ingen e-post' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  email?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, isArray: true, description: 'bara dessa slag med e-post (standard: alla)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  kinds?: string[];
}
