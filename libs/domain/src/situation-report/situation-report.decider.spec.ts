import { describe, expect, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { fixtureTemplate as template } from '../testing/template.fixture.js';
import { situationReportDecider } from './situation-report.decider.js';
import type { AmendSituationReport, SituationReportEvent, SubmitSituationReport } from './situation-report.types.js';

const spec = specFor(situationReportDecider);

const submit = (overrides: Partial<SubmitSituationReport> = {}): SubmitSituationReport => ({
  type: 'SubmitSituationReport',
  orgUnit: '2085',
  period: '2018-03',
  template,
  answers: [
    { item: 'social-risk.level', value: 2, trend: 'rising', comment: 'Oro kring centrum', sources: ['school'] },
    { item: 'social-risk.fires-vandalism', value: 3 },
    { item: 'andt.doping', value: false },
  ],
  sources: ['school', 'municipal-police'],
  submittedAt: '2018-04-05T08:00:00.000Z',
  deadline: '2018-04-10T22:00:00.000Z',
  periodApproved: false,
  ...overrides,
});

const submitted = (late = false): SituationReportEvent => ({
  type: 'SituationReportSubmitted',
  data: {
    orgUnit: '2085',
    period: '2018-03',
    templateVersion: 1,
    answers: submit().answers,
    sources: ['school', 'municipal-police'],
    deadline: '2018-04-10T22:00:00.000Z',
    late,
  },
});

const amend = (overrides: Partial<AmendSituationReport> = {}): AmendSituationReport => ({
  type: 'AmendSituationReport',
  template,
  answers: [{ item: 'social-risk.level', value: 3 }],
  reason: 'Polisen rapporterade fler händelser',
  periodApproved: false,
  ...overrides,
});

describe('situation report: submit', () => {
  it('records a report on time against its template version', () => {
    spec().when(submit()).then([submitted(false)]);
  });

  it('marks a report submitted after the deadline as late', () => {
    spec().when(submit({ submittedAt: '2018-04-11T07:00:00.000Z' })).then([submitted(true)]);
  });

  it('refuses a second submission for the same period', () => {
    spec([submitted()]).when(submit()).thenThrows('report-already-submitted');
  });

  it('names a value that does not fit before saying the period is already reported', () => {
    spec([submitted()])
      .when(submit({ answers: [{ item: 'social-risk.level', value: 9 }] }))
      .thenThrows('validation-failed', ['answers.0.value']);
  });

  it('refuses a period in the future', () => {
    spec().when(submit({ period: '2018-05' })).thenThrows('validation-failed', ['period']);
  });

  it('refuses a malformed period', () => {
    spec().when(submit({ period: '2018-3' })).thenThrows('validation-failed', ['period']);
  });

  it('names every answer that does not fit the template', () => {
    spec()
      .when(
        submit({
          answers: [
            { item: 'no-such-item', value: 1 },
            { item: 'social-risk.level', value: 5 },
            { item: 'social-risk.fires-vandalism', value: -1 },
            { item: 'andt.doping', value: 'ja' },
            { item: 'andt.note', value: 7, trend: 'sideways' as never, sources: ['tarot'] },
          ],
          sources: ['astrology'],
        }),
      )
      .thenThrows('validation-failed', [
        'answers.0.item',
        'answers.1.value',
        'answers.2.value',
        'answers.3.value',
        'answers.4.value',
        'answers.4.trend',
        'answers.4.sources.0',
        'sources.0',
      ]);
  });

  it('refuses a level that is not a whole number and an item answered twice', () => {
    spec()
      .when(submit({ answers: [{ item: 'social-risk.level', value: 2.5 }, { item: 'social-risk.level', value: 1 }] }))
      .thenThrows('validation-failed', ['answers.0.value', 'answers.1.item']);
  });

  it('is refused while the county has approved the period', () => {
    spec().when(submit({ periodApproved: true })).thenThrows('period-approved');
  });
});

describe('situation report: amend', () => {
  it('records the changed answers with the reason', () => {
    spec([submitted()])
      .when(amend())
      .then([
        {
          type: 'SituationReportAmended',
          data: { orgUnit: '2085', period: '2018-03', answers: [{ item: 'social-risk.level', value: 3 }], reason: 'Polisen rapporterade fler händelser' },
        },
      ]);
  });

  it('needs a reason', () => {
    spec([submitted()]).when(amend({ reason: '  ' })).thenThrows('validation-failed', ['reason']);
  });

  it('needs at least one answer, each fitting the template', () => {
    spec([submitted()]).when(amend({ answers: [] })).thenThrows('validation-failed', ['answers']);
    spec([submitted()]).when(amend({ answers: [{ item: 'social-risk.level', value: 9 }] })).thenThrows('validation-failed', ['answers.0.value']);
  });

  it('cannot amend a report that was never submitted', () => {
    spec().when(amend()).thenThrows('report-not-found');
  });

  it('is refused while the county has approved the period', () => {
    spec([submitted()]).when(amend({ periodApproved: true })).thenThrows('period-approved');
  });

  it('folds amendments over the submitted answers', () => {
    const state = [submitted(), ...situationReportDecider.decide(amend(), situationReportDecider.evolve({ status: 'none' }, submitted()))].reduce(
      situationReportDecider.evolve,
      situationReportDecider.initialState(),
    );
    expect(state.status === 'submitted' && state.answers.get('social-risk.level')?.value).toBe(3);
    expect(state.status === 'submitted' && state.amendments).toBe(1);
  });
});
