import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { Problems } from '../shared/rules.js';

/**
 * The county's and municipalities' records of their work: readiness facts, activities, time
 * spent, goals and their status, and the authored sections of the report-back. Each record
 * is its own small stream; most are written once.
 */

// ---- readiness facts (a coordinator appointed, an action plan adopted or revised) ----

export const READINESS_KINDS = ['coordinator-appointed', 'action-plan-adopted', 'action-plan-revised'] as const;
export type ReadinessKind = (typeof READINESS_KINDS)[number];
export const readinessStreamId = (orgUnit: string) => `readiness-${orgUnit}`;

export interface RecordReadinessFact {
  type: 'RecordReadinessFact';
  orgUnit: string;
  kind: ReadinessKind;
  date: string;
  reference: string;
  today: string;
}
export type ReadinessEvent = { type: 'ReadinessFactRecorded'; data: { orgUnit: string; kind: ReadinessKind; date: string; reference: string } };

export const readinessDecider: Decider<RecordReadinessFact, ReadinessEvent, { facts: number }> = {
  initialState: () => ({ facts: 0 }),
  evolve: (state) => ({ facts: state.facts + 1 }),
  decide: (c) => {
    new Problems()
      .check(READINESS_KINDS.includes(c.kind), 'kind', `must be one of ${READINESS_KINDS.join(', ')}`)
      .date(c.date, 'date')
      .check(c.date <= c.today, 'date', 'cannot be in the future')
      .text(c.reference, 'reference', 1000)
      .throwIfAny('The readiness fact is not well formed');
    return [{ type: 'ReadinessFactRecorded', data: { orgUnit: c.orgUnit, kind: c.kind, date: c.date, reference: c.reference.trim() } }];
  },
};

// ---- activities (trainings, network meetings, conferences…, with partners) ----

export const ACTIVITY_KINDS = ['training', 'network-meeting', 'workshop', 'newsletter', 'conference', 'consultation', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const activityStreamId = (activityId: string) => `activity-${activityId}`;

export interface RecordActivity {
  type: 'RecordActivity';
  activityId: string;
  county: string;
  kind: ActivityKind;
  date: string;
  title: string;
  orgUnits: string[];
  /** The org units the county's analyst may name: the county and what lies within it. */
  countyUnits: string[];
  partners: string[];
  participants?: number;
  description?: string;
}
export type ActivityEvent = {
  type: 'ActivityRecorded';
  data: Omit<RecordActivity, 'type' | 'countyUnits'>;
};

export const activityDecider: Decider<RecordActivity, ActivityEvent, { recorded: boolean }> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (c, state) => {
    if (state.recorded) throw new ConflictError('activity-exists', 'This activity is already recorded.');
    const p = new Problems()
      .check(ACTIVITY_KINDS.includes(c.kind), 'kind', `must be one of ${ACTIVITY_KINDS.join(', ')}`)
      .date(c.date, 'date')
      .text(c.title, 'title', 300)
      .check(c.orgUnits.length > 0, 'orgUnits', 'must name at least one org unit');
    c.orgUnits.forEach((u, i) => p.check(c.countyUnits.includes(u), `orgUnits.${i}`, `${u} is not within county ${c.county}`));
    c.partners.forEach((partner, i) => p.text(partner, `partners.${i}`, 300));
    if (c.participants !== undefined) p.wholeNumber(c.participants, 'participants', 0, 1_000_000);
    if (c.description !== undefined) p.check(c.description.length <= 20_000, 'description', 'must be at most 20000 characters');
    p.throwIfAny('The activity is not well formed');
    const { type: _type, countyUnits: _units, ...data } = c;
    return [{ type: 'ActivityRecorded', data: { ...data, title: c.title.trim(), partners: c.partners.map((x) => x.trim()) } }];
  },
};

// ---- time spent (tidsåtgång) ----

export const TIME_KINDS = ['collection', 'analysis', 'feedback', 'case-support', 'training', 'other'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];
export const timeEntryStreamId = (entryId: string) => `time-entry-${entryId}`;

export interface RecordTimeEntry {
  type: 'RecordTimeEntry';
  entryId: string;
  county: string;
  person: { id: string; name: string };
  date: string;
  hours: number;
  kind: TimeKind;
  note?: string;
  /** The municipality (or district) the work was for; without it, the county's work as a whole. */
  orgUnit?: string;
  /** The org units of the county, that `orgUnit` must be one of. */
  countyUnits: string[];
  today: string;
}
export type TimeEntryEvent = { type: 'TimeEntryRecorded'; data: Omit<RecordTimeEntry, 'type' | 'today' | 'countyUnits'> };

