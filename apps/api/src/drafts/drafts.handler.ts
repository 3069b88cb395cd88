import { CommandHandler } from '@nestjs/cqrs';
import { type Answer, type SupportNeed, ValidationError, draftDecider, draftStreamId, situationReportStreamId } from '@lagesbild/domain';
import { handleCommand, readEvents } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { TemplateCatalog } from '../reference/template-catalog.js';

type Save = {
  type: 'SaveDraft';
  orgUnit: string;
  period: string;
  templateVersion?: number;
  answers: Answer[];
  sources?: string[];
  summary?: string;
  supportNeeded?: SupportNeed;
};

/** A report in progress, saved in parts by any reporter of the unit. */
export class DraftsCommand extends FeatureCommand<Save> {}

@CommandHandler(DraftsCommand)
export class DraftsHandler extends FeatureHandler<DraftsCommand> {
  constructor(private readonly templates: TemplateCatalog) {
    super();
  }

  async execute({ request, context }: DraftsCommand): Promise<Written> {
    const { type: _type, templateVersion, orgUnit, period, ...content } = request;
    const kind = this.units.get(orgUnit)?.kind;
    if (kind !== 'municipality' && kind !== 'district') {
      throw new ValidationError('Only a municipality or a city district reports', [{ path: 'code', message: `${orgUnit} is a ${kind}` }]);
    }
    const template = templateVersion === undefined ? await this.templates.current() : await this.templates.version(templateVersion);
    if (!template) throw new ValidationError('Unknown template version', [{ path: 'templateVersion', message: `there is no version ${templateVersion}` }]);
    const reportSubmitted = (await readEvents(this.store, situationReportStreamId(orgUnit, period))).length > 0;
    const save = { ...content, type: 'SaveDraft' as const, orgUnit, period, template, reportSubmitted };
    return written(await handleCommand(this.store, draftDecider, draftStreamId(orgUnit, period), save, context));
  }
}
