import type { ReadinessEvent, ReadinessKind } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';

/** A municipality's readiness: every fact it has recorded, and the latest date of each kind. */
export interface ReadinessRow {
  orgUnit: string;
  facts: Array<{ kind: ReadinessKind; date: string; reference: string; recordedAt: string }>;
  latest: Partial<Record<ReadinessKind, string>>;
}

export const READINESS_VIEW = 'readiness';

export const readinessProjection: Projection<ReadinessEvent> = {
  name: 'readiness',
  version: 1,
  views: [READINESS_VIEW],
  handles: ['ReadinessFactRecorded'],
  readsMetadata: false,
  async apply(event, views) {
    const { orgUnit, kind, date, reference } = event.data;
    const row = (await views.get<ReadinessRow>(READINESS_VIEW, orgUnit)) ?? { orgUnit, facts: [], latest: {} };
    const facts = [...row.facts, { kind, date, reference, recordedAt: event.recordedAt }].sort((a, b) => a.date.localeCompare(b.date));
    const latest = { ...row.latest, [kind]: row.latest[kind] && row.latest[kind] > date ? row.latest[kind] : date };
    await views.put<ReadinessRow>(READINESS_VIEW, orgUnit, { orgUnit, facts, latest });
  },
};

/** Counts of a group of municipalities: how many have a coordinator, an adopted and a revised plan. */
function tally(rows: Array<ReadinessRow | undefined>) {
  return {
    municipalities: rows.length,
    coordinatorAppointed: rows.filter((r) => r?.latest['coordinator-appointed']).length,
    actionPlanAdopted: rows.filter((r) => r?.latest['action-plan-adopted']).length,
    actionPlanRevised: rows.filter((r) => r?.latest['action-plan-revised']).length,
  };
}

/**
 * Readiness of an org unit: a municipality's (or district's) facts; a county's
 * municipalities one by one with their counts; the nation's counts per county.
 */
export async function readinessOf(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string) {
  const unit = units.get(orgUnit)!;
  if (unit.kind === 'municipality' || unit.kind === 'district') {
    const row = await reader.get<ReadinessRow>(READINESS_VIEW, orgUnit);
    return { facts: row?.facts ?? [], latest: row?.latest ?? {} };
  }
  const rowsOf = (county: string) => Promise.all(units.municipalitiesOf(county).map((m) => reader.get<ReadinessRow>(READINESS_VIEW, m.code)));
  if (unit.kind === 'county') {
    const rows = await rowsOf(orgUnit);
    return {
      ...tally(rows),
      units: units.municipalitiesOf(orgUnit).map((m, i) => ({ orgUnit: m.code, name: m.name, latest: rows[i]?.latest ?? {} })),
    };
  }
  const counties = await Promise.all(units.all('county').map(async (c) => ({ county: c.code, name: c.name, ...tally(await rowsOf(c.code)) })));
  return {
    municipalities: counties.reduce((n, c) => n + c.municipalities, 0),
    coordinatorAppointed: counties.reduce((n, c) => n + c.coordinatorAppointed, 0),
    actionPlanAdopted: counties.reduce((n, c) => n + c.actionPlanAdopted, 0),
    actionPlanRevised: counties.reduce((n, c) => n + c.actionPlanRevised, 0),
    counties,
  };
}
