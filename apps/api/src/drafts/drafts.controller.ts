import { Body, Controller, Get, HttpCode, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CommandContext, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer } from '../http/answer.response.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { SaveDraftDto } from '../reports/situation-report.dto.js';
import { draftAsOf } from './draft.query.js';
import { DraftsCommand } from './drafts.handler.js';
import { ApiDraftAnswer } from './drafts.response.js';

@ApiTags('Lägesbild')
@Controller('org-units/:code/drafts/:period')
export class DraftsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Put()
  @HttpCode(200)
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Spara ett utkast: delar av rapporten, varje värde kontrolleras; inget räknas förrän rapporten lämnas' })
  @ApiCommandAnswer(200, undefined, 404)
  save(
    @Param('code') code: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: SaveDraftDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendCommand(this.commands, response, new DraftsCommand({ ...body, type: 'SaveDraft', orgUnit: code, period }, context));
  }

  @Get()
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Utkastet som det var vid asOf: svaren med vem som sparade dem och när, och varje sparning' })
  @ApiDraftAnswer()
  async get(@Param('code') code: string, @Param('period', PeriodPipe) period: string, @AsOf() asOf: AsOfQuery, @Res({ passthrough: true }) response: Response) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const draft = await draftAsOf(this.store, code, period, position);
    response.setHeader('ETag', `"${draft.revision}"`);
    return { ...draft, meta };
  }
}
