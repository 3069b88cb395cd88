import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type OrgUnitKind = 'nation' | 'county' | 'municipality' | 'district';

export interface OrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  /** The unit above: SE for a county, the county for a municipality, the municipality for a district. */
  parent: string | null;
}

export const NATION_CODE = 'SE';

const dataset = (file: string) => readFileSync(new URL(`./datasets/${file}`, import.meta.url), 'utf8');
const rows = <T>(file: string): T[] => parse(dataset(file), { columns: true, skip_empty_lines: true, trim: true });

/**
 * Sweden's org units: the nation, 21 counties, 290 municipalities and Stockholm's city
 * districts (SCB codes; see datasets/), shipped with the project and read once; districts
 * the admin adds later are added as their events are read.
 */
export class OrgUnitRegistry {
  private readonly units = new Map<string, OrgUnit>();
  private readonly childrenOf = new Map<string, OrgUnit[]>();

  constructor(units: OrgUnit[]) {
    for (const unit of units) this.add(unit);
  }

  /** A unit beyond the shipped lists (a district the admin added); one already known stays as it is. */
  add(unit: OrgUnit): void {
    if (this.units.has(unit.code)) return;
    this.units.set(unit.code, unit);
    if (unit.parent) this.childrenOf.set(unit.parent, [...(this.childrenOf.get(unit.parent) ?? []), unit]);
  }

  static sweden(): OrgUnitRegistry {
    const counties = rows<{ code: string; name: string }>('counties.csv');
    const municipalities = rows<{ code: string; name: string; county_code: string }>('municipalities.csv');
    const districts = rows<{ code: string; name: string; municipality_code: string }>('districts.csv');
    return new OrgUnitRegistry([
      { code: NATION_CODE, name: 'Sverige', kind: 'nation', parent: null },
      ...counties.map((c): OrgUnit => ({ code: c.code, name: c.name, kind: 'county', parent: NATION_CODE })),
      ...municipalities.map((m): OrgUnit => ({ code: m.code, name: m.name, kind: 'municipality', parent: m.county_code })),
      ...districts.map((d): OrgUnit => ({ code: d.code, name: d.name, kind: 'district', parent: d.municipality_code })),
    ]);
  }

  get(code: string): OrgUnit | undefined {
    return this.units.get(code);
  }

  has(code: string): boolean {
    return this.units.has(code);
  }

  children(code: string): OrgUnit[] {
    return this.childrenOf.get(code) ?? [];
  }

  all(kind?: OrgUnitKind): OrgUnit[] {
    const all = [...this.units.values()];
    return kind ? all.filter((u) => u.kind === kind) : all;
  }

  /** The unit and every unit below it (a county, its municipalities, their districts). */
  within(code: string): OrgUnit[] {
    const unit = this.units.get(code);
    return unit ? [unit, ...this.children(code).flatMap((child) => this.within(child.code))] : [];
  }

  /** The unit and every unit above it, nearest first. */
  ancestry(code: string): OrgUnit[] {
    const chain: OrgUnit[] = [];
    for (let unit = this.units.get(code); unit; unit = unit.parent ? this.units.get(unit.parent) : undefined) {
      chain.push(unit);
    }
    return chain;
  }

  /** True when `code` is `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean {
    return this.ancestry(code).some((u) => u.code === ancestor);
  }

  /** A county's municipalities (not their districts). */
  municipalitiesOf(county: string): OrgUnit[] {
    return this.children(county).filter((u) => u.kind === 'municipality');
  }

  /** The county a unit belongs to (itself for a county). */
  countyOf(code: string): OrgUnit | undefined {
    return this.ancestry(code).find((u) => u.kind === 'county');
  }
}
