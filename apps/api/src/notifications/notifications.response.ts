import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@lagesbild/domain';
import { POSITION, QueryAnswerResponse } from '../http/answer.response.js';

/** One notification as its recipients (the users of an org with a role) see it. */
export class NotificationResponse {
  @ApiProperty({ example: '0b7c4e1a-3f7d-4c1e-9a51-2f1c0d8e6b42:0', description: 'the event behind it and a number' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: string;

  @ApiProperty({ example: '2085', description: 'the unit it is about' })
  orgUnit!: string;

  @ApiPropertyOptional({ example: '2026-03' })
  period?: string;

  @ApiProperty({ example: 'Ludvika begär stöd: Stöd kring oro på en skola' })
  message!: string;

  @ApiProperty({ example: '2026-03-05T10:00:00.000Z' })
  at!: string;

  @ApiProperty({ ...POSITION, description: 'the log position of the event behind it (for `after`)' })
  position!: string;
}

export class NotificationListResponse extends QueryAnswerResponse {
  @ApiProperty({ type: () => [NotificationResponse], description: 'oldest first; at most the newest 200' })
  items!: NotificationResponse[];
}

export class NotificationSettingsResponse extends QueryAnswerResponse {
  @ApiPropertyOptional({ example: 'kim.kommun@ludvika.se', description: 'where mail goes; absent: no mail' })
  email?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, isArray: true, description: 'only these kinds by mail; absent: every kind' })
  kinds?: string[];
}
