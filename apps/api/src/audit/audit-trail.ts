import { type EventStore, type StoredEvent, readEvents } from '@lagesbild/event-store';
import { isSupportCaseStream } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';

/** One line of the audit trail: who did what, where, when, and why. */
export interface AuditEntry {
  position: string;
  recordedAt: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  orgUnit: string;
  actor: { id?: string; name?: string; roles?: string[]; org?: string };
  reason?: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  simulated?: boolean;
  data: unknown;
}

export interface AuditFilter {
  /** Events of this org unit and everything below it (the caller's scope is checked before). */
  orgUnit: string;
  actor?: string;
  stream?: string;
  types?: Set<string>;
  from?: Date;
  to?: Date;
  /** Exclusive: events after this position. */
  after: bigint;
  /** Inclusive: the as-of position. */
  upTo: bigint;
  limit: number;
  /** The caller may not see support cases' details (the national reader): their events show who acted and when, not what. */
  withholdSupportCases?: boolean;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next page starts (`after=`), or null when the trail is read to its end. */
  next: string | null;
  scanned: number;
}

/** How many events one request reads at most; a sparse filter pages on with `next`. */
export const SCAN_LIMIT = 50_000;

type Metadata = { actor?: AuditEntry['actor']; reason?: string; correlationId?: string; causationId?: string; idempotencyKey?: string; simulated?: boolean };

/**
 * The audit trail straight from the log: the log is the record, so nothing can be missing
 * from it. Each event is placed at an org unit — the one its data names (`orgUnit`,
 * `county`), else that of the first event of its stream (a risk's reassessment belongs where
 * the risk was identified), else the nation — and shown only within the filter's org unit.
 */
export class AuditTrail {
  constructor(
    private readonly store: EventStore,
    private readonly units: OrgUnitRegistry,
    /** Whether a subject's key still exists (false once erased). */
    private readonly subjectReadable: (subjectId: string) => Promise<boolean> = async () => true,
  ) {}

  async page(filter: AuditFilter): Promise<AuditPage> {
    const streamOrg = new Map<string, string>();
    const entries: AuditEntry[] = [];
    let scanned = 0;
    let after = filter.after;
    if (filter.from && !filter.stream) {
      // Skip straight to the first event recorded at or after `from`.
      const before = await this.store.positionAt(new Date(filter.from.getTime() - 1));
      if (before > after) after = before;
    }
    let last = after;
    const events = filter.stream
      ? this.streamAfter(filter.stream, after, filter.upTo)
      : this.store.readAll({ fromPosition: after, toPosition: filter.upTo, batchSize: 1000 });
    let more = false;
    for await (const event of events) {
      if (filter.to && event.recordedAt >= filter.to.toISOString()) break;
      if (entries.length >= filter.limit || scanned >= SCAN_LIMIT) {
        more = true;
        break;
      }
      scanned += 1;
      last = event.position;
      if (this.matches(event, filter) && this.units.isWithin(await this.orgUnitOf(event, streamOrg), filter.orgUnit)) {
        const orgUnit = streamOrg.get(event.streamId)!;
        entries.push(filter.withholdSupportCases && isSupportCaseStream(event.streamId) ? this.withheld(event, orgUnit) : this.entry(event, orgUnit, await this.shownData(event.data)));
      }
    }
    return { entries, next: more ? last.toString() : null, scanned };
  }

  private async *streamAfter(streamId: string, after: bigint, upTo: bigint): AsyncIterable<StoredEvent> {
    for (const event of await readEvents(this.store, streamId, { toPosition: upTo })) if (event.position > after) yield event;
  }

  private matches(event: StoredEvent, filter: AuditFilter): boolean {
    const metadata = event.metadata as Metadata;
    if (filter.actor !== undefined && metadata.actor?.id !== filter.actor) return false;
    if (filter.stream !== undefined && event.streamId !== filter.stream) return false;
    if (filter.types && !filter.types.has(event.type)) return false;
    if (filter.from && event.recordedAt < filter.from.toISOString()) return false;
    return true;
  }

  private async orgUnitOf(event: StoredEvent, cache: Map<string, string>): Promise<string> {
    const known = cache.get(event.streamId);
    if (known) return known;
    let orgUnit = named(event.data);
    if (!orgUnit && event.revision > 0) {
      const [first] = await readEvents(this.store, event.streamId, { toPosition: event.position });
      orgUnit = first ? named(first.data) : undefined;
    }
    const resolved = orgUnit && this.units.has(orgUnit) ? orgUnit : 'SE';
    cache.set(event.streamId, resolved);
    return resolved;
  }

  /**
   * The data as an auditor sees it: a support case's sealed subject is shown as encrypted —
   * or as erased once its key is gone — never as the sealed text itself.
   */
  private async shownData(data: unknown): Promise<unknown> {
    const subject = (data as { subject?: { subjectId?: unknown; sealed?: unknown } } | null)?.subject;
    if (!subject || typeof subject.subjectId !== 'string' || typeof subject.sealed !== 'string') return data;
    const readable = await this.subjectReadable(subject.subjectId);
    return { ...(data as object), subject: { subjectId: subject.subjectId, ...(readable ? { encrypted: true } : { erased: true }) } };
  }

  /** A support case's event for a caller who may not see its details: who, when and what kind, without its data or stated reason. */
  private withheld(event: StoredEvent, orgUnit: string): AuditEntry {
    const { reason: _reason, ...entry } = this.entry(event, orgUnit, { withheld: true });
    return entry;
  }

  private entry(event: StoredEvent, orgUnit: string, data: unknown): AuditEntry {
    const metadata = event.metadata as Metadata;
    return {
      position: event.position.toString(),
      recordedAt: event.recordedAt,
      eventId: event.eventId,
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      orgUnit,
      actor: metadata.actor ?? {},
      ...(metadata.reason !== undefined ? { reason: metadata.reason } : {}),
      ...(metadata.correlationId !== undefined ? { correlationId: metadata.correlationId } : {}),
      ...(metadata.causationId !== undefined ? { causationId: metadata.causationId } : {}),
      ...(metadata.idempotencyKey !== undefined ? { idempotencyKey: metadata.idempotencyKey } : {}),
      ...(metadata.simulated ? { simulated: true } : {}),
      data,
    };
  }
}

/** The org unit an event's data names, if any. */
function named(data: unknown): string | undefined {
  const d = data as { orgUnit?: unknown; county?: unknown; municipality?: unknown } | null;
  for (const value of [d?.orgUnit, d?.municipality, d?.county]) if (typeof value === 'string') return value;
  return undefined;
}

/** The CSV columns of the audit trail: one event a row, the data as JSON text. */
export const AUDIT_CSV_COLUMNS = [
  'position',
  'recordedAt',
  'type',
  'streamId',
  'revision',
  'orgUnit',
  'actorId',
  'actorName',
  'actorRoles',
  'actorOrg',
  'reason',
  'correlationId',
  'causationId',
  'eventId',
  'data',
] as const;

export const csvRow = (e: AuditEntry): Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number> => ({
  position: e.position,
  recordedAt: e.recordedAt,
  type: e.type,
  streamId: e.streamId,
  revision: e.revision,
  orgUnit: e.orgUnit,
  actorId: e.actor.id ?? '',
  actorName: e.actor.name ?? '',
  actorRoles: (e.actor.roles ?? []).join(' '),
  actorOrg: e.actor.org ?? '',
  reason: e.reason ?? '',
  correlationId: e.correlationId ?? '',
  causationId: e.causationId ?? '',
  eventId: e.eventId,
  data: JSON.stringify(e.data),
});
