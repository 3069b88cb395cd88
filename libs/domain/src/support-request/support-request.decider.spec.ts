import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type SupportRequestEvent, supportRequestDecider } from './support-request.decider.js';

const request = specFor(supportRequestDecider);
const open = { type: 'OpenSupportRequest' as const, requestId: 'r-1', orgUnit: '2085', county: '20', description: ' Stöd kring oro i skolan ', source: { report: { period: '2026-10' } } };
const opened: SupportRequestEvent = {
  type: 'SupportRequestOpened',
  data: { requestId: 'r-1', orgUnit: '2085', county: '20', description: 'Stöd kring oro i skolan', source: { report: { period: '2026-10' } } },
};
const acknowledged: SupportRequestEvent = { type: 'SupportRequestAcknowledged', data: { requestId: 'r-1', reply: 'Vi hör av oss' } };
const resolved: SupportRequestEvent = { type: 'SupportRequestResolved', data: { requestId: 'r-1', outcome: 'Samtal genomfört' } };
const declined: SupportRequestEvent = { type: 'SupportRequestDeclined', data: { requestId: 'r-1', reason: 'Inte vårt uppdrag' } };

describe('support request', () => {
  it('opens with its description and where it came from', () => {
    request().when(open).then([opened]);
  });

  it('names an empty description, and refuses to open twice', () => {
    request().when({ ...open, description: ' ' }).thenThrows('validation-failed', ['description']);
    request([opened]).when(open).thenThrows('support-request-exists');
  });

  it('is acknowledged with a reply once, then resolved with what answered it', () => {
    request([opened]).when({ type: 'AcknowledgeSupportRequest', reply: ' Vi hör av oss ' }).then([acknowledged]);
    request([opened, acknowledged]).when({ type: 'AcknowledgeSupportRequest', reply: 'igen' }).thenThrows('support-request-acknowledged');
    request([opened, acknowledged]).when({ type: 'ResolveSupportRequest', outcome: 'Samtal genomfört', supportCaseId: 'c-9' }).then([
      { type: 'SupportRequestResolved', data: { requestId: 'r-1', outcome: 'Samtal genomfört', supportCaseId: 'c-9' } },
    ]);
  });

  it('may be resolved or declined straight from open, each with its text', () => {
    request([opened]).when({ type: 'ResolveSupportRequest', outcome: 'Samtal genomfört' }).then([resolved]);
    request([opened]).when({ type: 'DeclineSupportRequest', reason: 'Inte vårt uppdrag' }).then([declined]);
    request([opened]).when({ type: 'DeclineSupportRequest', reason: '' }).thenThrows('validation-failed', ['reason']);
    request([opened]).when({ type: 'ResolveSupportRequest', outcome: '' }).thenThrows('validation-failed', ['outcome']);
  });

  it('changes no more once resolved or declined, and does not exist before it is opened', () => {
    for (const end of [resolved, declined]) {
      request([opened, end]).when({ type: 'AcknowledgeSupportRequest', reply: 'x' }).thenThrows('support-request-closed');
      request([opened, end]).when({ type: 'ResolveSupportRequest', outcome: 'x' }).thenThrows('support-request-closed');
      request([opened, end]).when({ type: 'DeclineSupportRequest', reason: 'x' }).thenThrows('support-request-closed');
    }
    request().when({ type: 'AcknowledgeSupportRequest', reply: 'x' }).thenThrows('support-request-not-found');
  });
});
