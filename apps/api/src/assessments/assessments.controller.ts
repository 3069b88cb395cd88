import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer } from '../http/answer.response.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { AssessmentsCommand } from './assessments.handler.js';
import { AssessmentAmendmentDto, AssessmentDto } from './assessments.dto.js';

@ApiTags('Län')
@Controller('org-units/:county/assessments/:period')
export class AssessmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @HttpCode(201)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Samlad regional lägesbild för perioden: nivå och text per område, trender, återkoppling' })
  @ApiCommandAnswer(201, undefined, 404)
  record(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: AssessmentDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendCommand(this.commands, response, new AssessmentsCommand({ ...body, type: 'RecordAssessment', county, period }, context));
  }

  @Post('amendments')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Ändra den regionala lägesbilden' })
  @ApiCommandAnswer(200, undefined, 404)
  amend(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: AssessmentAmendmentDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendCommand(this.commands, response, new AssessmentsCommand({ ...body, type: 'AmendAssessment', county, period }, context));
  }
}
