import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TEMPLATE_STREAM_ID, type TemplateArea, templateDecider } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, type Written, written } from '../http/feature-command.js';
import { TemplateCatalog } from './template-catalog.js';

type Publish = { type: 'PublishTemplateVersion'; areas: TemplateArea[]; changeNote: string };

/** The report template: a new version published from the current one. */
export class ReferenceCommand extends FeatureCommand<Publish> {}

@CommandHandler(ReferenceCommand)
export class ReferenceHandler implements ICommandHandler<ReferenceCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly templates: TemplateCatalog,
  ) {}

  async execute({ request, context }: ReferenceCommand): Promise<Written> {
    const { areas, changeNote } = request;
    const result = await handleCommand(this.store, templateDecider, TEMPLATE_STREAM_ID, { type: 'PublishTemplateVersion', areas, changeNote, builtIn: this.templates.builtIn }, context);
    return written(result, 'template');
  }
}
