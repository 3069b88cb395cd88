import { CommandHandler } from '@nestjs/cqrs';
import { type AuthorNarrativeSection, type GoalCommand, type RecordActivity, type RecordReadinessFact, type RecordTimeEntry, activityDecider, activityStreamId, goalDecider, goalStreamId, narrativeDecider, narrativeStreamId, readinessDecider, readinessStreamId, swedishDate, timeEntryDecider, timeEntryStreamId } from '@lagesbild/domain';
import { handleCommand } from '@lagesbild/event-store';
import { FeatureCommand, FeatureHandler, type Written, written } from '../http/feature-command.js';
import { newAggregateId } from '../http/new-id.js';
import { codesWithin, requireCounty } from '../http/org-unit-checks.js';

type DefineGoal = Extract<GoalCommand, { type: 'DefineGoal' }>;
type ReportGoalStatus = Extract<GoalCommand, { type: 'ReportGoalStatus' }>;
type Request =
  | Omit<RecordReadinessFact, 'today'>
  | Omit<RecordActivity, 'activityId' | 'county' | 'countyUnits'>
  | Omit<RecordTimeEntry, 'entryId' | 'county' | 'person' | 'today' | 'countyUnits'>
  | Omit<DefineGoal, 'goalId'>
  | (ReportGoalStatus & { goalId: string })
  | AuthorNarrativeSection;

/**
 * The county's own work: readiness facts of its units, activities, time, goals, and the
 * report-back's narrative sections. Activities and time are recorded for the caller's county.
 */
export class WorkRecordsCommand extends FeatureCommand<Request> {}

@CommandHandler(WorkRecordsCommand)
export class WorkRecordsHandler extends FeatureHandler<WorkRecordsCommand> {

  async execute({ request, context }: WorkRecordsCommand): Promise<Written> {
    const { actor } = context;
    switch (request.type) {
      case 'RecordReadinessFact': {
        const fact = { ...request, today: swedishDate(new Date()) };
        return written(await handleCommand(this.store, readinessDecider, readinessStreamId(request.orgUnit), fact, context));
      }
      case 'RecordActivity': {
        const activityId = newAggregateId(context, 'activity');
        const activity = { ...request, activityId, county: actor.org, countyUnits: codesWithin(this.units, actor.org) };
        return written(await handleCommand(this.store, activityDecider, activityStreamId(activityId), activity, context), activityId);
      }
      case 'RecordTimeEntry': {
        const entryId = newAggregateId(context, 'time-entry');
        const entry = { ...request, entryId, county: actor.org, countyUnits: codesWithin(this.units, actor.org), person: { id: actor.id, name: actor.name }, today: swedishDate(new Date()) };
        return written(await handleCommand(this.store, timeEntryDecider, timeEntryStreamId(entryId), entry, context), entryId);
      }
      case 'DefineGoal': {
        const goalId = newAggregateId(context, 'goal');
        return written(await handleCommand(this.store, goalDecider, goalStreamId(goalId), { ...request, goalId }, context), goalId);
      }
      case 'ReportGoalStatus': {
        const { goalId, ...status } = request;
        return written(await handleCommand(this.store, goalDecider, goalStreamId(goalId), status, context), goalId);
      }
      case 'AuthorNarrativeSection':
        requireCounty(this.units, request.county, 'county');
        return written(await handleCommand(this.store, narrativeDecider, narrativeStreamId(request.county, request.section), request, context));
    }
  }
}
