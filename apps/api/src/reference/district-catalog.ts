import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DistrictEvent } from '@lagesbild/domain';
import { EVENT_STORE, type EventStore, eventsOf } from '@lagesbild/event-store';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { ORG_UNITS } from '../auth/auth.tokens.js';

const isDistrictAdded = eventsOf<DistrictEvent>('DistrictAdded');

/**
 * The districts the admin has added, made known to the org units every route checks: read at
 * start from the districts' streams (a range of stream ids, not the whole log), and added as
 * each is recorded.
 */
@Injectable()
export class DistrictCatalog implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ORG_UNITS) private readonly units: OrgUnitRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for await (const event of this.store.readAll({ select: [{ types: ['DistrictAdded'], streams: { from: 'districts-', to: 'districts-\uffff' } }] })) {
      if (isDistrictAdded(event)) this.learn(event.data);
    }
  }

  learn({ municipality, code, name }: DistrictEvent['data']): void {
    this.units.add({ code, name, kind: 'district', parent: municipality });
  }
}
