import type { TemplateDefinition } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../view-store.port.js';
import { reportSummaryOf } from './situation-report/report-summary.projection.js';
import { countySituation, levelDistribution, levelItemOf } from './situation.queries.js';

/**
 * The loop back to a municipality (or district) for a period ("analyseras och återrapporteras
 * till kommunerna"): what the county's regional assessment said to it, and the county's picture
 * as it may see it — how many have reported, the spread of levels, how many municipalities
 * report each item rising: counts only, no other municipality named.
 */
export async function loopBackTo(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, period: string, template: TemplateDefinition) {
  const county = units.countyOf(orgUnit);
  if (!county) return { feedback: [] };
  const situation = await countySituation(reader, units, county.code, period, template);
  const assessment = situation.assessment;
  const feedback = (assessment?.feedback ?? []).filter((f) => f.orgUnit === orgUnit).map((f) => ({ message: f.message, from: county.name, at: assessment!.recordedAt }));
  const risingBy = new Map<string, Set<string>>();
  for (const { orgUnit: unit, item } of situation.rising) risingBy.set(item, (risingBy.get(item) ?? new Set()).add(unit));
  const { expected, reported, missing, late } = situation.completeness;
  return {
    feedback,
    county: {
      county: county.code,
      name: county.name,
      completeness: { expected, reported: reported.length, missing: missing.length, late: late.length },
      levelDistribution: situation.levels,
      risingTrends: [...risingBy].map(([item, municipalities]) => ({ item, municipalities: municipalities.size })).sort((a, b) => b.municipalities - a.municipalities || a.item.localeCompare(b.item)),
    },
  };
}

/**
 * A city's districts in a period (Stockholm's, or those the admin added): whether each has
 * reported, and the spread of levels across them per area. Undefined for a city without any.
 */
export async function districtsPicture(reader: ViewReader, units: OrgUnitRegistry, city: string, period: string, template: TemplateDefinition) {
  const districts = units.children(city).filter((u) => u.kind === 'district');
  if (districts.length === 0) return undefined;
  const reports = await Promise.all(districts.map((d) => reportSummaryOf(reader, d.code, period)));
  return {
    units: districts.map((d, i) => ({ orgUnit: d.code, name: d.name, reported: reports[i] !== undefined, late: reports[i]?.late ?? false })),
    reported: reports.filter(Boolean).length,
    levels: template.areas.map((area) => {
      const item = levelItemOf(template, area.id);
      return { area: area.id, label: area.label, item, distribution: levelDistribution(reports, item) };
    }),
  };
}
