/**
 * Generating report-backs over ten years of national history (`seed --national --years 10`),
 * as of a past moment, for the demo county (Dalarna, 15 municipalities) and the largest one
 * (Västra Götaland, 49): each format's time beside the time of the underlying queries alone
 * (assembling the report from the views, without rendering).
 */
import { join } from 'node:path';
import { nextPeriod } from '@lagesbild/domain';
import { ALL_PROJECTIONS, SqliteViewStore, activeViews, versionedReader } from '@lagesbild/projections';
import { OrgUnitRegistry, defaultTemplate } from '@lagesbild/reference-data';
import { type ReportFormat, assembleReportBack, renderReportBack } from '@lagesbild/reporting';
import { openEventStore } from '@lagesbild/event-store';
import { median, nowMs, printTable, writeResults } from './support/measure.js';
import { cliRebuild, nationalHistory } from './support/fixtures.js';

const ROUNDS = 5;
const FORMATS: ReportFormat[] = ['md', 'html', 'pdf', 'json'];
const GOALS_MS = { pdf: 2000, html: 500 };
const COUNTIES = [
  { code: '20', label: 'Dalarna (demo county, 15 municipalities)' },
  { code: '14', label: 'Västra Götaland (49 municipalities)' },
];

const fixture = await nationalHistory(10);
cliRebuild(fixture.dataDir);
const store = openEventStore({ dataDir: fixture.dataDir });
const views = new SqliteViewStore(join(fixture.dataDir, 'views.db'));
const units = OrgUnitRegistry.sweden();
const template = defaultTemplate();

// As of a past moment: three quarters into the history; the twelve months before it.
const position = BigInt(Math.floor(fixture.events * 0.75));
let asOf = '';
for await (const e of store.readAll({ fromPosition: position - 1n, toPosition: position })) asOf = e.recordedAt;
const end = new Date(asOf);
const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 12, 1)).toISOString().slice(0, 7);
const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
let months = 1;
for (let p = from; p < to; p = nextPeriod(p)) months += 1;

const rows: Array<Record<string, string | number>> = [];
const results: Record<string, Record<string, number>> = {};
for (const county of COUNTIES) {
  const request = { county: county.code, from, to, asOf, position: position.toString() };
  const reader = versionedReader(views.readerAt(position), activeViews(ALL_PROJECTIONS));
  const timings: Record<string, number[]> = { queries: [], ...Object.fromEntries(FORMATS.map((f) => [f, [] as number[]])) };
  const sizes: Record<string, number> = {};
  await renderReportBack(await assembleReportBack(reader, units, template, request), 'pdf'); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    let started = nowMs();
    await assembleReportBack(reader, units, template, request);
    timings.queries!.push(nowMs() - started);
    for (const format of FORMATS) {
      started = nowMs();
      const bytes = await renderReportBack(await assembleReportBack(reader, units, template, request), format);
      timings[format]!.push(nowMs() - started);
      sizes[format] = bytes.length;
    }
  }
  results[county.code] = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(median(v))]));
  rows.push({ county: county.label, 'queries only': results[county.code]!.queries!, ...Object.fromEntries(FORMATS.map((f) => [`${f} (ms)`, results[county.code]![f]!])), 'pdf KB': Math.round(sizes.pdf! / 1024) });
}
await views.close();
await store.close();

printTable(rows);
const largest = results['14']!;
const met = { pdf: largest.pdf! <= GOALS_MS.pdf, html: largest.html! <= GOALS_MS.html };
console.log(`as of ${asOf} (position ${position}), ${from}–${to} (${months} months). Goals for the largest county: pdf ≤ ${GOALS_MS.pdf} ms (${met.pdf ? 'met' : 'MISSED'}), html ≤ ${GOALS_MS.html} ms (${met.html ? 'met' : 'MISSED'})`);
const file = writeResults('report-back', {
  fixture: { history: 'seed --national --years 10 --seed 1', events: fixture.events },
  method: `median of ${ROUNDS} rounds after a warm-up, in-process on the embedded view store; each format's time includes assembling the report; 'queries' is assembling alone`,
  asOf,
  position: position.toString(),
  range: { from, to, months },
  milliseconds: results,
  goals: GOALS_MS,
  met,
});
console.log(`written to ${file}`);
