import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer } from '../http/answer.response.js';
import { type CommandAnswer, Ctx, sendCommand } from '../http/command-request.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { CountyCommand } from './county.handler.js';
import { ApprovalDto, CountySettingsDto, ReopeningDto } from './county.dto.js';

@ApiTags('Län')
@Controller('org-units/:county')
export class CountyController {
  constructor(private readonly commands: CommandBus) {}

  @Put('settings')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Sätt länets sista rapportdag (deadline day, 1–28)' })
  @ApiCommandAnswer(200, undefined, 404)
  settings(@Param('county') county: string, @Body() body: CountySettingsDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CommandAnswer> {
    return sendCommand(this.commands, response, new CountyCommand({ type: 'SetReportingDeadline', county, deadlineDay: body.deadlineDay }, context));
  }

  @Post('approvals/:period')
  @HttpCode(201)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Godkänn länets lägesbild för perioden (låser kommunernas rapporter)' })
  @ApiCommandAnswer(201, undefined, 404)
  approve(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: ApprovalDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    const note = body.note !== undefined ? { note: body.note } : {};
    return sendCommand(this.commands, response, new CountyCommand({ type: 'ApproveCountyPeriod', county, period, ...note }, context));
  }

  @Post('approvals/:period/reopening')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Öppna en godkänd period igen, med skäl' })
  @ApiCommandAnswer(200, undefined, 404)
  reopen(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: ReopeningDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAnswer> {
    return sendCommand(this.commands, response, new CountyCommand({ type: 'ReopenCountyPeriod', county, period, reason: body.reason }, context));
  }
}
