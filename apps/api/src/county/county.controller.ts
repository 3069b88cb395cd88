import { Body, Controller, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  countyApprovalDecider,
  countyApprovalStreamId,
  countySettingsDecider,
  countySettingsStreamId,
} from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { type CommandAnswer, Ctx, sendCommand } from '../http/command-request.js';
import { DecideCommand } from '../http/decide.command.js';
import { requireCounty } from '../http/org-unit-checks.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { ApprovalDto, CountySettingsDto, ReopeningDto } from './county.dto.js';

@ApiTags('Län')
@Controller('org-units/:county')
export class CountyController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Put('settings')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Sätt länets sista rapportdag (deadline day, 1–28)' })
  settings(@Param('county') county: string, @Body() body: CountySettingsDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CommandAnswer> {
    requireCounty(this.units, county, 'county');
    const command = { type: 'SetReportingDeadline' as const, county, deadlineDay: body.deadlineDay };
    return sendCommand(this.commands, response, new DecideCommand(countySettingsDecider, countySettingsStreamId(county), command, context), county);
  }

  @Post('approvals/:period')
  @HttpCode(201)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Godkänn länets lägesbild för perioden (låser kommunernas rapporter)' })
  approve(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: ApprovalDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    requireCounty(this.units, county, 'county');
    const command = { type: 'ApproveCountyPeriod' as const, county, period, approvedAt: new Date().toISOString(), ...(body.note !== undefined ? { note: body.note } : {}) };
    return sendCommand(this.commands, response, new DecideCommand(countyApprovalDecider, countyApprovalStreamId(county, period), command, context));
  }

  @Post('approvals/:period/reopening')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Öppna en godkänd period igen, med skäl' })
  reopen(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: ReopeningDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    requireCounty(this.units, county, 'county');
    const command = { type: 'ReopenCountyPeriod' as const, county, period, reason: body.reason };
    return sendCommand(this.commands, response, new DecideCommand(countyApprovalDecider, countyApprovalStreamId(county, period), command, { ...context, reason: body.reason }));
  }
}
