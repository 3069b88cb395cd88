import { type CommandContext, type EventStore, handleCommand } from '@lagesbild/event-store';
import { situationReportDecider, situationReportStreamId } from '@lagesbild/domain';
import { defaultTemplate } from '@lagesbild/reference-data';

/** Commands the projection tests record through the real decider: a reporter of 2085, template v1. */
const template = defaultTemplate();
const context: CommandContext = { actor: { id: 'kim', name: 'Kim', roles: ['municipal_reporter'], org: '2085' }, correlationId: 'c' };

/** Submits an org unit's report of a period with one answer: the social-risk level. */
export function submitLevel(store: EventStore, orgUnit: string, period: string, level: number, submittedAt: string) {
  return handleCommand(
    store,
    situationReportDecider,
    situationReportStreamId(orgUnit, period),
    {
      type: 'SubmitSituationReport',
      orgUnit,
      period,
      template,
      answers: [{ item: 'social-risk.level', value: level }],
      sources: [],
      submittedAt,
      deadline: '2018-04-10T22:00:00.000Z',
      periodApproved: false,
    },
    context,
  );
}

/** Amends the social-risk level of an org unit's report. */
export function amendLevel(store: EventStore, orgUnit: string, period: string, level: number) {
  return handleCommand(
    store,
    situationReportDecider,
    situationReportStreamId(orgUnit, period),
    { type: 'AmendSituationReport', template, answers: [{ item: 'social-risk.level', value: level }], reason: 'Ny uppgift', periodApproved: false },
    context,
  );
}
