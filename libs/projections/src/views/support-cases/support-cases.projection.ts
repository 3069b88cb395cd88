import type { SupportCaseEvent, SupportCategory } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';
import { putIndexed, rowsWithin, updateIndexed } from '../indexed-rows.js';

/**
 * A support case without its subject's personal data: the view keeps only whether there is
 * a subject and whether it has been erased. (The sealed data stays in the log; it opens only
 * with the subject's key, through the case's own stream.)
 */
export interface SupportCaseRow {
  caseId: string;
  orgUnit: string;
  county: string;
  category: SupportCategory;
  status: 'open' | 'closed';
  openedOn: string;
  consultations: number;
  referrals: string[];
  closed?: string;
  subject: 'none' | 'present' | 'erased';
  eventIds: string[];
}

export const SUPPORT_CASES_VIEW = 'support-case';
const SUPPORT_CASE_INDEX = 'support-case-by-id';

export const supportCaseProjection: Projection<SupportCaseEvent> = {
  name: 'support-cases',
  version: 1,
  views: [SUPPORT_CASES_VIEW, SUPPORT_CASE_INDEX],
  handles: ['SupportCaseOpened', 'SupportCaseConsulted', 'SupportCaseReferred', 'SupportCaseClosed', 'SupportCaseSubjectErased'],
  readsMetadata: false,
  async apply(e, views) {
    if (e.type === 'SupportCaseOpened') {
      const { caseId, orgUnit, county, category, openedOn, subject } = e.data;
      const row: SupportCaseRow = { caseId, orgUnit, county, category, status: 'open', openedOn, consultations: 0, referrals: [], subject: subject ? 'present' : 'none', eventIds: [e.eventId] };
      await putIndexed(views, SUPPORT_CASES_VIEW, SUPPORT_CASE_INDEX, orgUnit, caseId, row);
      return;
    }
    await updateIndexed<SupportCaseRow>(views, SUPPORT_CASES_VIEW, SUPPORT_CASE_INDEX, e.data.caseId, (row) => {
      const eventIds = [...row.eventIds, e.eventId];
      switch (e.type) {
        case 'SupportCaseConsulted':
          return { ...row, consultations: row.consultations + 1, eventIds };
        case 'SupportCaseReferred':
          return { ...row, referrals: [...row.referrals, e.data.to], eventIds };
        case 'SupportCaseClosed':
          return { ...row, status: 'closed', closed: e.recordedAt.slice(0, 10), eventIds };
        case 'SupportCaseSubjectErased':
          return { ...row, subject: 'erased', eventIds };
      }
    });
  },
};

/** The cases of an org unit and everything below it. */
export function supportCasesWithin(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string): Promise<SupportCaseRow[]> {
  return rowsWithin<SupportCaseRow>(reader, SUPPORT_CASES_VIEW, units, orgUnit);
}

/** Counts by category, municipality and month of opening — what analysts and national readers see. */
export async function supportCaseStatistics(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string) {
  const cases = await supportCasesWithin(reader, units, orgUnit);
  const count = (key: (c: SupportCaseRow) => string) => {
    const counts: Record<string, number> = {};
    for (const c of cases) counts[key(c)] = (counts[key(c)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  };
  return {
    total: cases.length,
    open: cases.filter((c) => c.status === 'open').length,
    byCategory: count((c) => c.category),
    byMunicipality: count((c) => c.orgUnit),
    byMonth: count((c) => c.openedOn.slice(0, 7)),
  };
}
