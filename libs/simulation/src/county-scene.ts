import type { TemplateDefinition } from '@lagesbild/domain';
import { type Actor, uuidFrom } from '@lagesbild/event-store';
import type { OrgUnit, OrgUnitRegistry } from '@lagesbild/reference-data';
import type { SeededRandom } from './random.js';
import { type Step, analyst, momentIn } from './scenario-step.js';

/**
 * A county's part of the simulated history: who acts in it, what it knows, its own stream of
 * chance, and the steps written so far. Every part of the history draws from `random` and adds
 * to `steps` in the order the county's history is written, so the same seed gives the same steps.
 */
export interface CountyScene {
  code: string;
  members: OrgUnit[];
  /** Every org unit of the county but the county itself: its municipalities and their districts. */
  countyUnits: string[];
  /** The analyst, then the coordinator. */
  analysts: [Actor, Actor];
  deadlineDay: number;
  /** The first moment of the history. */
  start: number;
  template: TemplateDefinition;
  knownAreas: string[];
  units: OrgUnitRegistry;
  random: SeededRandom;
  steps: Step[];
  /** A stable id for the county's n-th thing of a kind. */
  id(kind: string, n: number | string): string;
}

export function countyScene(units: OrgUnitRegistry, template: TemplateDefinition, code: string, random: SeededRandom, firstPeriod: string, seed: number, steps: Step[]): CountyScene {
  const county = units.get(code)!;
  return {
    code,
    members: units.municipalitiesOf(code),
    countyUnits: units.within(code).filter((u) => u.kind !== 'county').map((u) => u.code),
    analysts: [analyst(county, 1), analyst(county, 2)],
    deadlineDay: random.pick([10, 10, 12, 15]),
    start: momentIn(firstPeriod, 1, 7),
    template,
    knownAreas: template.areas.map((a) => a.id),
    units,
    random,
    steps,
    id: (kind, n) => uuidFrom(`seed:${seed}:${code}:${kind}:${n}`),
  };
}
