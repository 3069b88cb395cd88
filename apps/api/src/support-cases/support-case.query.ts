import {
  type CaseAccessEvent,
  NotFoundError,
  type SupportCaseEvent,
  supportCaseAccessStreamId,
  supportCaseStreamId,
} from '@lagesbild/domain';
import { type EventStore, type RecordedEvent, readEvents } from '@lagesbild/event-store';
import type { SubjectVault } from '@lagesbild/personal-data';

type CaseEvent = RecordedEvent<SupportCaseEvent>;
type Of<T extends SupportCaseEvent['type']> = RecordedEvent<Extract<SupportCaseEvent, { type: T }>>;
const is = <T extends SupportCaseEvent['type']>(type: T) => (event: CaseEvent): event is Of<T> => event.type === type;

/**
 * A support case as it was known at `position`. A support worker of its municipality's county
 * (`isWorker`) reads it whole; the county's analysts read its facts, not its free texts (a
 * summary or note may name the person).
 */
export async function supportCaseAsOf(store: EventStore, vault: SubjectVault, id: string, position: bigint, isWorker: (orgUnit: string) => boolean) {
  const all = await readEvents<SupportCaseEvent>(store, supportCaseStreamId(id));
  const events = all.filter((e) => e.position <= position);
  const opened = events.find(is('SupportCaseOpened'));
  if (!opened) throw new NotFoundError('support-case-not-found', `Support case ${id} had not been opened as of position ${position}`);
  const closed = events.find(is('SupportCaseClosed'));
  const worker = isWorker(opened.data.orgUnit);
  const text = (value: string) => (worker ? value : undefined);
  return {
    id,
    orgUnit: opened.data.orgUnit,
    county: opened.data.county,
    category: opened.data.category,
    requestedSupport: opened.data.requestedSupport,
    openedOn: opened.data.openedOn,
    status: closed ? 'closed' : 'open',
    consultations: events.filter(is('SupportCaseConsulted')).map((e) => ({ date: e.data.date, summary: text(e.data.summary) })),
    referrals: events.filter(is('SupportCaseReferred')).map((e) => ({ to: e.data.to, note: text(e.data.note), referredOn: e.data.referredOn })),
    ...(closed ? { outcome: text(closed.data.outcome) } : {}),
    ...(worker ? {} : { textsWithheld: true }),
    subject: await subjectOf(vault, opened, events, all, worker),
    revision: events[events.length - 1]!.revision,
  };
}

/**
 * The subject as a reader of the case sees it: in clear for the county's support workers;
 * withheld from its analysts (everything in the county but personal data); erased, for good
 * and as of any moment, once the key is destroyed.
 */
async function subjectOf(vault: SubjectVault, opened: Of<'SupportCaseOpened'>, known: CaseEvent[], all: CaseEvent[], mayReadSubject: boolean) {
  const sealed = opened.data.subject;
  if (!sealed) return null;
  if (!mayReadSubject) return { withheld: true };
  const clear = all.some(is('SupportCaseSubjectErased')) ? undefined : await vault.open(sealed.subjectId, sealed.sealed);
  if (clear) return clear;
  const erased = known.find(is('SupportCaseSubjectErased'));
  return { erased: true, ...(erased ? { erasedAt: erased.recordedAt, legalBasis: erased.data.legalBasis } : {}) };
}

/** Who read the case, when and why, up to `position`. */
export async function caseAccessLog(store: EventStore, id: string, position: bigint) {
  const events = await readEvents<CaseAccessEvent>(store, supportCaseAccessStreamId(id), { toPosition: position });
  return events.map((e) => ({
    at: e.recordedAt,
    position: e.position.toString(),
    actor: e.metadata.actor,
    read: e.data.read,
    ...(e.data.purpose ? { purpose: e.data.purpose } : {}),
  }));
}
