import { describe, expect, it } from '@jest/globals';
import { defaultTemplate } from './default-template.js';
import { OrgUnitRegistry } from './org-units.js';

const sweden = OrgUnitRegistry.sweden();

describe('OrgUnitRegistry.sweden', () => {
  it('holds the nation, 21 counties, 290 municipalities and 13 Stockholm districts', () => {
    expect(sweden.all('nation')).toHaveLength(1);
    expect(sweden.all('county')).toHaveLength(21);
    expect(sweden.all('municipality')).toHaveLength(290);
    expect(sweden.all('district')).toHaveLength(13);
    expect(sweden.children('20').map((m) => m.name)).toContain('Ludvika');
    expect(sweden.children('14')).toHaveLength(49);
  });

  it('knows the hierarchy: a district lies within its municipality, county and the nation', () => {
    expect(sweden.get('2085')).toEqual({ code: '2085', name: 'Ludvika', kind: 'municipality', parent: '20' });
    expect(sweden.ancestry('0180-01').map((u) => u.code)).toEqual(['0180-01', '0180', '01', 'SE']);
    expect(sweden.isWithin('0180-01', '01')).toBe(true);
    expect(sweden.isWithin('2085', '21')).toBe(false);
    expect(sweden.countyOf('2085')?.name).toBe('Dalarnas län');
    expect(sweden.countyOf('0180-01')?.code).toBe('01');
    expect(sweden.municipalitiesOf('01')).toHaveLength(26); // Stockholm's districts are not among them
    expect(sweden.municipalitiesOf('20').map((u) => u.code)).toContain('2085');
    expect(sweden.has('9999')).toBe(false);
    expect(sweden.within('01').map((u) => u.code)).toEqual(expect.arrayContaining(['01', '0180', '0180-01']));
    expect(sweden.within('01')).toHaveLength(1 + 26 + 13);
    expect(sweden.within('9999')).toEqual([]);
  });
});

describe('defaultTemplate', () => {
  it('is version 1 with the four areas and unique item ids', () => {
    const template = defaultTemplate();
    expect(template.version).toBe(1);
    expect(template.areas.map((a) => a.id)).toEqual(['social-risk', 'crime-prevention', 'violent-extremism', 'andt']);
    const ids = template.areas.flatMap((a) => a.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes a district added later under its city, and keeps a known unit as it is', () => {
    const units = OrgUnitRegistry.sweden();
    units.add({ code: '1480-01', name: 'Centrum', kind: 'district', parent: '1480' });
    units.add({ code: '2085', name: 'Fel namn', kind: 'district', parent: '1480' });
    expect(units.children('1480').map((u) => u.code)).toEqual(['1480-01']);
    expect(units.countyOf('1480-01')?.code).toBe('14');
    expect(units.get('2085')?.name).toBe('Ludvika');
  });
});
