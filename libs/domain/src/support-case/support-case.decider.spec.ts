import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type SupportCaseEvent, supportCaseDecider } from './support-case.decider.js';

const supportCase = specFor(supportCaseDecider);
const subject = { subjectId: 's-1', sealed: 'v1.AAAA' };
const open = { type: 'OpenSupportCase' as const, caseId: 'c-1', orgUnit: '2085', county: '20', category: 'radicalisation-concern', requestedSupport: ' Samtalsstöd ', subject, today: '2026-11-02' };
const opened: SupportCaseEvent = {
  type: 'SupportCaseOpened',
  data: { caseId: 'c-1', orgUnit: '2085', county: '20', category: 'radicalisation-concern', requestedSupport: 'Samtalsstöd', subject, openedOn: '2026-11-02' },
};
const closed: SupportCaseEvent = { type: 'SupportCaseClosed', data: { caseId: 'c-1', outcome: 'Avslutat' } };

describe('support case', () => {
  it('opens with its category, the support asked for and the sealed subject', () => {
    supportCase().when(open).then([opened]);
  });

  it('names a bad category and an empty request', () => {
    supportCase().when({ ...open, category: 'gossip', requestedSupport: ' ' }).thenThrows('validation-failed', ['category', 'requestedSupport']);
  });

  it('records consultations and referrals while open, not after closure', () => {
    supportCase([opened]).when({ type: 'RecordConsultation', date: '2026-11-03', summary: 'Möte med skolan', today: '2026-11-05' }).then([
      { type: 'SupportCaseConsulted', data: { caseId: 'c-1', date: '2026-11-03', summary: 'Möte med skolan' } },
    ]);
    supportCase([opened]).when({ type: 'ReferSupportCase', to: 'exit-programme', note: 'Avhopparverksamhet', today: '2026-11-05' }).then([
      { type: 'SupportCaseReferred', data: { caseId: 'c-1', to: 'exit-programme', note: 'Avhopparverksamhet', referredOn: '2026-11-05' } },
    ]);
    supportCase([opened, closed]).when({ type: 'RecordConsultation', date: '2026-11-03', summary: 'x', today: '2026-11-05' }).thenThrows('support-case-closed');
    supportCase([opened]).when({ type: 'ReferSupportCase', to: 'nowhere', note: 'x', today: '2026-11-05' }).thenThrows('validation-failed', ['to']);
  });

  it('erases the subject once, with its legal basis, also after closure', () => {
    const erased: SupportCaseEvent = { type: 'SupportCaseSubjectErased', data: { caseId: 'c-1', subjectId: 's-1', legalBasis: 'GDPR art. 17' } };
    supportCase([opened, closed]).when({ type: 'EraseSubject', legalBasis: 'GDPR art. 17' }).then([erased]);
    supportCase([opened, erased]).when({ type: 'EraseSubject', legalBasis: 'GDPR art. 17' }).thenThrows('subject-erased');
    supportCase([{ ...opened, data: { ...opened.data, subject: undefined } } as SupportCaseEvent]).when({ type: 'EraseSubject', legalBasis: 'x' }).thenThrows('no-subject');
  });
});
