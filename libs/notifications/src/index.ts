export { runReminderPass, type ReminderPassResult } from './reminder-pass.js';
export { MailOutbox, type MailOutboxOptions, type Notification, type OutboxPassResult } from './mail-outbox.js';
export { smtpTransport, type MailTransport, type MailMessage } from './mail-transport.js';
export { mailOf } from './mail-text.js';
