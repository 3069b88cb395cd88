import type { Decider } from '../shared/decider.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-errors.js';
import { assertPeriod, periodOf } from '../shared/period.js';
import { answerProblems, sourceProblems } from './situation-report.answers.js';
import type {
  AmendSituationReport,
  SituationReportCommand,
  SituationReportEvent,
  SituationReportState,
  SubmitSituationReport,
} from './situation-report.types.js';

/** What every report's stream id begins with; then its org unit's code, then its period. */
export const SITUATION_REPORT_STREAM_PREFIX = 'situation-report-';
/** One stream per org unit and period. */
export const situationReportStreamId = (orgUnit: string, period: string) => `${SITUATION_REPORT_STREAM_PREFIX}${orgUnit}-${period}`;

const periodApproved = (period: string) =>
  new ConflictError('period-approved', `The county has approved ${period}: its reports are locked until it is reopened.`);

function submit(command: SubmitSituationReport, state: SituationReportState): SituationReportEvent[] {
  // What is wrong with the request itself is said first (400); then what the state forbids (409).
  assertPeriod(command.period);
  if (command.period > periodOf(new Date(command.submittedAt))) {
    throw new ValidationError('The period is in the future', [{ path: 'period', message: 'a period in the future cannot be reported' }]);
  }
  const problems = [...answerProblems(command.template, command.answers), ...sourceProblems(command.template, command.sources)];
  if (problems.length > 0) throw new ValidationError('The report does not fit its template version', problems);
  if (state.status !== 'none') {
    throw new ConflictError('report-already-submitted', `A report for ${command.period} is already submitted; amend it instead.`);
  }
  if (command.periodApproved) throw periodApproved(command.period);
  return [
    {
      type: 'SituationReportSubmitted',
      data: {
        orgUnit: command.orgUnit,
        period: command.period,
        templateVersion: command.template.version,
        answers: command.answers,
        sources: command.sources,
        ...(command.summary !== undefined ? { summary: command.summary } : {}),
        ...(command.supportNeeded !== undefined ? { supportNeeded: command.supportNeeded } : {}),
        deadline: command.deadline,
        late: command.submittedAt > command.deadline,
      },
    },
  ];
}

function amend(command: AmendSituationReport, state: SituationReportState): SituationReportEvent[] {
  if (state.status === 'none') throw new NotFoundError('report-not-found', 'There is no report to amend for this period.');
  if (command.reason.trim() === '') {
    throw new ValidationError('An amendment needs a reason', [{ path: 'reason', message: 'must say why the report is amended' }]);
  }
  if (command.answers.length === 0) {
    throw new ValidationError('An amendment changes at least one answer', [{ path: 'answers', message: 'must not be empty' }]);
  }
  const problems = answerProblems(command.template, command.answers);
  if (problems.length > 0) throw new ValidationError('The amendment does not fit the report\'s template version', problems);
  if (command.periodApproved) throw periodApproved(state.period);
  return [
    {
      type: 'SituationReportAmended',
      data: { orgUnit: state.orgUnit, period: state.period, answers: command.answers, reason: command.reason.trim() },
    },
  ];
}

export const situationReportDecider: Decider<SituationReportCommand, SituationReportEvent, SituationReportState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SituationReportSubmitted':
        return {
          status: 'submitted',
          orgUnit: event.data.orgUnit,
          period: event.data.period,
          templateVersion: event.data.templateVersion,
          answers: new Map(event.data.answers.map((a) => [a.item, a])),
          amendments: 0,
        };
      case 'SituationReportAmended': {
        if (state.status === 'none') return state;
        const answers = new Map(state.answers);
        for (const answer of event.data.answers) answers.set(answer.item, answer);
        return { ...state, answers, amendments: state.amendments + 1 };
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SubmitSituationReport':
        return submit(command, state);
      case 'AmendSituationReport':
        return amend(command, state);
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  },
};
