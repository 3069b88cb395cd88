import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { actionDecider, actionStreamId, fold, riskDecider, riskStreamId } from '@lagesbild/domain';
import { type CommandContext, type CommandResult, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { type CommandAnswer, Ctx, answerCommand } from '../http/command-request.js';
import { DecideCommand } from '../http/decide.command.js';
import { newAggregateId } from '../http/new-id.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { ActionStatusDto, DecideActionDto, IdentifyRiskDto, ProposeActionDto, ReasonDto, ReassessRiskDto } from './risks.dto.js';


@ApiTags('Risker och åtgärder')
@Controller()
export class RisksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly templates: TemplateCatalog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  private async send(response: Response, command: Command<CommandResult>): Promise<CommandAnswer> {
    const result = await this.commands.execute(command);
    // Risks and actions are addressed by their UUID, not by their stream's name.
    return answerCommand(response, result.streamId.replace(/^(risk|action)-/, ''), result);
  }

  @Post('risks')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Identifiera en risk (sannolikhet × konsekvens, 1–5)' })
  async identify(@Body() body: IdentifyRiskDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const riskId = newAggregateId(context, 'risk');
    const knownAreas = (await this.templates.current()).areas.map((a) => a.id);
    return this.send(response, new DecideCommand(riskDecider, riskStreamId(riskId), { type: 'IdentifyRisk', riskId, knownAreas, ...body }, context));
  }

  @Post('risks/:id/assessments')
  @HttpCode(200)
  @Access('county:write', { stream: riskStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Ompröva en risk, med motivering' })
  reassess(@Param('id') id: string, @Body() body: ReassessRiskDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return this.send(response, new DecideCommand(riskDecider, riskStreamId(id), { type: 'ReassessRisk', ...body }, { ...context, reason: body.rationale }));
  }

  @Post('risks/:id/closure')
  @HttpCode(200)
  @Access('county:write', { stream: riskStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Avsluta en risk, med skäl' })
  close(@Param('id') id: string, @Body() body: ReasonDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return this.send(response, new DecideCommand(riskDecider, riskStreamId(id), { type: 'CloseRisk', reason: body.reason }, { ...context, reason: body.reason }));
  }

  @Post('actions')
  @HttpCode(201)
  @Access('county:write', { body: 'orgUnit' })
  @ApiOperation({ summary: 'Föreslå en åtgärd mot risker i samma enhet eller dess överordnade' })
  async propose(@Body() body: ProposeActionDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const actionId = newAggregateId(context, 'action');
    const parent = this.units.get(body.orgUnit)?.parent;
    const risks = await Promise.all(
      body.riskIds.map(async (id) => {
        const state = fold(riskDecider, (await this.store.readStream(riskStreamId(id))) as never[]);
        return state.status === 'none' ? { id } : { id, orgUnit: state.orgUnit, open: state.status === 'open' };
      }),
    );
    const { riskIds: _ids, ...rest } = body;
    return this.send(
      response,
      new DecideCommand(actionDecider, actionStreamId(actionId), { type: 'ProposeAction', actionId, reachableOrgUnits: [body.orgUnit, ...(parent ? [parent] : [])], risks, ...rest }, context),
    );
  }

  @Post('actions/:id/decision')
  @HttpCode(200)
  @Access('county:write', { stream: actionStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Besluta om en åtgärd (godkänd/avslagen), med motivering' })
  decide(@Param('id') id: string, @Body() body: DecideActionDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return this.send(response, new DecideCommand(actionDecider, actionStreamId(id), { type: 'DecideAction', ...body }, { ...context, reason: body.rationale }));
  }

  @Post('actions/:id/status')
  @HttpCode(200)
  @Access('county:write', { stream: actionStreamId, idParam: 'id' })
  @ApiOperation({ summary: 'Starta, slutför eller avbryt en åtgärd' })
  status(@Param('id') id: string, @Body() body: ActionStatusDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return this.send(response, new DecideCommand(actionDecider, actionStreamId(id), { type: 'ChangeActionStatus', ...body }, context));
  }
}
