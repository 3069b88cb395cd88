import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';

/**
 * One e-mail of one notification to one address. Queuing it claims the first attempt (its
 * stream's id follows from the notification and the address, so only one process queues it);
 * a later attempt is claimed by `RetryMail` at the revision the sender read, so two processes
 * never send the same attempt. Sent once; failed attempts are tried again later.
 */
export const mailStreamId = (mailId: string) => `mail-${mailId}`;

export type MailCommand =
  | { type: 'QueueMail'; mailId: string; notificationId: string; to: string; subject: string }
  /** `stale`: the last attempt was claimed long ago and never settled (its sender died). */
  | { type: 'RetryMail'; stale: boolean }
  | { type: 'RecordMailSent'; messageId: string }
  | { type: 'RecordMailFailed'; error: string };

export type MailEvent =
  | { type: 'MailQueued'; data: { mailId: string; notificationId: string; to: string; subject: string } }
  | { type: 'MailRetried'; data: { mailId: string; attempt: number } }
  | { type: 'MailSent'; data: { mailId: string; messageId: string } }
  | { type: 'MailFailed'; data: { mailId: string; error: string } };

export type MailState = { status: 'none' } | { status: 'sending' | 'failed' | 'sent'; mailId: string; attempts: number };

export const mailDecider: Decider<MailCommand, MailEvent, MailState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'MailQueued') return { status: 'sending', mailId: event.data.mailId, attempts: 1 };
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'MailRetried':
        return { ...state, status: 'sending', attempts: state.attempts + 1 };
      case 'MailSent':
        return { ...state, status: 'sent' };
      case 'MailFailed':
        return { ...state, status: 'failed' };
    }
  },
  decide: (command, state) => {
    if (command.type === 'QueueMail') {
      if (state.status !== 'none') throw new ConflictError('mail-queued', 'This mail is already queued.');
      const { type: _type, ...data } = command;
      return [{ type: 'MailQueued', data }];
    }
    if (state.status === 'none') throw new NotFoundError('mail-not-found', 'No such mail is queued.');
    if (state.status === 'sent') throw new ConflictError('mail-sent', 'This mail is already sent.');
    switch (command.type) {
      case 'RetryMail':
        if (state.status === 'sending' && !command.stale) throw new ConflictError('mail-sending', 'This mail is being sent.');
        return [{ type: 'MailRetried', data: { mailId: state.mailId, attempt: state.attempts + 1 } }];
      case 'RecordMailSent':
        return [{ type: 'MailSent', data: { mailId: state.mailId, messageId: command.messageId } }];
      case 'RecordMailFailed':
        return [{ type: 'MailFailed', data: { mailId: state.mailId, error: command.error.slice(0, 500) } }];
    }
  },
};
