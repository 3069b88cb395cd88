import type { ActivityEvent, GoalEvent, GoalKind, GoalStatus, NarrativeEvent, TimeEntryEvent } from '@lagesbild/domain';
import type { Projection } from '../../projection.js';
import type { ViewReader } from '../../view-store.port.js';
import { putIndexed } from '../indexed-rows.js';

export type ActivityRow = ActivityEvent['data'] & { recordedAt: string; eventId: string };
export type TimeEntryRow = TimeEntryEvent['data'] & { eventId: string };
/** A goal as the queries give it: as defined, with each status reported on it, the latest last. */
export interface GoalRow {
  goalId: string;
  orgUnit: string;
  kind: GoalKind;
  number?: string;
  text: string;
  status?: GoalStatus;
  statusHistory: Array<{ status: GoalStatus; narrative: string; at: string }>;
  /** The events behind the row, for lineage. */
  eventIds: string[];
}

/** A goal as defined (stored under `<orgUnit>|<goalId>`). */
type GoalDefinitionRow = Omit<GoalRow, 'status' | 'statusHistory' | 'eventIds'> & { eventId: string };

/**
 * A status reported on a goal, stored apart under `<orgUnit>|<goalId>|<position>`: a report
 * writes one short row, not the goal with its whole history again.
 */
interface GoalStatusRow {
  status: GoalStatus;
  narrative: string;
  at: string;
  eventId: string;
}

/** An authored section of a county's report-back, as it stands. */
export interface NarrativeRow {
  county: string;
  section: number;
  text: string;
  authoredAt: string;
  authoredBy?: string;
  eventIds: string[];
}

export const ACTIVITIES_VIEW = 'activity';
export const TIME_VIEW = 'time-entry';
export const GOALS_VIEW = 'goal';
const GOAL_STATUS_VIEW = 'goal-status';
const GOAL_INDEX = 'goal-by-id';
/** Positions as fixed-width keys, in the order of the log. */
const positionKey = (position: bigint) => position.toString().padStart(16, '0');
export const NARRATIVE_VIEW = 'narrative';
const narrativeKey = (county: string, section: number) => `${county}|${String(section).padStart(2, '0')}`;

export const activityProjection: Projection<ActivityEvent> = {
  name: 'activities',
  version: 1,
  views: [ACTIVITIES_VIEW],
  handles: ['ActivityRecorded'],
  readsMetadata: false,
  async apply(e, views) {
    await views.put(ACTIVITIES_VIEW, `${e.data.county}|${e.data.date}|${e.data.activityId}`, { ...e.data, recordedAt: e.recordedAt, eventId: e.eventId });
  },
};

export const timeEntryProjection: Projection<TimeEntryEvent> = {
  name: 'time-entries',
  version: 1,
  views: [TIME_VIEW],
  handles: ['TimeEntryRecorded'],
  readsMetadata: false,
  async apply(e, views) {
    await views.put(TIME_VIEW, `${e.data.county}|${e.data.date}|${e.data.entryId}`, { ...e.data, eventId: e.eventId });
  },
};

export const goalProjection: Projection<GoalEvent> = {
  name: 'goals',
  version: 3,
  views: [GOALS_VIEW, GOAL_STATUS_VIEW, GOAL_INDEX],
  handles: ['GoalDefined', 'GoalStatusReported'],
  readsMetadata: false,
  async apply(e, views) {
    if (e.type === 'GoalDefined') {
      await putIndexed<GoalDefinitionRow>(views, GOALS_VIEW, GOAL_INDEX, e.data.orgUnit, e.data.goalId, { ...e.data, eventId: e.eventId });
      return;
    }
    const orgUnit = await views.get<string>(GOAL_INDEX, e.data.goalId);
    if (orgUnit === undefined) return; // a goal never defined
    const { status, narrative } = e.data;
    await views.put<GoalStatusRow>(GOAL_STATUS_VIEW, `${orgUnit}|${e.data.goalId}|${positionKey(e.position)}`, { status, narrative, at: e.recordedAt, eventId: e.eventId });
  },
};

