import { describeEventStoreContract } from '../testing/index.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const url = process.env.EVENTSTORE_URL;

describeEventStoreContract('EventStoreDB', {
  create: async () => EventStoreDbEventStore.connect(url!),
  ...(url ? {} : { skipReason: 'EVENTSTORE_URL is not set; start docker/docker-compose.yml and set it to run' }),
});
