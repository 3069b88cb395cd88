import type { EventStoreSettings } from '@lagesbild/event-store';
import { validateEnvironment } from '../../api/src/config/environment.js';

/** The CLI works on the same stores as the api, configured by the same variables. */
export function storeSettingsFromEnvironment(): EventStoreSettings {
  const environment = validateEnvironment(process.env);
  return { dataDir: environment.DATA_DIR, eventStoreUrl: environment.EVENTSTORE_URL };
}
