import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type FieldProblem, SUPPORT_REQUEST_STATUSES, type SupportRequestStatus, ValidationError, supportRequestStreamId } from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import { supportRequestsWithin } from '@lagesbild/projections';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { AsOf, type AsOfQuery } from '../http/as-of.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { JsonAnswerInterceptor } from '../http/json-answer.js';
import { ProjectionsService } from '../views/projections.service.js';
import { AcknowledgementDto, DeclineDto, OpenSupportRequestDto, ResolutionDto } from './support-requests.dto.js';
import { SupportRequestsCommand } from './support-requests.handler.js';
import { SupportRequestListResponse } from './support-requests.response.js';

const requestStream = { stream: supportRequestStreamId, idParam: 'id' };

/** The inbox's filters, each checked: a bad one is a 400 naming it. */
function filterOf(status: unknown, municipality: unknown, within: (code: string) => boolean): { status?: SupportRequestStatus; municipality?: string } {
  const problems: FieldProblem[] = [];
  if (status !== undefined && !(SUPPORT_REQUEST_STATUSES as readonly unknown[]).includes(status)) {
    problems.push({ path: 'status', message: `must be one of ${SUPPORT_REQUEST_STATUSES.join(', ')}` });
  }
  if (municipality !== undefined && (typeof municipality !== 'string' || !within(municipality))) {
    problems.push({ path: 'municipality', message: `${JSON.stringify(municipality)} is not a municipality within the org unit asked for` });
  }
  if (problems.length > 0) throw new ValidationError('Bad support-request filter', problems);
  return { ...(status !== undefined ? { status: status as SupportRequestStatus } : {}), ...(municipality !== undefined ? { municipality: municipality as string } : {}) };
}

@ApiTags('Stödbegäranden')
@Controller()
export class SupportRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  @Post('support-requests')
  @HttpCode(201)
  @Access('report:write', { body: 'municipality' })
  @ApiOperation({ summary: 'Begär stöd från länsstyrelsen (öppnas också av en rapports stödbehov)' })
  @ApiCommandAnswer(201)
  open(@Body() body: OpenSupportRequestDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportRequestsCommand({ ...body, type: 'OpenSupportRequest', source: { direct: true } }, context));
  }

  @Get('org-units/:code/support-requests')
  @UseInterceptors(JsonAnswerInterceptor)
  @Access('support-request:read', { param: 'code' })
  @ApiOperation({ summary: 'Stödbegäranden: länets inkorg (filtrera på status och kommun), eller kommunens egna med varje svar' })
  @ApiQuery({ name: 'status', required: false, enum: SUPPORT_REQUEST_STATUSES })
  @ApiQuery({ name: 'municipality', required: false, description: 'bara denna kommun (länets inkorg)' })
  @ApiQueryAnswer(SupportRequestListResponse, 404)
  list(@Param('code') code: string, @Query('status') status: unknown, @Query('municipality') municipality: unknown, @AsOf() asOf: AsOfQuery) {
    const filter = filterOf(status, municipality, (m) => this.units.isWithin(m, code));
    return this.projections.answer(`support-requests|${code}|${filter.status ?? ''}|${filter.municipality ?? ''}`, asOf, async (reader) => ({
      orgUnit: code,
      items: await supportRequestsWithin(reader, this.units, code, filter),
    }));
  }

  @Post('support-requests/:id/acknowledgement')
  @HttpCode(200)
  @Access('support-request:answer', requestStream)
  @ApiOperation({ summary: 'Bekräfta en stödbegäran med ett svar till kommunen' })
  @ApiCommandAnswer(200, undefined, 404)
  acknowledge(@Param('id') id: string, @Body() body: AcknowledgementDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportRequestsCommand({ type: 'AcknowledgeSupportRequest', requestId: id, reply: body.reply }, context));
  }

  @Post('support-requests/:id/resolution')
  @HttpCode(200)
  @Access('support-request:answer', requestStream)
  @ApiOperation({ summary: 'Avsluta en stödbegäran med vad som gjordes (ett individärende eller en aktivitet)' })
  @ApiCommandAnswer(200, undefined, 404)
  resolve(@Param('id') id: string, @Body() body: ResolutionDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportRequestsCommand({ ...body, type: 'ResolveSupportRequest', requestId: id }, context));
  }

  @Post('support-requests/:id/decline')
  @HttpCode(200)
  @Access('support-request:answer', requestStream)
  @ApiOperation({ summary: 'Avböj en stödbegäran, med skäl' })
  @ApiCommandAnswer(200, undefined, 404)
  decline(@Param('id') id: string, @Body() body: DeclineDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    return sendCommand(this.commands, response, new SupportRequestsCommand({ type: 'DeclineSupportRequest', requestId: id, reason: body.reason }, { ...context, reason: body.reason }));
  }
}
