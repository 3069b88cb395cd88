import type { ActionEvent, ActionStatus, RiskEvent } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';
import { putIndexed, rowsWithin, updateIndexed } from '../indexed-rows.js';

export interface RiskRow {
  riskId: string;
  orgUnit: string;
  area: string;
  title: string;
  description: string;
  likelihood: number;
  consequence: number;
  status: 'open' | 'closed';
  identifiedAt: string;
  history: Array<{ at: string; likelihood?: number; consequence?: number; rationale?: string; closedBecause?: string }>;
  /** The events behind the row, for lineage. */
  eventIds: string[];
}

export interface ActionRow {
  actionId: string;
  orgUnit: string;
  riskIds: string[];
  title: string;
  description: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  decision?: { decision: 'approved' | 'rejected'; rationale: string; at: string; by?: string };
  history: Array<{ at: string; status: ActionStatus; note?: string }>;
  /** The events behind the row, for lineage. */
  eventIds: string[];
}

export const RISKS_VIEW = 'risk';
export const ACTIONS_VIEW = 'action';
const RISK_INDEX = 'risk-by-id';
const ACTION_INDEX = 'action-by-id';

export const riskProjection: Projection<RiskEvent> = {
  name: 'risks',
  version: 2,
  views: [RISKS_VIEW, RISK_INDEX],
  handles: ['RiskIdentified', 'RiskReassessed', 'RiskClosed'],
  readsMetadata: false,
  async apply(e, views) {
    if (e.type === 'RiskIdentified') {
      const { riskId, orgUnit, area, title, description, likelihood, consequence } = e.data;
      const row: RiskRow = { riskId, orgUnit, area, title, description, likelihood, consequence, status: 'open', identifiedAt: e.recordedAt, history: [], eventIds: [e.eventId] };
      await putIndexed(views, RISKS_VIEW, RISK_INDEX, orgUnit, riskId, row);
      return;
    }
    await updateIndexed<RiskRow>(views, RISKS_VIEW, RISK_INDEX, e.data.riskId, (row) =>
      e.type === 'RiskReassessed'
        ? {
            ...row,
            likelihood: e.data.likelihood,
            consequence: e.data.consequence,
            history: [...row.history, { at: e.recordedAt, likelihood: e.data.likelihood, consequence: e.data.consequence, rationale: e.data.rationale }],
            eventIds: [...row.eventIds, e.eventId],
          }
        : { ...row, status: 'closed', history: [...row.history, { at: e.recordedAt, closedBecause: e.data.reason }], eventIds: [...row.eventIds, e.eventId] },
    );
  },
};

export const actionProjection: Projection<ActionEvent> = {
  name: 'actions',
  version: 2,
  views: [ACTIONS_VIEW, ACTION_INDEX],
  handles: ['ActionProposed', 'ActionDecided', 'ActionStatusChanged'],
  async apply(e, views) {
    if (e.type === 'ActionProposed') {
      const row: ActionRow = { ...e.data, status: 'proposed', history: [{ at: e.recordedAt, status: 'proposed' }], eventIds: [e.eventId] };
      await putIndexed(views, ACTIONS_VIEW, ACTION_INDEX, e.data.orgUnit, e.data.actionId, row);
      return;
    }
    const by = e.metadata.actor?.name;
    await updateIndexed<ActionRow>(views, ACTIONS_VIEW, ACTION_INDEX, e.data.actionId, (row) =>
      e.type === 'ActionDecided'
        ? {
            ...row,
            status: e.data.decision,
            decision: { decision: e.data.decision, rationale: e.data.rationale, at: e.recordedAt, ...(by ? { by } : {}) },
            history: [...row.history, { at: e.recordedAt, status: e.data.decision }],
            eventIds: [...row.eventIds, e.eventId],
          }
        : { ...row, status: e.data.status, history: [...row.history, { at: e.recordedAt, status: e.data.status, note: e.data.note }], eventIds: [...row.eventIds, e.eventId] },
    );
  },
};

/** The risk register of an org unit and the units below it. */
export async function riskRegister(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, filter: { area?: string; status?: string } = {}) {
  const rows = await rowsWithin<RiskRow>(reader, RISKS_VIEW, units, orgUnit);
  return rows.filter((r) => (!filter.area || r.area === filter.area) && (!filter.status || r.status === filter.status));
}

/** Open risks counted on the 5×5 grid: `cells[likelihood-1][consequence-1]`, with how many and the events behind them. */
export async function riskMatrix(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string) {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const open = await riskRegister(reader, units, orgUnit, { status: 'open' });
  for (const risk of open) cells[risk.likelihood - 1]![risk.consequence - 1]! += 1;
  return { rows: 'likelihood 1–5', columns: 'consequence 1–5', cells, open: open.length, eventIds: [...new Set(open.flatMap((r) => r.eventIds))].sort() };
}

/** Actions of an org unit and below; overdue when past due on `today` and not finished. */
export async function actionList(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, today: string, filter: { status?: string } = {}) {
  const rows = await rowsWithin<ActionRow>(reader, ACTIONS_VIEW, units, orgUnit);
  return rows
    .filter((r) => !filter.status || r.status === filter.status)
    .map((r) => ({ ...r, overdue: r.dueDate < today && !['completed', 'cancelled', 'rejected'].includes(r.status) }));
}
