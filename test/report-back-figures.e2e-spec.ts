import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { type TestApp, startTestApp } from './support/test-app.js';

const now = new Date();
const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
// Reports for last month; support cases open today, in this month.
const [from, to] = [month(1), month(0)];

type Json = { sections: Array<{ number: number; blocks: Array<{ kind: string; caption?: string; rows?: Array<{ cells: unknown[]; eventIds?: string[] }>; text?: string }> }> };
const tableOf = (report: Json, section: number, caption: string) => report.sections.find((s) => s.number === section)!.blocks.find((b) => b.caption?.startsWith(caption))!;
const rowOf = (table: { rows?: Array<{ cells: unknown[] }> }, first: string) => table.rows!.find((r) => r.cells[0] === first)!.cells;

/** A seeded county whose figures are worked out by hand below. */
describe('the report-back’s figures for a government reader', () => {
  let t: TestApp;
  let report: Json;
  let md: string;

  beforeAll(async () => {
    t = await startTestApp();
    const analyst = await t.as('county_analyst', '20', 'Li Län');
    const submit = async (unit: string, answers: unknown[], sources: string[]) =>
      request(t.http).put(`/api/v1/org-units/${unit}/reports/${from}`).set(await t.as('municipal_reporter', unit)).send({ templateVersion: 1, answers, sources }).expect(201);
    // Ludvika: 4 hate crimes, level 1; Falun: 7 hate crimes, level 3 and two rising items in the area; Mora: level 2, no counts.
    await submit('2085', [{ item: 'violent-extremism.level', value: 1 }, { item: 'violent-extremism.hate-crimes', value: 4 }, { item: 'violent-extremism.propaganda', value: 2 }], ['school']);
    await submit(
      '2080',
      [
        { item: 'violent-extremism.level', value: 3, trend: 'rising' },
        { item: 'violent-extremism.hate-crimes', value: 7, trend: 'rising' },
        { item: 'violent-extremism.propaganda', value: 0 },
      ],
      ['school', 'municipal-police'],
    );
    await submit('2062', [{ item: 'violent-extremism.level', value: 2 }], []);
    // Two support cases opened today (below three: never printed as a number), one referred to CVE.
    const worker = await t.as('support_worker', '20');
    const cases: string[] = [];
    for (const municipality of ['2085', '2080']) {
      const opened = await request(t.http).post('/api/v1/support-cases').set(worker).send({ municipality, category: 'radicalisation-concern', requestedSupport: 'Stöd i samtal' }).expect(201);
      cases.push(opened.body.id as string);
    }
    await request(t.http).post(`/api/v1/support-cases/${cases[0]}/referrals`).set(worker).send({ to: 'cve', note: 'Konsultation' }).expect(201);
    await request(t.http).post('/api/v1/org-units/2080/readiness').set(await t.as('municipal_reporter', '2080')).send({ kind: 'coordinator-appointed', date: `${from}-03`, reference: 'KS 2026/12' }).expect(201);
    // Time: 2 + 1.5 hours for Ludvika, 3 for Falun, 4 for the county's work as a whole.
    for (const [orgUnit, hours] of [['2085', 2], ['2085', 1.5], ['2080', 3], [undefined, 4]] as const) {
      await request(t.http).post('/api/v1/time-entries').set(analyst).send({ date: `${from}-05`, hours, kind: 'analysis', ...(orgUnit ? { orgUnit } : {}) }).expect(201);
    }
    const get = (format: string) => request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${to}&format=${format}`).set(analyst).expect(200);
    report = JSON.parse((await get('json')).text) as Json;
    md = (await get('md')).text;
  });
  afterAll(() => t.close());

  it('totals the count items for the county, per month and for the period', () => {
    const totals = tableOf(report, 8, 'Våldsbejakande extremism: summa för länet');
    // Propaganda, hate crimes, persons of concern, then how many answered.
    expect(rowOf(totals, `${['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'][Number(from.slice(5)) - 1]} ${from.slice(0, 4)}`)).toEqual([expect.any(String), 2, 11, 0, '2 av 15']);
    expect(rowOf(totals, 'Hela perioden')).toEqual(['Hela perioden', 2, 11, 0, '2 månadsrapporter']);
  });

  it('gives the median level and counts rising trends by municipality, not by item', () => {
    const levels = tableOf(report, 8, 'Våldsbejakande extremism: antal kommuner per nivå');
    const [, ...cells] = levels.rows![0]!.cells;
    // Levels 1, 2 and 3: one municipality each; median Måttlig; highest Hög; one municipality (Falun, two items) rising.
    expect(cells).toEqual([0, 1, 1, 1, 0, 'Måttlig (2)', 'Hög (3)', 1]);
    expect(levels.rows![0]!.eventIds).toHaveLength(3);
  });

  it('counts support cases without ever printing a count below three', () => {
    const cases = tableOf(report, 7, 'Individärenden per månad');
    expect(rowOf(cases, 'Hela perioden')).toEqual(['Hela perioden', 'färre än 3', '–']);
    expect(rowOf(tableOf(report, 7, 'Ärenden öppnade under perioden som hänvisats'), 'Centret mot våldsbejakande extremism (CVE)')).toEqual([expect.any(String), 'färre än 3']);
    const section7 = md.slice(md.indexOf('## 7. Aktiviteter'), md.indexOf('## 8. '));
    expect(section7).toContain('färre än 3');
    expect(section7.slice(section7.indexOf('Individärenden per månad'))).not.toMatch(/\| [12] \|/);
  });

  it('shows the time spent per municipality, the county’s own work apart', () => {
    const time = tableOf(report, 9, 'Tidsåtgång (timmar) per kommun');
    expect(time.rows!.map((r) => r.cells)).toEqual([
      ['Falun', 3],
      ['Ludvika', 3.5],
      ['Länets gemensamma arbete', 4],
    ]);
    expect(time.rows!.map((r) => r.eventIds!.length)).toEqual([1, 2, 1]);
  });

  it('shows readiness per municipality and the sources the reports rest on', () => {
    const readiness = tableOf(report, 8, 'Samordnare och handlingsplan per kommun');
    expect(rowOf(readiness, 'Falun')).toEqual(['Falun', `${from}-03`, 'Nej', '–']);
    expect(report.sections.find((s) => s.number === 8)!.blocks.some((b) => b.text === '1 av 15 kommuner har en utsedd samordnare mot våldsbejakande extremism och 0 av 15 har en antagen handlingsplan.')).toBe(true);
    const sources = tableOf(report, 8, 'Källor som kommunernas rapporter bygger på');
    expect(rowOf(sources, 'Skola')).toEqual(['Skola', 2, '67\u00a0%']);
    expect(rowOf(sources, 'Kommunpolis')).toEqual(['Kommunpolis', 1, '33\u00a0%']);
  });

  it('embeds each chart in the Markdown as an image, followed by its figures', () => {
    expect(md.match(/!\[Linjediagram\. [^\]]+\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/g)).toHaveLength(4);
    expect(md).toContain('| Månad | Median | Högsta |');
  });
});
