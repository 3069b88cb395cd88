import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError } from '../shared/domain-errors.js';
import { assertPeriod } from '../shared/period.js';
import { Problems } from '../shared/rules.js';
import { LEVEL_MAX, LEVEL_MIN } from '../template/template.types.js';

/** The county analyst's regional assessment (samlad regional lägesbild) of a period. */
export const assessmentStreamId = (county: string, period: string) => `assessment-${county}-${period}`;

export interface AssessmentContent {
  areas: Array<{ area: string; level: number; text: string }>;
  trends: string;
  feedback: Array<{ orgUnit: string; message: string }>;
}

interface AssessmentFacts {
  /** Areas of the current template, and the county's municipalities and districts. */
  knownAreas: string[];
  countyUnits: string[];
}

export type AssessmentCommand =
  | ({ type: 'RecordAssessment'; county: string; period: string } & AssessmentContent & AssessmentFacts)
  | ({ type: 'AmendAssessment'; reason?: string } & AssessmentContent & AssessmentFacts);

export type AssessmentEvent =
  | { type: 'RegionalAssessmentRecorded'; data: { county: string; period: string } & AssessmentContent }
  | { type: 'RegionalAssessmentAmended'; data: { county: string; period: string; reason?: string } & AssessmentContent };

export type AssessmentState = { recorded: false } | { recorded: true; county: string; period: string };

function content(command: AssessmentContent & AssessmentFacts): AssessmentContent {
  const p = new Problems().check(command.areas.length > 0, 'areas', 'must assess at least one area');
  const seen = new Set<string>();
  command.areas.forEach((a, i) => {
    p.check(command.knownAreas.includes(a.area), `areas.${i}.area`, `must be one of ${command.knownAreas.join(', ')}`);
    p.check(!seen.has(a.area), `areas.${i}.area`, 'is assessed twice');
    seen.add(a.area);
    p.wholeNumber(a.level, `areas.${i}.level`, LEVEL_MIN, LEVEL_MAX).text(a.text, `areas.${i}.text`, 20_000);
  });
  p.check(command.trends.length <= 20_000, 'trends', 'must be at most 20000 characters');
  command.feedback.forEach((f, i) => {
    p.check(command.countyUnits.includes(f.orgUnit), `feedback.${i}.orgUnit`, `${f.orgUnit} is not a municipality of the county`);
    p.text(f.message, `feedback.${i}.message`, 10_000);
  });
  p.throwIfAny('The assessment is not well formed');
  return {
    areas: command.areas.map((a) => ({ area: a.area, level: a.level, text: a.text.trim() })),
    trends: command.trends.trim(),
    feedback: command.feedback.map((f) => ({ orgUnit: f.orgUnit, message: f.message.trim() })),
  };
}

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  initialState: () => ({ recorded: false }),
  evolve: (state, event) =>
    event.type === 'RegionalAssessmentRecorded' ? { recorded: true, county: event.data.county, period: event.data.period } : state,
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordAssessment':
        assertPeriod(command.period);
        if (state.recorded) throw new ConflictError('assessment-exists', `The assessment of ${command.period} is recorded; amend it instead.`);
        return [{ type: 'RegionalAssessmentRecorded', data: { county: command.county, period: command.period, ...content(command) } }];
      case 'AmendAssessment': {
        if (!state.recorded) throw new NotFoundError('assessment-not-found', 'There is no assessment to amend for this period.');
        const reason = command.reason?.trim();
        return [{ type: 'RegionalAssessmentAmended', data: { county: state.county, period: state.period, ...content(command), ...(reason ? { reason } : {}) } }];
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
};
