import { CommandHandler } from '@nestjs/cqrs';
import { TEMPLATE_STREAM_ID, type TemplateArea, ValidationError, districtDecider, districtsStreamId, templateDecider } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { DistrictCatalog } from './district-catalog.js';
import { TemplateCatalog } from './template-catalog.js';

type Publish = { type: 'PublishTemplateVersion'; areas: TemplateArea[]; changeNote: string };
type AddDistrict = { type: 'AddDistrict'; municipality: string; code: string; name: string };

/** The reference data that changes: the report template's versions, and a city's districts. */
export class ReferenceCommand extends FeatureCommand<Publish | AddDistrict> {}

@CommandHandler(ReferenceCommand)
export class ReferenceHandler extends FeatureHandler<ReferenceCommand> {
  constructor(
    private readonly templates: TemplateCatalog,
    private readonly districts: DistrictCatalog,
  ) {
    super();
  }

  async execute({ request, context }: ReferenceCommand): Promise<Written> {
    if (request.type === 'AddDistrict') return this.addDistrict(request, context);
    const { areas, changeNote } = request;
    const result = await handleCommand(this.store, templateDecider, TEMPLATE_STREAM_ID, { type: 'PublishTemplateVersion', areas, changeNote, builtIn: this.templates.builtIn }, context);
    return written(result, 'template');
  }

  private async addDistrict({ municipality, code, name }: AddDistrict, context: ReferenceCommand['context']): Promise<Written> {
    if (this.units.get(municipality)?.kind !== 'municipality') {
      throw new ValidationError('Not a municipality', [{ path: 'code', message: `${municipality} is not a municipality` }]);
    }
    const knownCodes = this.units.all().map((u) => u.code);
    const result = await handleCommand(this.store, districtDecider, districtsStreamId(municipality), { type: 'AddDistrict', municipality, code, name, knownCodes }, context);
    this.districts.learn({ municipality, code, name: name.trim() });
    return written(result, code);
  }
}
