import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Principal } from '@lagesbild/auth';
import { type FieldProblem, ValidationError } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, checkAnchors, checkCheckpoints, verifyWithAnchors } from '@lagesbild/event-store';
import { SUBJECT_KEY_STORE, type SubjectKeyStore } from '@lagesbild/personal-data';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { Access } from '../auth/access.decorator.js';
import { ApiQueryAnswer } from '../http/answer.response.js';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { CurrentPrincipal } from '../auth/principal.decorator.js';
import { AsOf, type AsOfQuery, parseInstant, resolveAsOf } from '../http/as-of.js';
import { AUDIT_CSV_COLUMNS, AuditTrail, csvRow } from './audit-trail.js';
import { ApiAuditPage, VerificationResponse } from './audit.response.js';
import { CheckpointService } from './checkpoint.service.js';
import { parseVerificationQuery } from './verification-query.js';

const FORMATS = ['json', 'ndjson', 'csv'] as const;
const MAX_LIMIT = 1000;
const POSITION = /^\d{1,19}$/;

@ApiTags('Granskning')
@Controller('audit')
export class AuditController {
  private readonly trail: AuditTrail;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    @Inject(SUBJECT_KEY_STORE) keys: SubjectKeyStore,
    private readonly checkpoints: CheckpointService,
  ) {
    this.trail = new AuditTrail(store, units, async (subjectId) => (await keys.get(subjectId)) !== undefined);
  }

  @Get()
  @Access('audit:read', { query: 'orgUnit' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'händelser för enheten och allt under den (standard: din egen)' })
  @ApiQuery({ name: 'actor', required: false, description: 'användar-id' })
  @ApiQuery({ name: 'stream', required: false })
  @ApiQuery({ name: 'type', required: false, description: 'händelsetyp; flera med komma' })
  @ApiQuery({ name: 'from', required: false, description: 'registrerad från och med (ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'registrerad före (ISO 8601)' })
  @ApiQuery({ name: 'after', required: false, description: 'position: nästa sida börjar efter den (svarets next)' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_LIMIT}, standard 100` })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiOperation({ summary: 'Granskningsspåret: varje händelse med aktör, roll, organisation, tid, skäl och korrelation' })
  @ApiAuditPage()
  async audit(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>, @AsOf() asOf: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const problems: FieldProblem[] = [];
    const text = (name: string) => {
      const value = query[name];
      if (value === undefined) return undefined;
      if (typeof value === 'string' && value.length > 0 && value.length <= 300) return value;
      problems.push({ path: name, message: 'must be given once, as a non-empty text of at most 300 characters' });
      return undefined;
    };
    const time = (name: string) => {
      const value = text(name);
      if (value === undefined) return undefined;
      const instant = parseInstant(value);
      if (!instant) problems.push({ path: name, message: 'must be an ISO 8601 time, e.g. 2026-03-01T00:00:00Z' });
      return instant;
    };
    const format = text('format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) problems.push({ path: 'format', message: `must be one of ${FORMATS.join(', ')}` });
    const after = text('after') ?? '0';
    if (!POSITION.test(after)) problems.push({ path: 'after', message: 'must be a log position (a whole number)' });
    const limit = Number(text('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) problems.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` });
    const [from, to] = [time('from'), time('to')];
    const types = text('type');
    const [actor, stream] = [text('actor'), text('stream')];
    if (problems.length > 0) throw new ValidationError('Bad audit query', problems);

    const { position, meta } = await resolveAsOf(this.store, asOf);
    const page = await this.trail.page({
      orgUnit: (query.orgUnit as string | undefined) ?? principal.org,
      ...(actor !== undefined ? { actor } : {}),
      ...(stream !== undefined ? { stream } : {}),
      ...(types !== undefined ? { types: new Set(types.split(',').map((t) => t.trim())) } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      after: BigInt(after),
      upTo: position,
      limit,
      // "No support-case details" for the national reader; auditors and the county's analysts see them (personal data sealed).
      withholdSupportCases: !principal.roles.some((role) => role === 'auditor' || role === 'county_analyst'),
    });
    if (page.next !== null) res.setHeader('X-Next-After', page.next);
    res.setHeader('X-As-Of', meta.asOf);
    res.setHeader('X-As-Of-Position', meta.position);
    if (format === 'ndjson') {
      res.type('application/x-ndjson');
      return page.entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    }
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      return stringify(page.entries.map(csvRow), { header: true, columns: [...AUDIT_CSV_COLUMNS] });
    }
    return { items: page.entries, next: page.next, scanned: page.scanned, meta };
  }

  @Get('verification')
  @Access('audit:read', 'principal')
  @Header('Cache-Control', 'no-store')
  @ApiQuery({ name: 'anchor', required: false, isArray: true, description: 'POSITION:HASH, en loggsammanfattning som förvarats utanför loggen (t.ex. ur en utfärdad återrapportering); flera går' })
  @ApiQuery({ name: 'checkpoints', required: false, enum: ['true', 'false'], description: 'kontrollera också mot de signerade kontrollpunkterna' })
  @ApiOperation({ summary: 'Manipulationskontroll av händelseloggen, hela eller som den var vid asOf, och mot givna ankare: {ok, checked, firstBrokenPosition?}' })
  @ApiQueryAnswer(VerificationResponse)
  async verification(@AsOf() asOf: AsOfQuery, @Query() query: Record<string, unknown>) {
    const { anchors, checkpoints } = parseVerificationQuery(query);
    const { position, meta } = await resolveAsOf(this.store, asOf);
    const checks = [
      ...(anchors.length > 0 ? [() => checkAnchors(this.store, anchors)] : []),
      ...(checkpoints ? [() => checkCheckpoints(this.store, this.checkpoints.all(), this.checkpoints.publicKey)] : []),
    ];
    const result = await verifyWithAnchors(this.store, checks, { toPosition: position });
    return {
      ok: result.ok,
      checked: result.checked,
      ...(result.firstBrokenPosition !== undefined ? { firstBrokenPosition: result.firstBrokenPosition.toString(), reason: result.reason } : {}),
      meta,
    };
  }
}
