import { CommandHandler } from '@nestjs/cqrs';
import { notificationSettingsDecider, notificationSettingsStreamId } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';

type ChangeSettings = { type: 'ChangeNotificationSettings'; email?: string; kinds?: string[] };

/** A user's own notification settings: where mail goes, and which kinds. */
export class NotificationsCommand extends FeatureCommand<ChangeSettings> {}

@CommandHandler(NotificationsCommand)
export class NotificationsHandler extends FeatureHandler<NotificationsCommand> {
  async execute({ request, context }: NotificationsCommand): Promise<Written> {
    const { id, name, org, roles } = context.actor;
    const command = { ...request, user: { id, name, org, roles } };
    return written(await handleCommand(this.store, notificationSettingsDecider, notificationSettingsStreamId(id), command, context), id);
  }
}