export const timeEntryDecider: Decider<RecordTimeEntry, TimeEntryEvent, { recorded: boolean }> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (c, state) => {
    if (state.recorded) throw new ConflictError('time-entry-exists', 'This time entry is already recorded.');
    new Problems()
      .date(c.date, 'date')
      .check(c.date <= c.today, 'date', 'cannot be in the future')
      .check(Number.isFinite(c.hours) && c.hours > 0 && c.hours <= 24, 'hours', 'must be more than 0 and at most 24')
      .check(TIME_KINDS.includes(c.kind), 'kind', `must be one of ${TIME_KINDS.join(', ')}`)
      .check(c.note === undefined || c.note.length <= 4000, 'note', 'must be at most 4000 characters')
      .check(c.orgUnit === undefined || (c.orgUnit !== c.county && c.countyUnits.includes(c.orgUnit)), 'orgUnit', 'must be a municipality or district of the county')
      .throwIfAny('The time entry is not well formed');
    const { type: _type, today: _today, countyUnits: _units, ...data } = c;
    return [{ type: 'TimeEntryRecorded', data }];
  },
};

// ---- goals and indicators (måluppfyllelse) ----

export const GOAL_KINDS = ['effect', 'project', 'indicator'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const GOAL_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'achieved', 'not-achieved'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const goalStreamId = (goalId: string) => `goal-${goalId}`;

export type GoalCommand =
  | { type: 'DefineGoal'; goalId: string; orgUnit: string; kind: GoalKind; number?: string; text: string }
  | { type: 'ReportGoalStatus'; status: GoalStatus; narrative: string };
export type GoalEvent =
  | { type: 'GoalDefined'; data: { goalId: string; orgUnit: string; kind: GoalKind; number?: string; text: string } }
  | { type: 'GoalStatusReported'; data: { goalId: string; status: GoalStatus; narrative: string } };

export const goalDecider: Decider<GoalCommand, GoalEvent, { goalId?: string }> = {
  initialState: () => ({}),
  evolve: (state, event) => (event.type === 'GoalDefined' ? { goalId: event.data.goalId } : state),
  decide: (c, state) => {
    if (c.type === 'DefineGoal') {
      if (state.goalId) throw new ConflictError('goal-exists', 'This goal is already defined.');
      new Problems()
        .check(GOAL_KINDS.includes(c.kind), 'kind', `must be one of ${GOAL_KINDS.join(', ')}`)
        .check(c.number === undefined || (c.number.length > 0 && c.number.length <= 20), 'number', 'must be 1–20 characters')
        .text(c.text, 'text', 4000)
        .throwIfAny('The goal is not well formed');
      return [{ type: 'GoalDefined', data: { goalId: c.goalId, orgUnit: c.orgUnit, kind: c.kind, ...(c.number ? { number: c.number } : {}), text: c.text.trim() } }];
    }
    if (!state.goalId) throw new NotFoundError('goal-not-found', 'There is no such goal.');
    new Problems()
      .check(GOAL_STATUSES.includes(c.status), 'status', `must be one of ${GOAL_STATUSES.join(', ')}`)
      .text(c.narrative, 'narrative', 20_000)
      .throwIfAny('The status report is not well formed');
    return [{ type: 'GoalStatusReported', data: { goalId: state.goalId, status: c.status, narrative: c.narrative.trim() } }];
  },
};

// ---- report-back narrative sections (1–15, as in the county board's report) ----

export const narrativeStreamId = (county: string, section: number) => `narrative-${county}-${section}`;

export interface AuthorNarrativeSection {
  type: 'AuthorNarrativeSection';
  county: string;
  section: number;
  text: string;
}
export type NarrativeEvent = { type: 'NarrativeSectionAuthored'; data: { county: string; section: number; text: string } };

export const narrativeDecider: Decider<AuthorNarrativeSection, NarrativeEvent, { versions: number }> = {
  initialState: () => ({ versions: 0 }),
  evolve: (state) => ({ versions: state.versions + 1 }),
  decide: (c) => {
    new Problems()
      .wholeNumber(c.section, 'section', 1, 15)
      .check(c.text.length <= 200_000, 'text', 'must be at most 200000 characters')
      .throwIfAny('The section is not well formed');
    return [{ type: 'NarrativeSectionAuthored', data: { county: c.county, section: c.section, text: c.text } }];
  },
};
