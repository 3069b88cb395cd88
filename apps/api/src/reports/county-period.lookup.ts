import { NotFoundError, countyApprovalDecider, countyApprovalStreamId, countySettingsDecider, countySettingsStreamId, deadlineOf } from '@lagesbild/domain';
import { type EventStore, aggregateStream } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';

/** What a report's county has decided, as a report's decision needs it: the deadline and the lock. */
export class CountyPeriodLookup {
  constructor(
    private readonly store: EventStore,
    private readonly units: OrgUnitRegistry,
  ) {}

  async deadline(orgUnit: string, period: string): Promise<string> {
    const { state } = await aggregateStream(this.store, countySettingsDecider, countySettingsStreamId(this.countyOf(orgUnit)));
    return deadlineOf(period, state.deadlineDay);
  }

  async approved(orgUnit: string, period: string): Promise<boolean> {
    const { state } = await aggregateStream(this.store, countyApprovalDecider, countyApprovalStreamId(this.countyOf(orgUnit), period));
    return state.approved;
  }

  private countyOf(orgUnit: string): string {
    const county = this.units.countyOf(orgUnit);
    if (!county) throw new NotFoundError('org-unit-not-found', `${orgUnit} belongs to no county`);
    return county.code;
  }
}
