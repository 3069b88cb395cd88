import { describe, it } from '@jest/globals';
import { specFor } from '../testing/given-when-then.js';
import { type AssessmentCommand, assessmentDecider } from './assessment.decider.js';

const spec = specFor(assessmentDecider);
const facts = { knownAreas: ['social-risk', 'andt'], countyUnits: ['2085', '2080'] };
const content = {
  areas: [{ area: 'social-risk', level: 2, text: 'Oro i två kommuner' }],
  trends: 'Ökande oro bland unga',
  feedback: [{ orgUnit: '2085', message: 'Följ upp samlingarna i centrum' }],
};
const record: AssessmentCommand = { type: 'RecordAssessment', county: '20', period: '2018-03', ...content, ...facts };
const recorded = { type: 'RegionalAssessmentRecorded' as const, data: { county: '20', period: '2018-03', ...content } };

describe('regional assessment', () => {
  it('records a level and text per area, trends and feedback to named municipalities', () => {
    spec().when(record).then([recorded]);
  });

  it('names what is wrong: unknown area, level off the scale, feedback outside the county', () => {
    spec()
      .when({ ...record, areas: [{ area: 'weather', level: 5, text: '' }], feedback: [{ orgUnit: '0180', message: 'Hej' }] })
      .thenThrows('validation-failed', ['areas.0.area', 'areas.0.level', 'areas.0.text', 'feedback.0.orgUnit']);
  });

  it('is recorded once and amended after', () => {
    spec([recorded]).when(record).thenThrows('assessment-exists');
    spec([recorded]).when({ type: 'AmendAssessment', reason: 'Ny uppgift', ...content, ...facts }).then([
      { type: 'RegionalAssessmentAmended', data: { county: '20', period: '2018-03', ...content, reason: 'Ny uppgift' } },
    ]);
    spec().when({ type: 'AmendAssessment', ...content, ...facts }).thenThrows('assessment-not-found');
  });
});
