import { type Period, type TemplateDefinition, addMonths, countySettingsDecider, countySettingsStreamId, periodsBetween } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import { countyScene } from './county-scene.js';
import { CountyRisks } from './county-risks.js';
import { authorNarrative, defineGoals, recordMonthsWork, recordReadiness, reportGoalStatus } from './county-work.js';
import { MunicipalityProfile } from './municipality-profile.js';
import { reportPeriod } from './monthly-reports.js';
import { SeededRandom } from './random.js';
import { type Step, step } from './scenario-step.js';

export type { Step } from './scenario-step.js';

export interface ScenarioOptions {
  /** The counties whose municipalities report (`['20']` for the demo, every county nationally). */
  counties: string[];
  /** How many months of reports, ending with the month before `until`. */
  months: number;
  seed: number;
  /** The end of the simulated history: nothing happens after it. */
  until: Date;
  /** Narrative sections and a reopened period, as a demo shows them. */
  narrative: boolean;
}

export interface Scenario {
  steps: Step[];
  periods: Period[];
  municipalities: number;
  /** Each county's reporting deadline day, as its settings set it. */
  deadlineDays: Map<string, number>;
}

/** The `months` periods before the month of `until` (UTC). */
function periodsBefore(until: Date, months: number): Period[] {
  const current = until.toISOString().slice(0, 7);
  return periodsBetween(addMonths(current, -months), addMonths(current, -1));
}

/**
 * The simulated history of a county (or of all of them): monthly reports from every
 * municipality (some late, some amended, now and then one missing), the county's regional
 * assessment and approval of each period, risks with actions, readiness facts, activities,
 * time entries and goals. Deterministic: the same options give the same steps.
 */
export function buildScenario(units: OrgUnitRegistry, template: TemplateDefinition, options: ScenarioOptions): Scenario {
  const root = new SeededRandom(options.seed);
  const periods = periodsBefore(options.until, options.months);
  const steps: Step[] = [];
  const deadlineDays = new Map<string, number>();
  let municipalities = 0;

  for (const code of options.counties) {
    const random = root.fork(`county-${code}`);
    const county = countyScene(units, template, code, random, periods[0]!, options.seed, steps);
    municipalities += county.members.length;
    deadlineDays.set(code, county.deadlineDay);
    steps.push(step(county.start, county.analysts[0], countySettingsDecider, countySettingsStreamId(code), { type: 'SetReportingDeadline', county: code, deadlineDay: county.deadlineDay }));
    recordReadiness(county);
    const goalIds = defineGoals(county);
    const profiles = new Map(county.members.map((m) => [m.code, new MunicipalityProfile(random.fork(`profile-${m.code}`), template)]));
    const risks = new CountyRisks(county);
    for (const period of periods) {
      reportPeriod(county, period, profiles, options.narrative ? 0.1 : 0.02);
      risks.month(period);
      recordMonthsWork(county, period);
      reportGoalStatus(county, goalIds, period);
    }
    if (options.narrative) authorNarrative(county, periods[periods.length - 1]!);
  }

  const until = options.until.getTime();
  const kept = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.at <= until);
  kept.sort((a, b) => a.s.at - b.s.at || a.i - b.i);
  return { steps: kept.map(({ s }) => s), periods, municipalities, deadlineDays };
}
