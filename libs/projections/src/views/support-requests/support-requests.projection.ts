import type { SupportRequestEvent, SupportRequestSource, SupportRequestStatus } from '@lagesbild/domain';
import type { RecordedEvent } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { putIndexed, rowsWithin, updateIndexed } from '../indexed-rows.js';

/** A support request with every step's text: what the municipality and the county both see. */
export interface SupportRequestRow {
  id: string;
  orgUnit: string;
  county: string;
  description: string;
  source: SupportRequestSource;
  status: SupportRequestStatus;
  openedAt: string;
  acknowledgement?: { reply: string; at: string };
  resolution?: { outcome: string; supportCaseId?: string; activityId?: string; at: string };
  decline?: { reason: string; at: string };
}

export const SUPPORT_REQUESTS_VIEW = 'support-request';
const SUPPORT_REQUEST_INDEX = 'support-request-by-id';

export const supportRequestProjection: Projection<SupportRequestEvent> = {
  name: 'support-requests',
  version: 1,
  views: [SUPPORT_REQUESTS_VIEW, SUPPORT_REQUEST_INDEX],
  handles: ['SupportRequestOpened', 'SupportRequestAcknowledged', 'SupportRequestResolved', 'SupportRequestDeclined'],
  readsMetadata: false,
  apply(event: RecordedEvent<SupportRequestEvent>, views: ViewWriter) {
    const at = event.recordedAt;
    switch (event.type) {
      case 'SupportRequestOpened': {
        const { requestId, orgUnit, county, description, source } = event.data;
        const row: SupportRequestRow = { id: requestId, orgUnit, county, description, source, status: 'open', openedAt: at };
        return putIndexed(views, SUPPORT_REQUESTS_VIEW, SUPPORT_REQUEST_INDEX, orgUnit, requestId, row);
      }
      case 'SupportRequestAcknowledged':
        return update(views, event.data.requestId, (row) => ({ ...row, status: 'acknowledged', acknowledgement: { reply: event.data.reply, at } }));
      case 'SupportRequestResolved': {
        const { requestId: _id, ...resolution } = event.data;
        return update(views, event.data.requestId, (row) => ({ ...row, status: 'resolved', resolution: { ...resolution, at } }));
      }
      case 'SupportRequestDeclined':
        return update(views, event.data.requestId, (row) => ({ ...row, status: 'declined', decline: { reason: event.data.reason, at } }));
    }
  },
};

const update = (views: ViewWriter, id: string, change: (row: SupportRequestRow) => SupportRequestRow) =>
  updateIndexed<SupportRequestRow>(views, SUPPORT_REQUESTS_VIEW, SUPPORT_REQUEST_INDEX, id, change);

export interface SupportRequestFilter {
  status?: SupportRequestStatus;
  /** Only this municipality's (and its districts'). */
  municipality?: string;
}

/** The requests of an org unit and everything below it, newest first. */
export async function supportRequestsWithin(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, filter: SupportRequestFilter = {}): Promise<SupportRequestRow[]> {
  const rows = await rowsWithin<SupportRequestRow>(reader, SUPPORT_REQUESTS_VIEW, units, filter.municipality ?? orgUnit);
  return rows.filter((r) => filter.status === undefined || r.status === filter.status).sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id));
}

/** One request as the views hold it (undefined: none). */
export async function supportRequestOf(reader: ViewReader, id: string): Promise<SupportRequestRow | undefined> {
  const orgUnit = await reader.get<string>(SUPPORT_REQUEST_INDEX, id);
  return orgUnit === undefined ? undefined : reader.get<SupportRequestRow>(SUPPORT_REQUESTS_VIEW, `${orgUnit}|${id}`);
}
