import type { TemplateDefinition } from '@lagesbild/domain';
import type { OrgUnitRegistry } from '@lagesbild/reference-data';
import type { ViewReader } from '../view-store.port.js';
import { ASSESSMENTS_VIEW, type AssessmentRow, countyPeriodKey } from './county/county.projections.js';
import { reportSummaryOf } from './situation-report/report-summary.projection.js';
import { countySituation, levelDistribution, levelItemOf } from './situation.queries.js';

/**
 * What the county's regional assessment of a period said to one of its units: the loop back
 * to the municipality ("analyseras och återrapporteras till kommunerna").
 */
export async function feedbackTo(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, period: string) {
  const county = units.countyOf(orgUnit);
  if (!county) return [];
  const assessment = await reader.get<AssessmentRow>(ASSESSMENTS_VIEW, countyPeriodKey(county.code, period));
  return (assessment?.feedback ?? []).filter((f) => f.orgUnit === orgUnit).map((f) => ({ message: f.message, from: county.name, at: assessment!.recordedAt }));
}

/**
 * The county's picture of a period as one of its municipalities may see it: how many have
 * reported, the spread of levels, how many municipalities report each item rising — counts
 * only, no other municipality named.
 */
export async function countyPictureFor(reader: ViewReader, units: OrgUnitRegistry, orgUnit: string, period: string, template: TemplateDefinition) {
  const county = units.countyOf(orgUnit);
  if (!county) return undefined;
  const situation = await countySituation(reader, units, county.code, period, template);
  const risingBy = new Map<string, Set<string>>();
  for (const { orgUnit: unit, item } of situation.rising) risingBy.set(item, (risingBy.get(item) ?? new Set()).add(unit));
  const { expected, reported, missing, late } = situation.completeness;
  return {
    county: county.code,
    name: county.name,
    completeness: { expected, reported: reported.length, missing: missing.length, late: late.length },
    levelDistribution: situation.levels,
    risingTrends: [...risingBy].map(([item, municipalities]) => ({ item, municipalities: municipalities.size })).sort((a, b) => b.municipalities - a.municipalities || a.item.localeCompare(b.item)),
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
