import { Body, Controller, Get, HttpCode, Inject, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@lagesbild/auth';
import { type NotificationSettingsEvent, ValidationError, notificationSettingsStreamId } from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore, readEvents } from '@lagesbild/event-store';
import { notificationsFor } from '@lagesbild/projections';
import { Access } from '../auth/access.decorator.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { ProjectionsService } from '../views/projections.service.js';
import { NotificationSettingsDto } from './notifications.dto.js';
import { NotificationsCommand } from './notifications.handler.js';
import { NotificationListResponse, NotificationSettingsResponse } from './notifications.response.js';

/** The most notifications one answer holds: the newest. */
const MAX_ITEMS = 200;

@ApiTags('Meddelanden')
@Controller()
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('notifications')
  @Access('self')
  @ApiQuery({ name: 'after', required: false, description: 'bara meddelanden efter denna loggposition' })
  @ApiOperation({ summary: 'Dina meddelanden: påminnelser, återkoppling, stödbegäranden och svar — för din organisation och roll' })
  @ApiQueryAnswer(NotificationListResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query('after') after: unknown, @AsOf() asOf: AsOfQuery) {
    if (after !== undefined && (typeof after !== 'string' || !/^\d{1,19}$/.test(after))) {
      throw new ValidationError('Bad after', [{ path: 'after', message: 'must be a log position (a whole number)' }]);
    }
    const { reader, meta } = await this.projections.asOf(asOf);
    const lists = await Promise.all(principal.roles.map((role) => notificationsFor(reader, { org: principal.org, role }, BigInt(after ?? 0))));
    const items = lists.flat().sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)) || a.id.localeCompare(b.id));
    return { items: items.slice(-MAX_ITEMS), meta };
  }

  @Put('me/notification-settings')
  @HttpCode(200)
  @Access('self')
  @ApiOperation({ summary: 'Var och vilka meddelanden du vill ha med e-post' })
  @ApiCommandAnswer(200)
  settings(@Body() body: NotificationSettingsDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new NotificationsCommand({ ...body, type: 'ChangeNotificationSettings' }, context));
  }

  @Get('me/notification-settings')
  @Access('self')
  @ApiOperation({ summary: 'Dina inställningar för e-post, som de var vid asOf' })
  @ApiQueryAnswer(NotificationSettingsResponse)
  async current(@CurrentPrincipal() principal: Principal, @AsOf() asOf: AsOfQuery) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const events = await readEvents<NotificationSettingsEvent>(this.store, notificationSettingsStreamId(principal.id), { toPosition: position });
    const latest = events[events.length - 1]?.data;
    return { ...(latest?.email ? { email: latest.email } : {}), ...(latest?.kinds ? { kinds: latest.kinds } : {}), meta };
  }
}
