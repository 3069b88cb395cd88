import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { type WebPage, launchBrowser, webPage } from './support/browser.js';
import { type DemoApi, startDemoApi } from './support/web-app.js';

/**
 * A reporter's month in a real browser, the loop closed: the start page names the month due,
 * the form keeps a draft through a reload, the report goes in with a support need, the analyst
 * answers it from the inbox and feeds back in the regional assessment, and the reporter reads
 * both. The demo county's history ends at the start of this month, so last month's reports are
 * all still to come. axe-core on every page; screenshots to test/web/artifacts/.
 */
const PORT = 3890 + (process.pid % 100);
const ARTIFACTS = fileURLToPath(new URL('./web/artifacts/', import.meta.url));

const stockholm = (d: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', ...options }).format(d);
const MONTH = stockholm(new Date(), { year: 'numeric', month: '2-digit' }).replace(/\D+/, '-').slice(0, 7);
const monthBefore = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** The month due: the one just ended, whose deadline falls in this month. */
const DUE = monthBefore(MONTH);
const DUE_NAME = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${DUE}-15T00:00:00Z`));

const NEED = 'Stöd till skolan på Marnäs efter bränderna';
const REPLY = 'Vi ringer er på måndag och bokar ett möte';
const FEEDBACK = 'Tack för en tydlig rapport – vi följer upp bränderna med polisen';

describe('web app: a reporter’s month, the loop closed', () => {
  let demo: DemoApi;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let web: WebPage;
  const pageErrors: string[] = [];

  const request = () => page.locator('.support-requests > li', { hasText: NEED });
  const bell = () => page.getByTestId('bell');
  const unread = async () => Number(await page.getByTestId('unread').textContent());

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    demo = await startDemoApi(PORT, { until: new Date(`${new Date().toISOString().slice(0, 7)}-01T00:00:00Z`) });
    ({ context, close: closeBrowser } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    web = webPage(page, demo.origin, ARTIFACTS);
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    await demo?.stop();
  });

  it('the reporter lands on the start page, which names the month due (not the month under way) and the municipality, never its code', async () => {
    await web.signInAs(/Kim Kommun/);
    await page.getByRole('heading', { level: 1, name: 'Start – Ludvika' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hem');
    await expect(page.getByTestId('due-status').textContent()).resolves.toBe(`Rapporten för ${DUE_NAME} är inte inskickad.`);
    const header = await page.locator('header.top').textContent();
    expect(header).toContain('Ludvika');
    expect(header).not.toContain('2085');
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Månadsrapport' }).getAttribute('href')).resolves.toBe(`/rapport/2085/${DUE}`);
    await web.check('21-reporter-home');
    await page.getByRole('link', { name: `Fyll i rapporten för ${DUE_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: `Lägesbild ${DUE_NAME} – Ludvika` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/rapport/2085/${DUE}`);
  }, 60_000);

  it('the form saves a draft as the reporter types, says when (or which field it refused, keeping what was typed), and a reload goes on from it', async () => {
    await page.locator('[data-item="social-risk.level"]').getByLabel('3 Hög').check();
    // A value the api refuses: the draft is not saved, the user is told which field, and what was typed stays.
    await page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').fill('-2');
    const refused = await web.eventually(() => page.getByTestId('draft-status').textContent(), /^Utkastet kunde inte sparas/);
    expect(refused).toMatch(/^Utkastet kunde inte sparas: rätta Anlagda bränder och skadegörelse \(antal händelser\)\. Det du har skrivit finns kvar/);
    await expect(page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').inputValue()).resolves.toBe('-2');
    await expect(page.locator('[data-item="social-risk.level"]').getByLabel('3 Hög').isChecked()).resolves.toBe(true);
    await page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').fill('5');
    await page.getByLabel('Sammanfattning').fill('Oro kring en skola i centrum');
    const saved = await web.eventually(() => page.getByTestId('draft-status').textContent(), /^Utkast sparat kl\. \d{2}\.\d{2}$/);
    expect(saved).toMatch(/^Utkast sparat kl\. \d{2}\.\d{2}$/);
    await web.check('22-report-draft');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Lägesbild ${DUE_NAME} – Ludvika` }).waitFor();
    await expect(page.locator('[data-item="social-risk.level"]').getByLabel('3 Hög').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Sammanfattning').inputValue()).resolves.toBe('Oro kring en skola i centrum');
    await expect(page.getByTestId('draft-status').textContent()).resolves.toMatch(/^Fortsätter på utkastet, senast sparat .* av dig\.$/);
  }, 60_000);

  it('the reporter submits with a support need and gets a receipt naming the municipality', async () => {
    await page.getByLabel('Kommunen behöver stöd från länsstyrelsen').check();
    await page.getByLabel('Vilket stöd?').fill(NEED);
    await page.getByRole('button', { name: 'Skicka in rapporten' }).click();
    const receipt = await page.getByTestId('receipt').textContent();
    expect(receipt).toContain(`Rapporten är inskickad: Ludvika, ${DUE_NAME}`);
    expect(receipt).not.toContain('2085');
  }, 60_000);

  it('the analyst is told by the bell, finds the request in the inbox by municipality name and acknowledges it with a reply', async () => {
    await web.signInAs(/Li Län/);
    await bell().waitFor();
    expect(await web.eventually(async () => String((await unread()) > 0), 'true')).toBe('true');
    await bell().click();
    await page.getByRole('region', { name: 'Dina meddelanden' }).getByText(`Ludvika begär stöd: ${NEED}`).waitFor();
    await expect(unread()).resolves.toBe(0);
    await page.keyboard.press('Escape');

    await web.open('/lan/20/stodbegaran');
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Ludvika' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Inväntar svar' });
    await request().waitFor();
    await expect(request().locator('h3').textContent()).resolves.toBe('Ludvika: Inväntar svar');
    await expect(request().textContent()).resolves.toContain(`Från rapporten för ${DUE_NAME}`);
    await web.check('23-support-inbox');

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alla' });
    await request().getByLabel('Svar till kommunen').fill(REPLY);
    await request().getByRole('button', { name: 'Skicka svaret' }).click();
    expect(await web.eventually(() => request().locator('h3').textContent(), 'Ludvika: Bekräftad')).toBe('Ludvika: Bekräftad');
    await expect(request().locator('.answers-given').textContent()).resolves.toContain(REPLY);
  }, 60_000);

  it("the analyst reads every municipality's summary and support need for the month in one list", async () => {
    await web.open(`/lan/20/${DUE}/rapporter`);
    const row = (name: string) => page.locator('table.municipal-reports tr', { has: page.getByRole('rowheader', { name }) });
    await row('Ludvika').waitFor();
    await expect(row('Ludvika').locator('td').nth(0).textContent()).resolves.toBe('Oro kring en skola i centrum');
    await expect(row('Ludvika').locator('td').nth(2).textContent()).resolves.toBe(`Ja: ${NEED}`);
    await expect(row('Falun').locator('td').first().textContent()).resolves.toBe('Ingen rapport inskickad');
    await expect(page.locator('table.municipal-reports tbody tr').count()).resolves.toBe(15);
    await web.check('24-municipal-reports');
  }, 60_000);

  it('the analyst records the regional assessment with feedback to Ludvika', async () => {
    await web.open(`/lan/20/${DUE}/bedomning`);
    const areaTexts = page.locator('textarea[id^="text-"]');
    await areaTexts.first().waitFor();
    for (const text of await areaTexts.all()) await text.fill('Läget är oförändrat mot förra månaden.');
    await page.getByRole('button', { name: 'Lägg till återkoppling' }).click();
    await page.locator('#fb-unit-0').selectOption({ label: 'Ludvika' });
    await page.locator('#fb-msg-0').fill(FEEDBACK);
    await page.getByRole('button', { name: 'Spara bedömningen' }).click();
    const outcome = page.locator('form[aria-label="Regional bedömning"]').locator('.ok, .error-message').first();
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toBe('Bedömningen är sparad.');
  }, 60_000);

  it("the reporter's start page shows the county's reply and feedback, its report in, and its level in the county's spread; the bell counts both", async () => {
    await web.signInAs(/Kim Kommun/);
    await page.getByRole('heading', { level: 1, name: 'Start – Ludvika' }).waitFor();
    await expect(page.getByTestId('due-status').textContent()).resolves.toMatch(new RegExp(`^Rapporten för ${DUE_NAME} är inskickad `));
    const feedback = page.locator('ul.feedback li', { hasText: FEEDBACK });
    await feedback.waitFor();
    await expect(feedback.locator('strong').textContent()).resolves.toBe(`Dalarnas län om ${DUE_NAME}`);
    await request().waitFor();
    await expect(request().locator('h3').textContent()).resolves.toBe('Bekräftad');
    await expect(request().locator('.answers-given').textContent()).resolves.toContain(REPLY);
    // Ludvika's 3 is the only report in for the month: the county's spread counts it, and no one else.
    const spread = page.locator('[data-area="social-risk"] table.distribution');
    await expect(spread.locator('tr.level-row-3 td').textContent()).resolves.toBe('1');
    await expect(spread.locator('tfoot td').textContent()).resolves.toBe('1');
    await expect(page.locator('.area-trend svg').count()).resolves.toBe(4);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/\b2085\b/);

    expect(await web.eventually(async () => String((await unread()) >= 2), 'true')).toBe('true');
    await bell().click();
    const panel = page.getByRole('region', { name: 'Dina meddelanden' });
    await panel.getByText(`Länsstyrelsen har tagit emot er stödbegäran: ${REPLY}`).waitFor();
    await expect(panel.locator('li.unread', { hasText: 'Återkoppling' }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(unread()).resolves.toBe(0);
    await web.check('25-reporter-home-answered');
  }, 60_000);

  it('axe-core finds no serious or critical violation on any new page, and no page threw', () => {
    expect(web.axePages).toHaveLength(5);
    expect(web.axeFindings).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
