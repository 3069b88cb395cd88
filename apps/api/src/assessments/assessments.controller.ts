import { Body, Controller, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { assessmentDecider, assessmentStreamId } from '@lagesbild/domain';
import type { CommandContext } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { Ctx, sendCommand } from '../http/command-request.js';
import { DecideCommand } from '../http/decide.command.js';
import { codesWithin, requireCounty } from '../http/org-unit-checks.js';
import { PeriodPipe } from '../http/period.pipe.js';
import { TemplateCatalog } from '../reference/template-catalog.js';

class AreaAssessmentDto {
  @ApiProperty({ example: 'social-risk' }) @IsString() @MaxLength(100) area!: string;
  @ApiProperty({ minimum: 0, maximum: 4 }) @IsInt() @Min(0) @Max(4) level!: number;
  @ApiProperty() @IsString() @MaxLength(20_000) text!: string;
}

class FeedbackDto {
  @ApiProperty({ example: '2085' }) @IsString() orgUnit!: string;
  @ApiProperty() @IsString() @MaxLength(10_000) message!: string;
}

export class AssessmentDto {
  @ApiProperty({ type: [AreaAssessmentDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AreaAssessmentDto) areas!: AreaAssessmentDto[];
  @ApiProperty() @IsString() @MaxLength(20_000) trends!: string;
  @ApiProperty({ type: [FeedbackDto] }) @IsArray() @ArrayMaxSize(400) @ValidateNested({ each: true }) @Type(() => FeedbackDto) feedback!: FeedbackDto[];
}

export class AssessmentAmendmentDto extends AssessmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

@ApiTags('Län')
@Controller('org-units/:county/assessments/:period')
export class AssessmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly templates: TemplateCatalog,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  private async facts(county: string) {
    requireCounty(this.units, county, 'county');
    const knownAreas = (await this.templates.current()).areas.map((a) => a.id);
    const countyUnits = codesWithin(this.units, county).filter((code) => code !== county);
    return { knownAreas, countyUnits };
  }

  @Put()
  @HttpCode(201)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Samlad regional lägesbild för perioden: nivå och text per område, trender, återkoppling' })
  async record(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: AssessmentDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'RecordAssessment' as const, county, period, ...body, ...(await this.facts(county)) };
    return sendCommand(this.commands, response, new DecideCommand(assessmentDecider, assessmentStreamId(county, period), command, context));
  }

  @Post('amendments')
  @HttpCode(200)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Ändra den regionala lägesbilden' })
  async amend(
    @Param('county') county: string,
    @Param('period', PeriodPipe) period: string,
    @Body() body: AssessmentAmendmentDto,
    @Ctx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'AmendAssessment' as const, ...body, ...(await this.facts(county)) };
    const withReason = body.reason ? { ...context, reason: body.reason } : context;
    return sendCommand(this.commands, response, new DecideCommand(assessmentDecider, assessmentStreamId(county, period), command, withReason));
  }
}
