import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { actionStreamId, riskStreamId } from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer } from '../http/answer.response.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { RisksCommand } from './risks.handler.js';
import { ActionStatusDto, DecideActionDto, IdentifyRiskDto, ProposeActionDto, ReasonDto, ReassessRiskDto } from './risks.dto.js';

@ApiTags('Risker och åtgärder')
@Controller()
export class RisksController {
  constructor(private readonly commands: CommandBus) {}

  @Post('risks')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Identifiera en risk (sannolikhet × konsekvens, 1–5)' })
  @ApiCommandAnswer(201)
  identify(@Body() body: IdentifyRiskDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ ...body, type: 'IdentifyRisk' }, context));
  }

  @Post('risks/:id/assessments')
  @HttpCode(200)
  @Access('county:write', { stream: riskStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Ompröva en risk, med motivering' })
  @ApiCommandAnswer(200, undefined, 404)
  reassess(@Param('id') id: string, @Body() body: ReassessRiskDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ ...body, type: 'ReassessRisk', riskId: id }, context));
  }

  @Post('risks/:id/closure')
  @HttpCode(200)
  @Access('county:write', { stream: riskStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Avsluta en risk, med skäl' })
  @ApiCommandAnswer(200, undefined, 404)
  close(@Param('id') id: string, @Body() body: ReasonDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ type: 'CloseRisk', riskId: id, reason: body.reason }, context));
  }

  @Post('actions')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Föreslå en åtgärd mot risker i samma enhet eller dess överordnade' })
  @ApiCommandAnswer(201)
  propose(@Body() body: ProposeActionDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ ...body, type: 'ProposeAction' }, context));
  }

  @Post('actions/:id/decision')
  @HttpCode(200)
  @Access('county:write', { stream: actionStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Besluta om en åtgärd (godkänd/avslagen), med motivering' })
  @ApiCommandAnswer(200, undefined, 404)
  decide(@Param('id') id: string, @Body() body: DecideActionDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ ...body, type: 'DecideAction', actionId: id }, context));
  }

  @Post('actions/:id/status')
  @HttpCode(200)
  @Access('county:write', { stream: actionStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Starta, slutför eller avbryt en åtgärd' })
  @ApiCommandAnswer(200, undefined, 404)
  status(@Param('id') id: string, @Body() body: ActionStatusDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new RisksCommand({ ...body, type: 'ChangeActionStatus', actionId: id }, context));
  }
}
