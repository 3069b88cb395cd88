import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TEMPLATE_STREAM_ID, type TemplateArea, templateDecider } from '@lagesbild/domain';
import { type CommandContext, type CommandResult, EVENT_STORE, type EventStore, handleCommand } from '@lagesbild/event-store';
import { TemplateCatalog } from './template-catalog.js';

export class PublishTemplateCommand extends Command<CommandResult> {
  constructor(readonly body: { areas: TemplateArea[]; changeNote: string }, readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(PublishTemplateCommand)
export class PublishTemplateHandler implements ICommandHandler<PublishTemplateCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly templates: TemplateCatalog) {}

  execute({ body, context }: PublishTemplateCommand): Promise<CommandResult> {
    return handleCommand(
      this.store,
      templateDecider,
      TEMPLATE_STREAM_ID,
      { type: 'PublishTemplateVersion', areas: body.areas, changeNote: body.changeNote, builtIn: this.templates.builtIn },
      context,
    );
  }
}
