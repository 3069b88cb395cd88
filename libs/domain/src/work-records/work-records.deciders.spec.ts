import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type RecordActivity, activityDecider, goalDecider, narrativeDecider, readinessDecider, timeEntryDecider } from './work-records.deciders.js';

describe('readiness facts', () => {
  const spec = specFor(readinessDecider);
  const fact = { type: 'RecordReadinessFact' as const, orgUnit: '2085', kind: 'action-plan-adopted' as const, date: '2018-02-01', reference: 'KS 2018/12', today: '2018-03-01' };

  it('records a known kind on a past date with its reference', () => {
    spec().when(fact).then([{ type: 'ReadinessFactRecorded', data: { orgUnit: '2085', kind: 'action-plan-adopted', date: '2018-02-01', reference: 'KS 2018/12' } }]);
    spec().when({ ...fact, kind: 'party' as never, date: '2018-04-01', reference: '' }).thenThrows('validation-failed', ['kind', 'date', 'reference']);
  });
});

describe('activities', () => {
  const spec = specFor(activityDecider);
  const activity: RecordActivity = {
    type: 'RecordActivity',
    activityId: 'x1',
    county: '20',
    kind: 'training',
    date: '2018-03-14',
    title: 'Utbildning om våldsbejakande extremism',
    orgUnits: ['20', '2085'],
    countyUnits: ['20', '2085', '2080'],
    partners: ['CVE', 'Högskolan Dalarna'],
    participants: 40,
  };

  it('records an activity with its partners, once', () => {
    const { type: _t, countyUnits: _c, ...data } = activity;
    spec().when(activity).then([{ type: 'ActivityRecorded', data }]);
    spec([{ type: 'ActivityRecorded', data }]).when(activity).thenThrows('activity-exists');
  });

  it('names org units outside the county and other bad fields', () => {
    spec().when({ ...activity, orgUnits: ['0180'], kind: 'party' as never, participants: -1 }).thenThrows('validation-failed', ['kind', 'orgUnits.0', 'participants']);
  });
});

describe('time entries', () => {
  const spec = specFor(timeEntryDecider);
  const entry = { type: 'RecordTimeEntry' as const, entryId: 't1', county: '20', person: { id: 'li', name: 'Li' }, date: '2018-03-01', hours: 3.5, kind: 'analysis' as const, countyUnits: ['20', '2085', '2080'], today: '2018-03-02' };

  it('takes hours above 0 and at most 24 per entry', () => {
    const { type: _t, today: _d, countyUnits: _u, ...data } = entry;
    spec().when(entry).then([{ type: 'TimeEntryRecorded', data }]);
    for (const hours of [0, -1, 24.5]) spec().when({ ...entry, hours }).thenThrows('validation-failed', ['hours']);
    spec().when({ ...entry, date: '2018-03-03' }).thenThrows('validation-failed', ['date']);
  });

  it('may name the municipality the work was for, within the county', () => {
    const { type: _t, today: _d, countyUnits: _u, ...data } = entry;
    spec().when({ ...entry, orgUnit: '2085' }).then([{ type: 'TimeEntryRecorded', data: { ...data, orgUnit: '2085' } }]);
    for (const orgUnit of ['0180', '20']) spec().when({ ...entry, orgUnit }).thenThrows('validation-failed', ['orgUnit']);
  });
});

describe('goals', () => {
  const spec = specFor(goalDecider);
  const defined = { type: 'GoalDefined' as const, data: { goalId: 'g1', orgUnit: '20', kind: 'indicator' as const, number: '3.2', text: 'Alla kommuner har en handlingsplan' } };

  it('are defined and then report their status over time', () => {
    spec().when({ type: 'DefineGoal', goalId: 'g1', orgUnit: '20', kind: 'indicator', number: '3.2', text: 'Alla kommuner har en handlingsplan' }).then([defined]);
    spec([defined]).when({ type: 'ReportGoalStatus', status: 'on-track', narrative: '12 av 15 klara' }).then([
      { type: 'GoalStatusReported', data: { goalId: 'g1', status: 'on-track', narrative: '12 av 15 klara' } },
    ]);
    spec().when({ type: 'ReportGoalStatus', status: 'on-track', narrative: 'x' }).thenThrows('goal-not-found');
    spec([defined]).when({ type: 'ReportGoalStatus', status: 'great' as never, narrative: '' }).thenThrows('validation-failed', ['status', 'narrative']);
  });
});

describe('narrative sections', () => {
  const spec = specFor(narrativeDecider);

  it('are numbered 1–15 and keep every version', () => {
    spec().when({ type: 'AuthorNarrativeSection', county: '20', section: 1, text: 'Sammanfattning…' }).then([
      { type: 'NarrativeSectionAuthored', data: { county: '20', section: 1, text: 'Sammanfattning…' } },
    ]);
    spec().when({ type: 'AuthorNarrativeSection', county: '20', section: 16, text: '' }).thenThrows('validation-failed', ['section']);
  });
});
