import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/**
 * Support cases (individärenden): a municipality asks the county for support with a person of
 * concern. The subject's personal data never reaches the domain in clear: the caller seals it
 * (encrypted with a key of its own per subject) and the events carry only the sealed text, so
 * destroying the key erases the subject everywhere, for good.
 */
export const supportCaseStreamId = (caseId: string) => `support-case-${caseId}`;
/** Reads of a case are recorded on a stream of their own, so they never race its commands. */
export const supportCaseAccessStreamId = (caseId: string) => `support-case-access-${caseId}`;
/** Whether a stream is a support case's, or the record of its reads. */
export const isSupportCaseStream = (streamId: string) => streamId.startsWith('support-case-');

export const SUPPORT_CATEGORIES = ['violent-extremism', 'radicalisation-concern', 'threats-and-hate', 'return-from-conflict-zone', 'other'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];
export const REFERRAL_TARGETS = ['cve', 'exit-programme', 'social-services', 'police', 'healthcare', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** The subject as the events hold it: an id for its key, and the sealed personal data. */
export interface SealedSubject {
  subjectId: string;
  sealed: string;
}

export type SupportCaseCommand =
  | { type: 'OpenSupportCase'; caseId: string; orgUnit: string; county: string; category: string; requestedSupport: string; subject?: SealedSubject; today: string }
  | { type: 'RecordConsultation'; date: string; summary: string; today: string }
  | { type: 'ReferSupportCase'; to: string; note: string; today: string }
  | { type: 'CloseSupportCase'; outcome: string }
  | { type: 'EraseSubject'; legalBasis: string };

export type SupportCaseEvent =
  | { type: 'SupportCaseOpened'; data: { caseId: string; orgUnit: string; county: string; category: SupportCategory; requestedSupport: string; subject?: SealedSubject; openedOn: string } }
  | { type: 'SupportCaseConsulted'; data: { caseId: string; date: string; summary: string } }
  | { type: 'SupportCaseReferred'; data: { caseId: string; to: ReferralTarget; note: string; referredOn: string } }
  | { type: 'SupportCaseClosed'; data: { caseId: string; outcome: string } }
  | { type: 'SupportCaseSubjectErased'; data: { caseId: string; subjectId: string; legalBasis: string } };

export type SupportCaseState =
  | { status: 'none' }
  | { status: 'open' | 'closed'; caseId: string; subjectId?: string; erased: boolean };

export const supportCaseDecider: Decider<SupportCaseCommand, SupportCaseEvent, SupportCaseState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SupportCaseOpened':
        return { status: 'open', caseId: event.data.caseId, ...(event.data.subject ? { subjectId: event.data.subject.subjectId } : {}), erased: false };
      case 'SupportCaseClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
      case 'SupportCaseSubjectErased':
        return state.status === 'none' ? state : { ...state, erased: true };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    if (command.type === 'OpenSupportCase') {
      if (state.status !== 'none') throw new ConflictError('support-case-exists', 'This support case is already open.');
      new Problems()
        .check((SUPPORT_CATEGORIES as readonly string[]).includes(command.category), 'category', `must be one of ${SUPPORT_CATEGORIES.join(', ')}`)
        .text(command.requestedSupport, 'requestedSupport', 4000)
        .throwIfAny('The support case is not well described');
      const { caseId, orgUnit, county, subject } = command;
      return [{ type: 'SupportCaseOpened', data: { caseId, orgUnit, county, category: command.category as SupportCategory, requestedSupport: command.requestedSupport.trim(), ...(subject ? { subject } : {}), openedOn: command.today } }];
    }
    if (state.status === 'none') throw new NotFoundError('support-case-not-found', 'There is no such support case.');
    switch (command.type) {
      case 'RecordConsultation':
        if (state.status === 'closed') throw new ConflictError('support-case-closed', 'The support case is closed.');
        new Problems().date(command.date, 'date').check(command.date <= command.today, 'date', 'cannot be in the future').text(command.summary, 'summary', 4000).throwIfAny('The consultation is not well described');
        return [{ type: 'SupportCaseConsulted', data: { caseId: state.caseId, date: command.date, summary: command.summary.trim() } }];
      case 'ReferSupportCase':
        if (state.status === 'closed') throw new ConflictError('support-case-closed', 'The support case is closed.');
        new Problems()
          .check((REFERRAL_TARGETS as readonly string[]).includes(command.to), 'to', `must be one of ${REFERRAL_TARGETS.join(', ')}`)
          .text(command.note, 'note', 4000)
          .throwIfAny('The referral is not well described');
        return [{ type: 'SupportCaseReferred', data: { caseId: state.caseId, to: command.to as ReferralTarget, note: command.note.trim(), referredOn: command.today } }];
      case 'CloseSupportCase':
        if (state.status === 'closed') throw new ConflictError('support-case-closed', 'The support case is already closed.');
        new Problems().text(command.outcome, 'outcome', 4000).throwIfAny('The closure is not well described');
        return [{ type: 'SupportCaseClosed', data: { caseId: state.caseId, outcome: command.outcome.trim() } }];
      case 'EraseSubject':
        if (!state.subjectId) throw new ConflictError('no-subject', 'This support case has no subject to erase.');
        if (state.erased) throw new ConflictError('subject-erased', 'The subject is already erased.');
        new Problems().text(command.legalBasis, 'legalBasis', 1000).throwIfAny('The erasure needs its legal basis');
        return [{ type: 'SupportCaseSubjectErased', data: { caseId: state.caseId, subjectId: state.subjectId, legalBasis: command.legalBasis.trim() } }];
    }
  },
};

/** A read of a case's details or of its access log: who read is in the event's metadata. */
export interface RecordCaseAccess {
  type: 'RecordCaseAccess';
  caseId: string;
  read: 'details' | 'access-log';
  purpose?: string;
}
export type CaseAccessEvent = { type: 'SupportCaseAccessed'; data: { caseId: string; read: 'details' | 'access-log'; purpose?: string } };

export const caseAccessDecider: Decider<RecordCaseAccess, CaseAccessEvent, null> = {
  initialState: () => null,
  evolve: () => null,
  decide: (c) => {
    new Problems().check(c.purpose === undefined || c.purpose.length <= 500, 'purpose', 'must be at most 500 characters').throwIfAny('Bad purpose');
    return [{ type: 'SupportCaseAccessed', data: { caseId: c.caseId, read: c.read, ...(c.purpose ? { purpose: c.purpose } : {}) } }];
  },
};
