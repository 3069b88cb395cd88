import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/**
 * A municipality's request for the county's support: opened by a report's support need or
 * directly, acknowledged with a reply, then resolved (with what answered it) or declined
 * with a reason. The municipality sees every step and its text.
 */
export const supportRequestStreamId = (requestId: string) => `support-request-${requestId}`;

export const SUPPORT_REQUEST_STATUSES = ['open', 'acknowledged', 'resolved', 'declined'] as const;
export type SupportRequestStatus = (typeof SUPPORT_REQUEST_STATUSES)[number];

/** Where a request came from: a report's support need (its period), or asked for directly. */
export type SupportRequestSource = { report: { period: string } } | { direct: true };

export type SupportRequestCommand =
  | { type: 'OpenSupportRequest'; requestId: string; orgUnit: string; county: string; description: string; source: SupportRequestSource }
  | { type: 'AcknowledgeSupportRequest'; reply: string }
  | { type: 'ResolveSupportRequest'; outcome: string; supportCaseId?: string; activityId?: string }
  | { type: 'DeclineSupportRequest'; reason: string };

export type SupportRequestEvent =
  | { type: 'SupportRequestOpened'; data: { requestId: string; orgUnit: string; county: string; description: string; source: SupportRequestSource } }
  | { type: 'SupportRequestAcknowledged'; data: { requestId: string; reply: string } }
  | { type: 'SupportRequestResolved'; data: { requestId: string; outcome: string; supportCaseId?: string; activityId?: string } }
  | { type: 'SupportRequestDeclined'; data: { requestId: string; reason: string } };

export type SupportRequestState = { status: 'none' } | { status: SupportRequestStatus; requestId: string };

const TEXT_MAX = 4000;

const moved = (state: SupportRequestState, status: SupportRequestStatus): SupportRequestState => (state.status === 'none' ? state : { ...state, status });

export const supportRequestDecider: Decider<SupportRequestCommand, SupportRequestEvent, SupportRequestState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SupportRequestOpened':
        return { status: 'open', requestId: event.data.requestId };
      case 'SupportRequestAcknowledged':
        return moved(state, 'acknowledged');
      case 'SupportRequestResolved':
        return moved(state, 'resolved');
      case 'SupportRequestDeclined':
        return moved(state, 'declined');
    }
  },
  decide: (command, state) => {
    if (command.type === 'OpenSupportRequest') {
      if (state.status !== 'none') throw new ConflictError('support-request-exists', 'This support request is already open.');
      new Problems().text(command.description, 'description', TEXT_MAX).throwIfAny('The support request needs a description');
      const { requestId, orgUnit, county, source } = command;
      return [{ type: 'SupportRequestOpened', data: { requestId, orgUnit, county, description: command.description.trim(), source } }];
    }
    if (state.status === 'none') throw new NotFoundError('support-request-not-found', 'There is no such support request.');
    if (state.status === 'resolved' || state.status === 'declined') {
      throw new ConflictError('support-request-closed', `The support request is already ${state.status === 'resolved' ? 'resolved' : 'declined'}.`);
    }
    const { requestId } = state;
    switch (command.type) {
      case 'AcknowledgeSupportRequest':
        if (state.status === 'acknowledged') throw new ConflictError('support-request-acknowledged', 'The support request is already acknowledged.');
        new Problems().text(command.reply, 'reply', TEXT_MAX).throwIfAny('The acknowledgement needs a reply');
        return [{ type: 'SupportRequestAcknowledged', data: { requestId, reply: command.reply.trim() } }];
      case 'ResolveSupportRequest': {
        new Problems().text(command.outcome, 'outcome', TEXT_MAX).throwIfAny('The resolution needs its outcome');
        const { supportCaseId, activityId } = command;
        return [
          {
            type: 'SupportRequestResolved',
            data: { requestId, outcome: command.outcome.trim(), ...(supportCaseId ? { supportCaseId } : {}), ...(activityId ? { activityId } : {}) },
          },
        ];
      }
      case 'DeclineSupportRequest':
        new Problems().text(command.reason, 'reason', TEXT_MAX).throwIfAny('A decline needs its reason');
        return [{ type: 'SupportRequestDeclined', data: { requestId, reason: command.reason.trim() } }];
    }
  },
};
