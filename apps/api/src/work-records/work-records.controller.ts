import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { goalStreamId } from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer } from '../http/answer.response.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { SectionPipe } from '../http/section.pipe.js';
import { WorkRecordsCommand } from './work-records.handler.js';
import { ActivityDto, GoalDto, GoalStatusDto, NarrativeDto, ReadinessDto, TimeEntryDto } from './work-records.dto.js';

@ApiTags('Arbete')
@Controller()
export class WorkRecordsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('org-units/:code/readiness')
  @HttpCode(201)
  @Access('report:write', { param: 'code' })
  @ApiOperation({ summary: 'Registrera beredskap: samordnare utsedd, handlingsplan antagen eller reviderad' })
  @ApiCommandAnswer(201, undefined, 404)
  readiness(@Param('code') code: string, @Body() body: ReadinessDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ ...body, type: 'RecordReadinessFact', orgUnit: code }, context));
  }

  @Post('activities')
  @HttpCode(201)
  @Access('work:record', 'principal')
  @ApiOperation({ summary: 'Registrera en aktivitet (utbildning, nätverksmöte…) med samverkanspartner' })
  @ApiCommandAnswer(201)
  activity(@Body() body: ActivityDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ ...body, type: 'RecordActivity' }, context));
  }

  @Post('time-entries')
  @HttpCode(201)
  @Access('work:record', 'principal')
  @ApiOperation({ summary: 'Registrera tidsåtgång (timmar per arbetsslag)' })
  @ApiCommandAnswer(201)
  timeEntry(@Body() body: TimeEntryDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ ...body, type: 'RecordTimeEntry' }, context));
  }

  @Post('goals')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Definiera ett mål eller en indikator' })
  @ApiCommandAnswer(201)
  goal(@Body() body: GoalDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ ...body, type: 'DefineGoal' }, context));
  }

  @Post('goals/:id/status')
  @HttpCode(200)
  @Access('county:write', { stream: goalStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Rapportera ett måls status' })
  @ApiCommandAnswer(200, undefined, 404)
  goalStatus(@Param('id') id: string, @Body() body: GoalStatusDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ ...body, type: 'ReportGoalStatus', goalId: id }, context));
  }

  @Put('org-units/:county/report-backs/narrative/:section')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Skriv ett avsnitt (1–15) i återrapporteringen' })
  @ApiCommandAnswer(200, undefined, 404)
  narrative(
    @Param('county') county: string,
    @Param('section', SectionPipe) number: number,
    @Body() body: NarrativeDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendCommand(this.commands, response, new WorkRecordsCommand({ type: 'AuthorNarrativeSection', county, section: number, text: body.text }, context));
  }
}
