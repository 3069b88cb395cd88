export * from './seed.js';
export { buildScenario, type Scenario, type ScenarioOptions, type Step } from './scenario.js';
export { SimulatedClock, runSteps, type SeedRunOptions } from './seeder.js';
export { SeededRandom } from './random.js';
