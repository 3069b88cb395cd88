import type { Decider } from '../shared/decider.js';
import { ConflictError, ValidationError } from '../shared/domain-errors.js';
import { assertPeriod } from '../shared/period.js';
import type { TemplateDefinition } from '../template/template.types.js';
import { answerProblems, sourceProblems } from '../situation-report/situation-report.answers.js';
import type { Answer, SupportNeed } from '../situation-report/situation-report.types.js';

/**
 * A report in progress: saved in parts by any reporter of the unit (each save an event with
 * its actor), resumed after a reload or by a colleague, closed once the period's report is
 * submitted. No view counts a draft: only the submitted report is the unit's answer.
 */
export const draftStreamId = (orgUnit: string, period: string) => `draft-${orgUnit}-${period}`;

export interface SaveDraft {
  type: 'SaveDraft';
  orgUnit: string;
  period: string;
  /** The template version the draft answers: each value given is checked against it; missing items are allowed. */
  template: TemplateDefinition;
  answers: Answer[];
  sources?: string[];
  summary?: string;
  supportNeeded?: SupportNeed;
  /** The period's report is already in: its draft is closed (the caller looks it up). */
  reportSubmitted: boolean;
}

export type DraftEvent = {
  type: 'DraftSaved';
  data: { orgUnit: string; period: string; templateVersion: number; answers: Answer[]; sources?: string[]; summary?: string; supportNeeded?: SupportNeed };
};

/** What the draft holds after its saves: each item's latest value, and the latest of the rest. */
export interface DraftState {
  saves: number;
  templateVersion?: number;
  answers: Record<string, Answer>;
  sources?: string[];
  summary?: string;
  supportNeeded?: SupportNeed;
}

export const draftDecider: Decider<SaveDraft, DraftEvent, DraftState> = {
  initialState: () => ({ saves: 0, answers: {} }),
  evolve: (state, { data }) => ({
    saves: state.saves + 1,
    templateVersion: data.templateVersion,
    answers: { ...(data.templateVersion === state.templateVersion ? state.answers : {}), ...Object.fromEntries(data.answers.map((a) => [a.item, a])) },
    ...pick(state, data),
  }),
  decide: (command) => {
    assertPeriod(command.period);
    const problems = [...answerProblems(command.template, command.answers), ...sourceProblems(command.template, command.sources ?? [])];
    if (problems.length > 0) throw new ValidationError('The draft does not fit its template version', problems);
    if (command.reportSubmitted) throw new ConflictError('report-already-submitted', `The report for ${command.period} is submitted: its draft is closed.`);
    const { orgUnit, period, answers, sources, summary, supportNeeded } = command;
    return [
      {
        type: 'DraftSaved',
        data: {
          orgUnit,
          period,
          templateVersion: command.template.version,
          answers,
          ...(sources !== undefined ? { sources } : {}),
          ...(summary !== undefined ? { summary } : {}),
          ...(supportNeeded !== undefined ? { supportNeeded } : {}),
        },
      },
    ];
  },
};

/** The sources, summary and support need: a save that gives one replaces it, one that leaves it out keeps it. */
function pick(state: DraftState, data: DraftEvent['data']): Pick<DraftState, 'sources' | 'summary' | 'supportNeeded'> {
  const sources = data.sources ?? state.sources;
  const summary = data.summary ?? state.summary;
  const supportNeeded = data.supportNeeded ?? state.supportNeeded;
  return { ...(sources ? { sources } : {}), ...(summary !== undefined ? { summary } : {}), ...(supportNeeded ? { supportNeeded } : {}) };
}
