import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConflictError, NotFoundError, type Period, REPORT_BACK_FORMATS, type ReportBackEvent, type ReportBackFormat, reportBackStreamId } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, readEvents } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { RENDERER_VERSION, type ReportBack, assembleReportBack, citedSourcesFromLog, logDigestAt, renderReportBack, sha256 } from '@lagesbild/reporting';
import { ORG_UNITS } from '../auth/auth.tokens.js';
import { type AnswerMeta, resolveAsOf } from '../http/as-of.js';
import { TemplateCatalog } from '../reference/template-catalog.js';
import { ProjectionsService } from '../views/projections.service.js';

export interface ReportBackInput {
  county: string;
  from: Period;
  to: Period;
  title?: string;
  reference?: string;
  /** Who issues it (Handläggare); absent in a draft. */
  issuedBy?: string;
}

/** An issued report-back as recorded, with the name of who issued it. */
export type IssuedReportBack = ReportBackEvent['data'] & { issuedBy?: string };

/** Generates report-backs from the views as of a moment, and regenerates issued ones. */
@Injectable()
export class ReportBackService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
    private readonly projections: ProjectionsService,
    private readonly templates: TemplateCatalog,
  ) {}

  /** The moment of the newest event: what "now" means for a document that must be reproducible. */
  async latestMoment(): Promise<AnswerMeta> {
    return (await resolveAsOf(this.store, { asOfPosition: await this.store.headPosition() })).meta;
  }

  /** The report as of `meta`: the views and the template as they then stood. */
  private async assemble(input: ReportBackInput, meta: AnswerMeta): Promise<ReportBack> {
    const position = BigInt(meta.position);
    const reader = await this.projections.readerAt(position);
    if (!reader) throw new ServiceUnavailableException('The views have not caught up yet; try again shortly');
    const versions = await this.templates.versions(position);
    const logDigest = await logDigestAt(this.store, position);
    return assembleReportBack(reader, this.units, versions[versions.length - 1]!, {
      ...input,
      asOf: meta.asOf,
      position: meta.position,
      ...(logDigest ? { logDigest } : {}),
      citedSources: citedSourcesFromLog(this.store, position),
    });
  }

  /** The document in one format, as of `meta`. */
  async render(input: ReportBackInput, meta: AnswerMeta, format: ReportBackFormat): Promise<Buffer> {
    return renderReportBack(await this.assemble(input, meta), format);
  }

  /** Every format's SHA-256, as recorded when a report-back is issued: one assembly, four renderings. */
  async digests(input: ReportBackInput, meta: AnswerMeta): Promise<Record<ReportBackFormat, string>> {
    const report = await this.assemble(input, meta);
    const entries = await Promise.all(REPORT_BACK_FORMATS.map(async (format) => [format, sha256(await renderReportBack(report, format))] as const));
    return Object.fromEntries(entries) as Record<ReportBackFormat, string>;
  }

  /** An issued report-back of a county, or 404. */
  async issued(county: string, id: string): Promise<IssuedReportBack> {
    const [event] = await readEvents<ReportBackEvent>(this.store, reportBackStreamId(id));
    const data = event?.data;
    if (!data || data.county !== county) throw new NotFoundError('not-found', `County ${county} has issued no report-back ${id}`);
    if ((data.rendererVersion ?? 1) !== RENDERER_VERSION) {
      // Never hand out a regeneration that would not match what was sent.
      throw new ConflictError('conflict', `Report-back ${id} was made by renderer version ${data.rendererVersion}; this build renders version ${RENDERER_VERSION}`);
    }
    const issuedBy = event.metadata.actor?.name;
    return { ...data, ...(issuedBy ? { issuedBy } : {}) };
  }
}
