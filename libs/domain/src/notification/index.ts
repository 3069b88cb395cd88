export * from './reminders.js';
export * from './reminder.decider.js';
export * from './notification-settings.decider.js';
export * from './mail.decider.js';
