import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, situationReportStreamId } from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { type CommandAnswer, Ctx, sendCommand } from '../http/command-request.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { ReportsCommand } from './reports.handler.js';
import { AmendReportDto, SubmitReportDto } from './situation-report.dto.js';
import { reportAsOf } from './situation-report.query.js';
import { SituationReportResponse } from './situation-report.response.js';

@ApiTags('Lägesbild')
@Controller('org-units/:code/reports/:period')
export class SituationReportsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Put()
  @HttpCode(201)
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Lämna månadens lägesbild (submit a report for a period)' })
  @ApiCommandAnswer(201, undefined, 404)
  async submit(
    @Param('code') code: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: SubmitReportDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    return sendCommand(this.commands, response, new ReportsCommand({ ...body, type: 'SubmitSituationReport', orgUnit: code, period }, context));
  }

  @Post('amendments')
  @HttpCode(200)
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Komplettera en lämnad lägesbild, med skäl (amend with a reason)' })
  @ApiCommandAnswer(200, undefined, 404)
  async amend(
    @Param('code') code: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: AmendReportDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    return sendCommand(this.commands, response, new ReportsCommand({ ...body, type: 'AmendSituationReport', orgUnit: code, period }, context));
  }

  @Get()
  @Access('view:read', { param: 'code' })
  @ApiOperation({ summary: 'Lägesbilden för perioden som den var känd vid asOf, med revisioner' })
  @ApiQueryAnswer(SituationReportResponse, 404)
  async get(
    @Param('code') code: string,
    @Param('period', PeriodPipe) period: string,
    @AsOf() asOf: AsOfQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const report = await reportAsOf(this.store, situationReportStreamId(code, period), position);
    if (!report) throw new NotFoundError('report-not-found', `No report for ${code} ${period} had been recorded as of ${meta.asOf}`);
    response.setHeader('ETag', `"${report.revision}"`);
    return { ...report, meta };
  }
}
