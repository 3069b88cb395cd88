import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type FieldProblem, REPORT_BACK_FORMATS, type ReportBackFormat, ValidationError, isPeriod } from '@lagesbild/domain';
import { type CommandContext, EVENT_STORE, type EventStore } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { CONTENT_TYPES, sha256 } from '@lagesbild/reporting';
import { Access } from '../auth/access.decorator.js';
import { ApiCommandAnswer, ApiQueryAnswer } from '../http/answer.response.js';
import { requireUuid } from '../auth/auth.guard.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { AsOf, type AsOfQuery, resolveAsOf } from '../http/as-of.js';
import { Ctx, answerCommand } from '../http/command-request.js';
import { requireCounty } from '../http/org-unit-checks.js';
import { ProjectionsService } from '../views/projections.service.js';
import { issuedReportBacks } from './issued-report-backs.query.js';
import { IssuedReportBackListResponse } from './issued-report-backs.response.js';
import { IssueReportBackDto } from './report-backs.dto.js';
import { ReportBackService } from './report-back.service.js';
import { ReportBacksCommand } from './report-backs.handler.js';
import { ApiReportBackDocument, IssuedReportBackResponse } from './report-backs.response.js';

function formatOf(value: unknown, problems: FieldProblem[]): ReportBackFormat {
  if (value === undefined) return 'pdf';
  if (typeof value === 'string' && (REPORT_BACK_FORMATS as readonly string[]).includes(value)) return value as ReportBackFormat;
  problems.push({ path: 'format', message: `must be one of ${REPORT_BACK_FORMATS.join(', ')}` });
  return 'pdf';
}

function range(query: Record<string, unknown>, problems: FieldProblem[]): { from: string; to: string } {
  const [from, to] = [query.from, query.to].map((v) => (typeof v === 'string' ? v : ''));
  if (!isPeriod(from!)) problems.push({ path: 'from', message: 'must be a month, YYYY-MM' });
  if (!isPeriod(to!)) problems.push({ path: 'to', message: 'must be a month, YYYY-MM' });
  if (isPeriod(from!) && isPeriod(to!) && from! > to!) problems.push({ path: 'from', message: 'must not be after to' });
  return { from: from!, to: to! };
}

function send(response: Response, format: ReportBackFormat, bytes: Buffer, name: string): StreamableFile {
  response.setHeader('X-Content-SHA256', sha256(bytes));
  return new StreamableFile(bytes, { type: CONTENT_TYPES[format], disposition: `inline; filename="${name}.${format}"`, length: bytes.length });
}

@ApiTags('Återrapportering')
@Controller('org-units/:county')
export class ReportBacksController {
  constructor(
    private readonly reportBacks: ReportBackService,
    private readonly projections: ProjectionsService,
    private readonly commands: CommandBus,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('report-back')
  @Access('view:read', { param: 'county' })
  @ApiQuery({ name: 'from', description: 'YYYY-MM' })
  @ApiQuery({ name: 'to', description: 'YYYY-MM' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_BACK_FORMATS })
  @ApiOperation({ summary: 'Återrapporteringen för en period, som den såg ut vid asOf (samma indata och asOf ger samma bytes)' })
  @ApiReportBackDocument(false, 404)
  async generate(@Param('county') county: string, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery, @Res({ passthrough: true }) response: Response) {
    const problems: FieldProblem[] = [];
    const { from, to } = range(query, problems);
    const format = formatOf(query.format, problems);
    if (problems.length > 0) throw new ValidationError('Bad report-back query', problems);
    requireCounty(this.units, county, 'county');
    // As of a moment asked for, or of the last event recorded (the same bytes until the log moves);
    // either way once the views hold `minPosition` (within 5 s, else 503).
    const asked = await this.projections.asOf(asOf);
    const meta = asOf.asOf || asOf.asOfPosition !== undefined ? asked.meta : await this.reportBacks.latestMoment();
    const bytes = await this.reportBacks.render({ county, from, to }, meta, format);
    response.setHeader('X-As-Of', meta.asOf);
    response.setHeader('X-As-Of-Position', meta.position);
    return send(response, format, bytes, `aterrapportering-${county}-${from}-${to}`);
  }

  @Post('report-backs')
  @HttpCode(201)
  @Access('county:write', { param: 'county' })
  @ApiOperation({ summary: 'Utfärda en återrapportering: loggpositionen och varje formats SHA-256 registreras' })
  @ApiCommandAnswer(201, IssuedReportBackResponse, 404)
  async issue(@Param('county') county: string, @Body() body: IssueReportBackDto, @Ctx() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const issued = await this.commands.execute(new ReportBacksCommand({ ...body, type: 'IssueReportBack', county }, context));
    const { asOf: issuedAsOf, asOfPosition, sha256: digests } = issued;
    const logDigest = issued.logDigest ? { logDigest: issued.logDigest } : {};
    return { ...answerCommand(response, issued.id, issued), sha256: digests.pdf, sha256ByFormat: digests, asOf: issuedAsOf, asOfPosition, ...logDigest };
  }

  @Get('report-backs')
  @Access('view:read', { param: 'county' })
  @ApiOperation({ summary: 'Länets utfärdade återrapporteringar, var och en med loggsammanfattningen {position, hash} den gjordes ur' })
  @ApiQueryAnswer(IssuedReportBackListResponse, 404)
  async list(@Param('county') county: string, @AsOf() asOf: AsOfQuery) {
    requireCounty(this.units, county, 'county');
    const { position, meta } = await resolveAsOf(this.store, asOf);
    return { items: await issuedReportBacks(this.store, county, position), meta };
  }

  @Get('report-backs/:id/document')
  @Access('view:read', { param: 'county' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_BACK_FORMATS })
  @ApiOperation({ summary: 'Återskapa en utfärdad återrapportering; dess SHA-256 är den registrerade' })
  @ApiReportBackDocument(true, 404, 409)
  async document(@Param('county') county: string, @Param('id') id: string, @Query('format') formatQuery: unknown, @Res({ passthrough: true }) response: Response) {
    requireUuid(id, 'id');
    const problems: FieldProblem[] = [];
    const format = formatOf(formatQuery, problems);
    if (problems.length > 0) throw new ValidationError('Bad format', problems);
    const issued = await this.reportBacks.issued(county, id);
    const bytes = await this.reportBacks.render(issued, { asOf: issued.asOf, position: issued.asOfPosition }, format);
    response.setHeader('X-Recorded-SHA256', issued.sha256[format]);
    response.setHeader('X-As-Of', issued.asOf);
    response.setHeader('X-As-Of-Position', issued.asOfPosition);
    return send(response, format, bytes, `aterrapportering-${county}-${issued.from}-${issued.to}`);
  }
}
