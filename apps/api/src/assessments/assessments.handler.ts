import { CommandHandler } from '@nestjs/cqrs';
import { type AssessmentContent, assessmentDecider, assessmentStreamId } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { codesWithin, requireCounty } from '../http/org-unit-checks.js';
import { TemplateCatalog } from '../reference/template-catalog.js';

type Request =
  | ({ type: 'RecordAssessment'; county: string; period: string } & AssessmentContent)
  | ({ type: 'AmendAssessment'; county: string; period: string; reason?: string } & AssessmentContent);

/** The county's regional assessment of a period: a level and a text per area, trends, feedback to its units. */
export class AssessmentsCommand extends FeatureCommand<Request> {}

@CommandHandler(AssessmentsCommand)
export class AssessmentsHandler extends FeatureHandler<AssessmentsCommand> {
  constructor(
    private readonly templates: TemplateCatalog,
  ) {
    super();
  }

  async execute({ request, context }: AssessmentsCommand): Promise<Written> {
    const { county, period } = request;
    requireCounty(this.units, county, 'county');
    // The areas the template knows, and the units the feedback may name.
    const knownAreas = (await this.templates.current()).areas.map((a) => a.id);
    const countyUnits = codesWithin(this.units, county).filter((code) => code !== county);
    const stream = assessmentStreamId(county, period);
    if (request.type === 'RecordAssessment') {
      return written(await handleCommand(this.store, assessmentDecider, stream, { ...request, knownAreas, countyUnits }, context));
    }
    const { county: _county, period: _period, ...amendment } = request;
    const withReason = amendment.reason ? { ...context, reason: amendment.reason } : context;
    return written(await handleCommand(this.store, assessmentDecider, stream, { ...amendment, knownAreas, countyUnits }, withReason));
  }
}
