import { describe, expect, it } from '@jest/globals';
import { type SituationReportAmended, type SituationReportEvent, type SituationReportSubmitted, situationReportStreamId } from '@lagesbild/domain';
import { type RecordedEvent, inStreams } from '@lagesbild/event-store';
import type { ViewReader, ViewWriter } from '../../view-store.port.js';
import { OrgUnitRegistry } from '@lagesbild/reference-data';
import { COUNTY_PERIOD_VIEW, REPORT_SUMMARY_VIEW, ReportSummaries, reportStreamsOf, reportSummaryProjection } from './report-summary.projection.js';

/** The projection's views as a map, written as the view store's writer would and read as its reader would at the head. */
function summaries() {
  const rows = new Map<string, unknown>();
  const writer: ViewWriter = {
    get: async <T>(view: string, key: string) => rows.get(`${view}/${key}`) as T | undefined,
    put: async (view, key, value) => void rows.set(`${view}/${key}`, value),
    remove: async (view, key) => void rows.delete(`${view}/${key}`),
  };
  const reader: ViewReader = {
    get: writer.get,
    list: async <T>(view: string, prefix: string) =>
      [...rows.entries()]
        .filter(([key]) => key.startsWith(`${view}/${prefix}`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, value]) => ({ key: key.slice(view.length + 1), value: value as T })),
  };
  return { rows, writer, read: async () => new ReportSummaries(reader) };
}

let position = 0n;
function recorded(event: SituationReportEvent): RecordedEvent<SituationReportEvent> {
  position += 1n;
  const { orgUnit, period } = event.data;
  return { ...event, eventId: `e${position}`, schemaVersion: 1, streamId: situationReportStreamId(orgUnit, period), revision: 0, position, recordedAt: '2026-06-01T08:00:00.000Z', metadata: {}, prevHash: '', hash: '' };
}
/** A submission, with what the summaries do not keep filled in. */
const submission = (data: Pick<SituationReportSubmitted['data'], 'orgUnit' | 'period' | 'late' | 'answers'>) =>
  recorded({ type: 'SituationReportSubmitted', data: { templateVersion: 1, sources: [], deadline: '2026-06-10T22:00:00.000Z', ...data } });
const amendment = (data: Pick<SituationReportAmended['data'], 'orgUnit' | 'period' | 'answers'>) => recorded({ type: 'SituationReportAmended', data: { reason: 'Rättelse', ...data } });

