import { Body, Controller, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@lagesbild/auth';
import {
  activityDecider,
  activityStreamId,
  goalDecider,
  goalStreamId,
  narrativeDecider,
  narrativeStreamId,
  readinessDecider,
  readinessStreamId,
  swedishDate,
  timeEntryDecider,
  timeEntryStreamId,
} from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { DecideCommand } from '../http/decide.command.js';
import { newAggregateId } from '../http/new-id.js';
import { codesWithin, requireCounty } from '../http/org-unit-checks.js';
import { SectionPipe } from '../http/section.pipe.js';
import { ActivityDto, GoalDto, GoalStatusDto, NarrativeDto, ReadinessDto, TimeEntryDto } from './work-records.dto.js';

@ApiTags('Arbete')
@Controller()
export class WorkRecordsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Post('org-units/:code/readiness')
  @HttpCode(201)
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Registrera beredskap: samordnare utsedd, handlingsplan antagen eller reviderad' })
  readiness(@Param('code') code: string, @Body() body: ReadinessDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const command = { type: 'RecordReadinessFact' as const, orgUnit: code, today: swedishDate(new Date()), ...body };
    return sendCommand(this.commands, response, new DecideCommand(readinessDecider, readinessStreamId(code), command, context));
  }

  @Post('activities')
  @HttpCode(201)
  @Access('county:write', 'principal')
  @ApiOperation({ summary: 'Registrera en aktivitet (utbildning, nätverksmöte…) med samverkanspartner' })
  activity(@Body() body: ActivityDto, @CurrentPrincipal() principal: Principal, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const activityId = newAggregateId(context, 'activity');
    const command = { type: 'RecordActivity' as const, activityId, county: principal.org, countyUnits: codesWithin(this.units, principal.org), ...body };
    return sendCommand(this.commands, response, new DecideCommand(activityDecider, activityStreamId(activityId), command, context), activityId);
  }

  @Post('time-entries')
  @HttpCode(201)
  @Access('county:write', 'principal')
  @ApiOperation({ summary: 'Registrera tidsåtgång (timmar per arbetsslag)' })
  timeEntry(@Body() body: TimeEntryDto, @CurrentPrincipal() principal: Principal, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const entryId = newAggregateId(context, 'time-entry');
    const command = { type: 'RecordTimeEntry' as const, entryId, county: principal.org, person: { id: principal.id, name: principal.name }, today: swedishDate(new Date()), ...body };
    return sendCommand(this.commands, response, new DecideCommand(timeEntryDecider, timeEntryStreamId(entryId), command, context), entryId);
  }

  @Post('goals')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Definiera ett mål eller en indikator' })
  goal(@Body() body: GoalDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const goalId = newAggregateId(context, 'goal');
    return sendCommand(this.commands, response, new DecideCommand(goalDecider, goalStreamId(goalId), { type: 'DefineGoal', goalId, ...body }, context), goalId);
  }

  @Post('goals/:id/status')
  @HttpCode(200)
  @Access('county:write', { stream: goalStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Rapportera ett måls status' })
  goalStatus(@Param('id') id: string, @Body() body: GoalStatusDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new DecideCommand(goalDecider, goalStreamId(id), { type: 'ReportGoalStatus', ...body }, context), id);
  }

  @Put('org-units/:county/report-backs/narrative/:section')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Skriv ett avsnitt (1–15) i återrapporteringen' })
  narrative(
    @Param('county') county: string,
    @Param('section', SectionPipe) number: number,
    @Body() body: NarrativeDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireCounty(this.units, county, 'county');
    const command = { type: 'AuthorNarrativeSection' as const, county, section: number, text: body.text };
    return sendCommand(this.commands, response, new DecideCommand(narrativeDecider, narrativeStreamId(county, number), command, context));
  }
}