export const narrativeProjection: Projection<NarrativeEvent> = {
  name: 'narrative',
  version: 1,
  views: [NARRATIVE_VIEW],
  handles: ['NarrativeSectionAuthored'],
  async apply(e, views) {
    const key = narrativeKey(e.data.county, e.data.section);
    const previous = await views.get<NarrativeRow>(NARRATIVE_VIEW, key);
    const by = e.metadata.actor?.name;
    await views.put<NarrativeRow>(NARRATIVE_VIEW, key, {
      county: e.data.county,
      section: e.data.section,
      text: e.data.text,
      authoredAt: e.recordedAt,
      ...(by ? { authoredBy: by } : {}),
      eventIds: [...(previous?.eventIds ?? []), e.eventId],
    });
  },
};

/** The latest text of a county's section, as the views hold it. */
export function narrativeOf(reader: ViewReader, county: string, section: number): Promise<NarrativeRow | undefined> {
  return reader.get<NarrativeRow>(NARRATIVE_VIEW, narrativeKey(county, section));
}

const inRange = (date: string, from?: string, to?: string) => (!from || date >= from) && (!to || date <= `${to}\uffff`);

/** A county's activities, or those naming an org unit of it, between two dates (inclusive). */
export async function activitiesOf(reader: ViewReader, county: string, orgUnit: string, from?: string, to?: string) {
  const rows = (await reader.list<ActivityRow>(ACTIVITIES_VIEW, `${county}|`)).map((r) => r.value);
  return rows.filter((a) => inRange(a.date, from, to) && (orgUnit === county || a.orgUnits.includes(orgUnit)));
}

/** Hours by kind of work and month, by the unit the work was for (the county's own under its code), and per person-month, for the time entries of a county (or of several: the nation's). */
export async function timeSummary(reader: ViewReader, counties: string | readonly string[], from?: string, to?: string) {
  const lists = await Promise.all((typeof counties === 'string' ? [counties] : counties).map((county) => reader.list<TimeEntryRow>(TIME_VIEW, `${county}|`)));
  const rows = lists.flat().map((r) => r.value).filter((e) => inRange(e.date, from, to));
  const byKind: Record<string, number> = {};
  const byMonth: Record<string, Record<string, number>> = {};
  const byOrgUnit: Record<string, number> = {};
  const eventIdsByOrgUnit: Record<string, string[]> = {};
  const personMonths = new Set<string>();
  const eventIdsByMonth: Record<string, string[]> = {};
  for (const entry of rows) {
    const month = entry.date.slice(0, 7);
    const unit = entry.orgUnit ?? entry.county;
    byOrgUnit[unit] = (byOrgUnit[unit] ?? 0) + entry.hours;
    (eventIdsByOrgUnit[unit] ??= []).push(entry.eventId);
    (eventIdsByMonth[month] ??= []).push(entry.eventId);
    byKind[entry.kind] = (byKind[entry.kind] ?? 0) + entry.hours;
    byMonth[month] = { ...byMonth[month], [entry.kind]: (byMonth[month]?.[entry.kind] ?? 0) + entry.hours };
    personMonths.add(`${entry.person.id}|${month}`);
  }
  const total = rows.reduce((sum, e) => sum + e.hours, 0);
  return { total, entries: rows.length, byKind, byMonth, byOrgUnit, hoursPerPersonMonth: personMonths.size ? total / personMonths.size : 0, eventIdsByMonth, eventIdsByOrgUnit };
}

/** An org unit's goals, each with its status history. */
export async function goalsOf(reader: ViewReader, orgUnit: string): Promise<GoalRow[]> {
  const [goals, statuses] = await Promise.all([reader.list<GoalDefinitionRow>(GOALS_VIEW, `${orgUnit}|`), reader.list<GoalStatusRow>(GOAL_STATUS_VIEW, `${orgUnit}|`)]);
  const reported = new Map<string, GoalStatusRow[]>();
  for (const { key, value } of statuses) {
    const goalId = key.slice(orgUnit.length + 1, key.lastIndexOf('|'));
    reported.set(goalId, [...(reported.get(goalId) ?? []), value]);
  }
  return goals.map(({ value: { eventId, ...goal } }) => {
    const history = reported.get(goal.goalId) ?? [];
    const latest = history[history.length - 1];
    return {
      ...goal,
      ...(latest ? { status: latest.status } : {}),
      statusHistory: history.map(({ status, narrative, at }) => ({ status, narrative, at })),
      eventIds: [eventId, ...history.map((row) => row.eventId)],
    };
  });
}
