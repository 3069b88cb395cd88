import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { launchBrowser, webPage } from './support/browser.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const artifacts = fileURLToPath(new URL('./web/artifacts/', import.meta.url));
const now = new Date();
const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

/** The report-back as HTML, as a reader opens it in a browser: semantic, in Swedish, and accessible (axe in Chromium). */
describe('the report-back in HTML', () => {
  let t: TestApp;
  let html: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    t = await startTestApp();
    for (const [unit, level] of [['2085', 1], ['2080', 3], ['2062', 2]] as const) {
      await request(t.http)
        .put(`/api/v1/org-units/${unit}/reports/${from}`)
        .set(await t.as('municipal_reporter', unit))
        .send({ templateVersion: 1, answers: [{ item: 'violent-extremism.level', value: level, trend: 'rising' }, { item: 'violent-extremism.hate-crimes', value: level * 2 }], sources: ['school'] })
        .expect(201);
    }
    const analyst = await t.as('county_analyst', '20', 'Li Län');
    await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/1').set(analyst).send({ text: 'Länsstyrelsen i Dalarnas län har under perioden arbetat med …' }).expect(200);
    const head = (await t.store.headPosition()).toString();
    html = (await request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${from}&format=html&minPosition=${head}`).set(analyst).expect(200)).text;
  });
  afterAll(() => t.close());

  it('is Swedish, with headings, tables with header cells and charts with titles', () => {
    expect(html).toMatch(/<html[^>]* lang="sv"/);
    expect(html).toMatch(/<h1[\s>]/);
    expect(html).toMatch(/<h2[\s>]/);
    expect(html).toMatch(/<th[\s>]/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title id="[^"]+">Linjediagram\./);
  });

  it('passes axe (WCAG 2.1 A and AA) in Chromium with no serious or critical violation', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const checked = webPage(page, '', artifacts);
      await checked.check('26-report-back-html');
      expect(checked.axePages).toEqual(['26-report-back-html']);
      expect(checked.axeFindings).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