describe('report summaries', () => {
  it('keep what a county’s picture needs of a report: late or not, each answer’s number (or yes/no) and trend', async () => {
    const { rows, writer, read } = summaries();
    await reportSummaryProjection.apply(
      submission({
        orgUnit: '2085',
        period: '2026-03',
        late: true,
        answers: [
          { item: 'social-risk.level', value: 2, trend: 'unchanged', comment: 'Lugnt' },
          { item: 'social-risk.description', value: 'Oro kring skolan', trend: 'rising' },
          { item: 'andt.doping', value: false },
        ],
      }),
      writer,
    );
    const submitted = (await (await read()).of('2085', '2026-03'))!;
    expect(submitted.late).toBe(true);
    expect(submitted.answer('social-risk.level')).toEqual([2, 'unchanged']);
    expect(submitted.answer('social-risk.description')).toEqual([null, 'rising']);
    expect(submitted.answer('andt.doping')).toEqual([false]);
    expect(submitted.answer('andt.level')).toBeUndefined();
    expect(submitted.rising()).toEqual(['social-risk.description']);
    expect(submitted.eventIds).toEqual(['e1']);
    // Without the texts, and without the items' names: those are kept once, apart.
    expect(JSON.stringify(rows.get(`${REPORT_SUMMARY_VIEW}/2026-03|20|2085`))).not.toMatch(/social-risk|Lugnt|Oro/);

    await reportSummaryProjection.apply(
      amendment({ orgUnit: '2085', period: '2026-03', answers: [{ item: 'andt.level', value: 1 }, { item: 'social-risk.level', value: 4, trend: 'rising' }] }),
      writer,
    );
    const amended = (await (await read()).of('2085', '2026-03'))!;
    expect(amended.answer('social-risk.level')).toEqual([4, 'rising']);
    expect(amended.answer('andt.level')).toEqual([1]);
    expect(amended.answer('andt.doping')).toEqual([false]);
    expect(amended.rising()).toEqual(['social-risk.level', 'social-risk.description']);
    expect(amended.late).toBe(true);
    expect(amended.eventIds).toEqual(['e1', 'e2']);
  });

  it('keys a report by period, county and org unit: a district’s under its municipality’s county, and only municipalities count in the county’s period', async () => {
    const { rows, writer, read } = summaries();
    for (const orgUnit of ['2085', '0180-01']) {
      await reportSummaryProjection.apply(submission({ orgUnit, period: '2026-04', late: false, answers: [{ item: 'andt.level', value: 2 }] }), writer);
    }
    const keys = [...rows.keys()].filter((key) => key.startsWith(`${REPORT_SUMMARY_VIEW}/`) || key.startsWith(`${COUNTY_PERIOD_VIEW}/`));
    expect(keys).toEqual([`${REPORT_SUMMARY_VIEW}/2026-04|20|2085`, `${COUNTY_PERIOD_VIEW}/20|2026-04`, `${REPORT_SUMMARY_VIEW}/2026-04|01|0180-01`]);
    expect([...(await (await read()).ofCounty('01', '2026-04')).keys()]).toEqual(['0180-01']);
    expect((await (await read()).countyPeriod('01', '2026-04'))).toBeUndefined();
  });

  it('counts the municipalities that reported (and late), and each one’s number (yes/no as 1/0) per item in its county’s period; an amendment moves one count', async () => {
    const { writer, read } = summaries();
    const submit = (orgUnit: string, level: number, doping: boolean) =>
      reportSummaryProjection.apply(
        submission({ orgUnit, period: '2026-05', late: orgUnit === '2062', answers: [{ item: 'andt.level', value: level }, { item: 'andt.doping', value: doping }, { item: 'andt.comment', value: 'Text' }] }),
        writer,
      );
    await submit('2085', 2, false);
    await submit('2080', 2, true);
    await submit('2062', 4, true);
    const counted = (await (await read()).countyPeriod('20', '2026-05'))!;
    expect([counted.reported, counted.late]).toEqual([3, 1]);
    expect([0, 1, 2, 3, 4].map((level) => counted.countOf('andt.level', level))).toEqual([0, 0, 2, 0, 1]);
    expect(counted.summarise('andt.level')).toEqual({ sum: 8, count: 3, max: 4 });
    expect(counted.summarise('andt.doping')).toEqual({ sum: 2, count: 3, max: 1 });
    expect(counted.summarise('andt.comment')).toEqual({ sum: 0, count: 0, max: null });

    await reportSummaryProjection.apply(amendment({ orgUnit: '2080', period: '2026-05', answers: [{ item: 'andt.level', value: 3 }] }), writer);
    const amended = (await (await read()).countyPeriod('20', '2026-05'))!;
    expect([amended.reported, amended.late]).toEqual([3, 1]);
    expect([0, 1, 2, 3, 4].map((level) => amended.countOf('andt.level', level))).toEqual([0, 0, 1, 1, 1]);
    expect(amended.summarise('andt.doping')).toEqual({ sum: 2, count: 3, max: 1 });

    // The highest number's last answer amended away: the max is the next one down.
    await reportSummaryProjection.apply(amendment({ orgUnit: '2062', period: '2026-05', answers: [{ item: 'andt.level', value: 2 }] }), writer);
    // A report answering an item the county's earlier reports did not, and not the others.
    await reportSummaryProjection.apply(submission({ orgUnit: '2021', period: '2026-05', late: false, answers: [{ item: 'andt.seizures', value: 7 }] }), writer);
    const later = (await (await read()).countyPeriod('20', '2026-05'))!;
    expect(later.reported).toBe(4);
    expect([0, 1, 2, 3, 4].map((level) => later.countOf('andt.level', level))).toEqual([0, 0, 2, 1, 0]);
    expect(later.summarise('andt.level')).toEqual({ sum: 7, count: 3, max: 3 });
    expect(later.summarise('andt.doping')).toEqual({ sum: 2, count: 3, max: 1 });
    expect(later.summarise('andt.seizures')).toEqual({ sum: 7, count: 1, max: 7 });
  });

  it('ignores an amendment of a report it has not seen', async () => {
    const { rows, writer } = summaries();
    await reportSummaryProjection.apply(amendment({ orgUnit: '2080', period: '2026-03', answers: [{ item: 'andt.level', value: 1 }] }), writer);
    expect(rows.size).toBe(0);
  });

  it('takes a county’s rows from one range of report streams (for building counties apart): every org unit’s code begins with its county’s', () => {
    const units = OrgUnitRegistry.sweden();
    const strays = units.all('county').flatMap((county) => units.within(county.code).filter((unit) => !unit.code.startsWith(county.code)));
    expect(strays.map((unit) => unit.code)).toEqual([]);
    expect(units.within('01').length).toBeGreaterThan(26); // Stockholm's municipalities and districts
    const dalarna = reportStreamsOf('20', '21');
    expect(inStreams(situationReportStreamId('2085', '2026-03'), dalarna)).toBe(true);
    expect(inStreams(situationReportStreamId('2180', '2026-03'), dalarna)).toBe(false);
    expect(inStreams(situationReportStreamId('1980', '2026-03'), dalarna)).toBe(false);
    // Open ends: together the two parts of a split take every report stream.
    for (const orgUnit of ['0114', '0180-01', '1780', '1814', '2584']) {
      const parts = [reportStreamsOf(undefined, '18'), reportStreamsOf('18', undefined)].filter((range) => inStreams(situationReportStreamId(orgUnit, '2026-03'), range));
      expect(parts).toHaveLength(1);
    }
  });
});
