import { CommandHandler } from '@nestjs/cqrs';
import { type ReportBackFormat, ValidationError, reportBackDecider, reportBackStreamId } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { RENDERER_VERSION } from '@lagesbild/reporting';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { newAggregateId } from '../http/new-id.js';
import { requireCounty } from '../http/org-unit-checks.js';
import { CheckpointService } from '../audit/checkpoint.service.js';
import { type LogDigest, logDigestOf } from './issued-report-backs.query.js';
import { ReportBackService } from './report-back.service.js';

type Issue = { type: 'IssueReportBack'; county: string; from: string; to: string; title: string; reference: string };

/** What issuing answers besides the command's result: the moment the document is of, and each format's digest. */
export interface Issued extends Written {
  asOf: string;
  asOfPosition: string;
  sha256: Record<ReportBackFormat, string>;
  logDigest?: LogDigest;
}

/** Issuing a report-back: the log's moment and every format's SHA-256 are recorded, so it regenerates exactly. */
export class ReportBacksCommand extends FeatureCommand<Issue, Issued> {}

@CommandHandler(ReportBacksCommand)
export class ReportBacksHandler extends FeatureHandler<ReportBacksCommand, Issued> {
  constructor(
    private readonly reportBacks: ReportBackService,
    private readonly checkpoints: CheckpointService,
  ) {
    super();
  }

  async execute({ request, context }: ReportBacksCommand): Promise<Issued> {
    const { type: _type, ...input } = request;
    requireCounty(this.units, input.county, 'county');
    if (input.from > input.to) throw new ValidationError('Bad range', [{ path: 'from', message: 'must not be after to' }]);
    const meta = await this.reportBacks.latestMoment();
    // The issuer is the document's Handläggare: regenerating it reads the same name from the event's actor.
    const sha256 = await this.reportBacks.digests({ ...input, issuedBy: context.actor.name }, meta);
    const reportBackId = newAggregateId(context, 'report-back');
    const issue = { type: 'IssueReportBack' as const, reportBackId, ...input, asOf: meta.asOf, asOfPosition: meta.position, rendererVersion: RENDERER_VERSION, sha256 };
    const result = await handleCommand(this.store, reportBackDecider, reportBackStreamId(reportBackId), issue, context);
    // The issue is an anchor twice over: the document prints the digest, and a checkpoint signs the head.
    await this.checkpoints.checkpoint(result.position);
    const logDigest = await logDigestOf(this.store, meta.position);
    return { ...written(result, reportBackId), asOf: meta.asOf, asOfPosition: meta.position, sha256, ...(logDigest ? { logDigest } : {}) };
  }
}
