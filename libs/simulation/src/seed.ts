import { type EventStoreSettings, openEventStore } from '@lagesbild/event-store';
import { OrgUnitRegistry, defaultTemplate } from '@lagesbild/reference-data';
import { demoLoop } from './demo-loop.js';
import { SeededRandom } from './random.js';
import { buildScenario } from './scenario.js';
import { SimulatedClock, runSteps } from './seeder.js';

export interface SeedOptions {
  /** `demo`: Dalarna, two years, with narrative; `national`: all 290 municipalities. */
  scope: 'demo' | 'national';
  years: number;
  seed: number;
  /** The end of the simulated history (default: now). */
  until: Date;
  onProgress?: (done: number, total: number, events: bigint) => void;
}

export interface SeedResult {
  steps: number;
  events: number;
  seconds: number;
  from: string;
  to: string;
}

export class StoreNotEmptyError extends Error {}

/** The demo county: Dalarna (20), whose 2018 report the product grew from. */
export const DEMO_COUNTY = '20';

/**
 * Seeds an empty store with a simulated history. A store that already holds events is left
 * alone: history written into its past would break the order of time and position.
 */
export async function seedStore(settings: EventStoreSettings, options: SeedOptions): Promise<SeedResult> {
  const clock = new SimulatedClock();
  const store = openEventStore({ ...settings, clock: clock.read });
  try {
    const head = await store.headPosition();
    if (head > 0n) throw new StoreNotEmptyError(`The event log already holds ${head} events; seed only into an empty DATA_DIR`);
    const units = OrgUnitRegistry.sweden();
    const scenario = buildScenario(units, defaultTemplate(), {
      counties: options.scope === 'demo' ? [DEMO_COUNTY] : units.all('county').map((c) => c.code),
      months: options.scope === 'demo' ? 24 : 12 * options.years,
      seed: options.seed,
      until: options.until,
      narrative: options.scope === 'demo',
    });
    const template = defaultTemplate();
    // The demo shows the whole loop: drafts, reminders, support cases and requests, districts.
    const steps = options.scope === 'demo' ? demoLoop(units, template, scenario.steps, scenario.deadlineDays.get(DEMO_COUNTY)!, options.until, new SeededRandom(options.seed).fork('demo-loop')) : scenario.steps;
    const started = performance.now();
    const result = await runSteps(store, steps, { seed: options.seed, clock, onProgress: options.onProgress });
    return {
      steps: result.steps,
      events: Number(result.events),
      seconds: Math.round(performance.now() - started) / 1000,
      from: scenario.periods[0]!,
      to: scenario.periods[scenario.periods.length - 1]!,
    };
  } finally {
    await store.close();
  }
}
