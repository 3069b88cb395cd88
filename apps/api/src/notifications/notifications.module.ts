import { Module } from '@nestjs/common';
import { NotificationScheduler } from './notification-scheduler.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsHandler } from './notifications.handler.js';

/** Each caller's notifications, their mail settings, and the reminder pass and mail outbox that run by themselves. */
@Module({ controllers: [NotificationsController], providers: [NotificationsHandler, NotificationScheduler], exports: [NotificationScheduler] })
export class NotificationsModule {}
