import { CommandHandler } from '@nestjs/cqrs';
import { TEMPLATE_STREAM_ID, type TemplateArea, templateDecider } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { TemplateCatalog } from './template-catalog.js';

type Publish = { type: 'PublishTemplateVersion'; areas: TemplateArea[]; changeNote: string };

/** The report template: a new version published from the current one. */
export class ReferenceCommand extends FeatureCommand<Publish> {}

@CommandHandler(ReferenceCommand)
export class ReferenceHandler extends FeatureHandler<ReferenceCommand> {
  constructor(
    private readonly templates: TemplateCatalog,
  ) {
    super();
  }

  async execute({ request, context }: ReferenceCommand): Promise<Written> {
    const { areas, changeNote } = request;
    const result = await handleCommand(this.store, templateDecider, TEMPLATE_STREAM_ID, { type: 'PublishTemplateVersion', areas, changeNote, builtIn: this.templates.builtIn }, context);
    return written(result, 'template');
  }
}
