import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@lagesbild/event-store';
import type { ViewWriter } from '../../view-store.port.js';
import { COUNTY_PERIOD_VIEW, REPORT_SUMMARY_VIEW, type ReportSummaryRow, reportSummaryProjection } from './report-summary.projection.js';

/** The projection's one view as a map, written as the view store's writer would. */
function summaries() {
  const rows = new Map<string, unknown>();
  const writer: ViewWriter = {
    get: async <T>(view: string, key: string) => rows.get(`${view}/${key}`) as T | undefined,
    put: async (view, key, value) => void rows.set(`${view}/${key}`, value),
    remove: async (view, key) => void rows.delete(`${view}/${key}`),
  };
  return { rows, writer };
}

let position = 0n;
const event = (type: string, data: object) => ({ type, data, position: (position += 1n), eventId: `e${position}` }) as unknown as StoredEvent;

describe('report summaries', () => {
  it('keep what a county’s picture needs of a report: late or not, each answer’s number and trend, in the report’s order', async () => {
    const { rows, writer } = summaries();
    await reportSummaryProjection.apply(
      event('SituationReportSubmitted', {
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
    expect(rows.get(`${REPORT_SUMMARY_VIEW}/2026-03|20|2085`)).toEqual({
      late: true,
      answers: { 'social-risk.level': [2, 'unchanged'], 'social-risk.description': [null, 'rising'], 'andt.doping': [false] },
      eventIds: ['e1'],
    } satisfies ReportSummaryRow);

    // An amended answer keeps its place; an answer new to the report comes last.
    await reportSummaryProjection.apply(
      event('SituationReportAmended', { orgUnit: '2085', period: '2026-03', answers: [{ item: 'andt.level', value: 1 }, { item: 'social-risk.level', value: 4, trend: 'rising' }] }),
      writer,
    );
    const amended = rows.get(`${REPORT_SUMMARY_VIEW}/2026-03|20|2085`) as ReportSummaryRow;
    expect(Object.entries(amended.answers)).toEqual([
      ['social-risk.level', [4, 'rising']],
      ['social-risk.description', [null, 'rising']],
      ['andt.doping', [false]],
      ['andt.level', [1]],
    ]);
    expect(amended.late).toBe(true);
    expect(amended.eventIds).toEqual(['e1', 'e2']);
  });

  it('keys a report by period, county and org unit: a district’s under its municipality’s county, and only municipalities count in the county’s period', async () => {
    const { rows, writer } = summaries();
    for (const orgUnit of ['2085', '0180-01']) {
      await reportSummaryProjection.apply(event('SituationReportSubmitted', { orgUnit, period: '2026-04', late: false, answers: [{ item: 'andt.level', value: 2 }] }), writer);
    }
    expect([...rows.keys()]).toEqual([`${REPORT_SUMMARY_VIEW}/2026-04|20|2085`, `${COUNTY_PERIOD_VIEW}/20|2026-04`, `${REPORT_SUMMARY_VIEW}/2026-04|01|0180-01`]);
  });

  it('counts the municipalities that reported (and late), and each one’s number (yes/no as 1/0) per item in its county’s period; an amendment moves one count', async () => {
    const { rows, writer } = summaries();
    const submit = (orgUnit: string, level: number, doping: boolean) =>
      reportSummaryProjection.apply(
        event('SituationReportSubmitted', { orgUnit, period: '2026-05', late: orgUnit === '2062', answers: [{ item: 'andt.level', value: level }, { item: 'andt.doping', value: doping }, { item: 'andt.comment', value: 'Text' }] }),
        writer,
      );
    await submit('2085', 2, false);
    await submit('2080', 2, true);
    await submit('2062', 4, true);
    expect(rows.get(`${COUNTY_PERIOD_VIEW}/20|2026-05`)).toEqual({ reported: 3, late: 1, items: { 'andt.level': { 2: 2, 4: 1 }, 'andt.doping': { 0: 1, 1: 2 } } });

    await reportSummaryProjection.apply(event('SituationReportAmended', { orgUnit: '2080', period: '2026-05', answers: [{ item: 'andt.level', value: 3 }] }), writer);
    expect(rows.get(`${COUNTY_PERIOD_VIEW}/20|2026-05`)).toEqual({ reported: 3, late: 1, items: { 'andt.level': { 2: 1, 3: 1, 4: 1 }, 'andt.doping': { 0: 1, 1: 2 } } });
  });

  it('ignores an amendment of a report it has not seen', async () => {
    const { rows, writer } = summaries();
    await reportSummaryProjection.apply(event('SituationReportAmended', { orgUnit: '2080', period: '2026-03', answers: [{ item: 'andt.level', value: 1 }] }), writer);
    expect(rows.size).toBe(0);
  });
});
