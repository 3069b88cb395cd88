import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { type WebPage, launchBrowser, webPage } from './support/browser.js';
import { type DemoApi, startDemoApi } from './support/web-app.js';

/**
 * The web app in a real browser (Debian's chromium through playwright-core) against the real
 * api on a temp DATA_DIR seeded with the demo county: what each role sees and does, the time
 * machine, the report-back download, and axe-core on every page. Screenshots of each page go
 * to test/web/artifacts/ (git-ignored).
 */
const PORT = 3790 + (process.pid % 100);
const ARTIFACTS = fileURLToPath(new URL('./web/artifacts/', import.meta.url));

/** This month in Swedish time: the period a reporter can report now, not yet approved. */
const stockholm = (d: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', ...options }).format(d);
const MONTH = stockholm(new Date(), { year: 'numeric', month: '2-digit' }).replace(/\D+/, '-').slice(0, 7);
/** A moment as a Swedish reader types it, `2026-12-07 14:30:05`, in the browser's time zone (Europe/Stockholm). */
const localInput = (d: Date) => stockholm(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

describe('web app in a browser', () => {
  let demo: DemoApi;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const pageErrors: string[] = [];
  let beforeAmendment: Date;

  let open: WebPage['open'];
  let signInAs: WebPage['signInAs'];
  let check: WebPage['check'];
  let eventually: WebPage['eventually'];
  let web: WebPage;
  const heatCell = (municipality: string, column: number) => page.locator('table.heat-map tr', { has: page.getByRole('rowheader', { name: municipality }) }).locator('td').nth(column);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    demo = await startDemoApi(PORT);
    ({ context, close: closeBrowser } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    web = webPage(page, demo.origin, ARTIFACTS);
    ({ open, signInAs, check, eventually } = web);
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await demo?.stop();
  });

  it('lists the six demo users on the sign-in page, one per role', async () => {
    await page.goto(`${demo.origin}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Logga in');
    const users = page.locator('.demo-users button');
    await users.first().waitFor();
    await expect(users.count()).resolves.toBe(6);
    for (const role of ['Kommunal rapportör', 'Länsanalytiker', 'Regionalt stöd', 'Nationell läsare', 'Granskare', 'Förvaltare']) {
      await expect(page.locator('.demo-users').textContent()).resolves.toContain(role);
    }
    await check('01-sign-in');
  }, 60_000);

  it('a reporter submits a report with one bad value, sees the error by the field, fixes it and gets a receipt', async () => {
    await signInAs(/Kim Kommun/);
    const menu = await page.getByRole('navigation', { name: 'Huvudmeny' }).textContent();
    expect(menu).toContain('Månadsrapport');
    expect(menu).not.toContain('Länsöversikt');

    await open(`/rapport/2085/${MONTH}`);
    await page.locator('[data-item="social-risk.level"]').getByLabel('2 Måttlig').check();
    await page.locator('[data-item="andt.doping"]').getByLabel('Nej').check();
    await page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').fill('-3');
    await check('02-report-form');
    await page.getByRole('button', { name: 'Skicka in rapporten' }).click();

    const fieldError = page.locator('[data-item="social-risk.fires-vandalism"] .field-error');
    await expect(fieldError.textContent()).resolves.toMatch(/^Ange ett antal: ett heltal, 0 eller mer\. \(.*count.*\)$/);
    await expect(page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Anlagda bränder');
    await expect(page.locator('[data-item="social-risk.level"] .field-error').count()).resolves.toBe(0);
    await check('03-report-form-error');

    await page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').fill('3');
    await page.getByRole('button', { name: 'Skicka in rapporten' }).click();
    const receipt = await page.getByTestId('receipt').textContent();
    expect(receipt).toContain('Rapporten är inskickad');
    expect(receipt).toContain('i tid');
    await expect(page.locator('table.answers tr[data-item="social-risk.fires-vandalism"] td.value').textContent()).resolves.toBe('3');
    await check('04-report-receipt');
    // A moment a clear second after the submission (the time machine's input has whole seconds).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    beforeAmendment = new Date();
  }, 60_000);

  it('the analyst sees the report in the county dashboard', async () => {
    await signInAs(/Li Län/);
    await open(`/lan/20/${MONTH}`);
    await page.locator('[data-ready="true"]').waitFor();
    const ludvika = page.locator('table.completeness tr', { has: page.getByRole('rowheader', { name: 'Ludvika' }) });
    await expect(ludvika.locator('td').first().textContent()).resolves.toBe('Rapporterad i tid');
    await expect(page.locator('table.completeness tr', { has: page.getByRole('rowheader', { name: 'Falun' }) }).locator('td').first().textContent()).resolves.toBe('Saknas');
    await expect(heatCell('Ludvika', 0).textContent()).resolves.toBe('2 Måttlig');
    await check('05-county-dashboard');
  }, 60_000);

  it('the reporter amends with a mandatory reason; history and diff show who, when, why and what changed', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the amendment is recorded a clear second after `beforeAmendment`
    await signInAs(/Kim Kommun/);
    await open(`/rapport/2085/${MONTH}`);
    await page.getByRole('button', { name: 'Ändra rapporten' }).click();
    await page.locator('[data-item="social-risk.level"]').getByLabel('4 Mycket hög').check();
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect(page.locator('#amend-reason-error').textContent()).resolves.toBe('Ange varför rapporten ändras.');
    await page.getByLabel('Skäl till ändringen (obligatoriskt)').fill('Polisen rapporterade fler händelser');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect(page.getByTestId('receipt').textContent()).resolves.toContain('Ändringen är sparad');
    const history = page.locator('.history');
    await history.locator('.revisions li').nth(1).waitFor();
    await expect(history.locator('.revisions li').count()).resolves.toBe(2);
    await expect(history.locator('.revisions').textContent()).resolves.toContain('Skäl: Polisen rapporterade fler händelser');
    const diffRow = history.locator('.diff tr', { has: page.getByRole('rowheader', { name: 'Samlad bedömning av social oro' }) });
    await expect(diffRow.locator('del').textContent()).resolves.toBe('2 Måttlig');
    await expect(diffRow.locator('ins').textContent()).resolves.toBe('4 Mycket hög');
    await check('06-report-history');
  }, 60_000);

  it('the analyst sees the amended value now, the earlier one in the time machine, and returns to now', async () => {
    await signInAs(/Li Län/);
    await open(`/lan/20/${MONTH}`);
    await page.locator('[data-ready="true"]').waitFor();
    await expect(heatCell('Ludvika', 0).textContent()).resolves.toBe('4 Mycket hög');
    await expect(page.getByTestId('time-banner').count()).resolves.toBe(0);

    expect(await page.getByLabel('Visa läget per').getAttribute('placeholder')).toBe('2026-12-07 14:30');
    await page.getByLabel('Visa läget per').fill('2026-02-30 10:00');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.locator('.time-machine [role="alert"]').textContent()).resolves.toContain('Ange datum och tid som 2026-12-07 14:30');
    await page.getByLabel('Visa läget per').fill(localInput(beforeAmendment));
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByTestId('time-banner').textContent()).resolves.toContain('Tidsmaskin');
    expect(await eventually(() => heatCell('Ludvika', 0).textContent(), '2 Måttlig')).toBe('2 Måttlig');
    await check('07-county-dashboard-time-machine');

    await page.getByRole('button', { name: 'Tillbaka till nu' }).click();
    expect(await eventually(async () => String(await page.getByTestId('time-banner').count()), '0')).toBe('0');
    expect(await eventually(() => heatCell('Ludvika', 0).textContent(), '4 Mycket hög')).toBe('4 Mycket hög');
  }, 60_000);

  it('the analyst downloads the report-back as PDF', async () => {
    await open('/lan/20/aterrapportering');
    await page.locator('iframe.preview').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^aterrapportering-20-\d{4}-\d{2}-\d{4}-\d{2}\.pdf$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(2000);
    await check('08-report-back');
  }, 60_000);

  it("the analyst's other pages: assessment, the risk matrix filtering the risk list, an action moved on, time recorded", async () => {
    await open(`/lan/20/${MONTH}/bedomning`);
    await expect(page.locator('.not-approved').first().textContent()).resolves.toContain('inte fastställd');
    await check('09-assessment');
    await open('/lan/20/risker');
    await page.locator('.risk-list li').first().waitFor();
    await page.locator('table.actions').waitFor();
    const all = await page.locator('.risk-list li').count();
    const cell = page.locator('.risk-matrix button').filter({ hasNotText: /^0$/ }).first();
    const inCell = Number(await cell.textContent());
    await cell.click();
    await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('.risk-list li').count()).resolves.toBe(inCell);
    expect(inCell).toBeLessThan(all);
    // Move one action on (decide a proposal, or start or complete a decided one): one more row with that status.
    const STATUS: Record<string, string> = { approved: 'Beslutad', started: 'Påbörjad', completed: 'Genomförd' };
    const next = STATUS[(await page.getByLabel('Nytt läge').inputValue())]!;
    const withStatus = () => page.locator('table.actions tbody tr td:last-child', { hasText: new RegExp(`^${next}$`) }).count();
    const before = await withStatus();
    await page.getByLabel(/^(Motivering|Anteckning)$/).fill('Beslutat på länsledningsmötet');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    const title = await page.getByLabel('Åtgärd', { exact: true }).locator('option:checked').textContent();
    const outcome = page.locator('.action-outcome, form[aria-label="Besluta eller följ upp en åtgärd"] .error-message').first();
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toContain(`${title!.replace(/ \(.*$/, '')}: `);
    expect(await eventually(async () => String(await withStatus()), String(before + 1))).toBe(String(before + 1));
    await check('10-risks');
    await open('/lan/20/verksamhet');
    const caption = page.locator('table caption', { hasText: 'Timmar per slag' });
    await caption.waitFor();
    const total = async () => Number(/totalt ([\d\s\u00a0,]+) timmar/.exec((await caption.textContent()) ?? '')![1]!.replace(/[\s\u00a0]/g, '').replace(',', '.'));
    const hoursBefore = await total();
    await page.getByLabel('Timmar', { exact: true }).fill('2,5');
    await page.getByRole('button', { name: 'Registrera tiden' }).click();
    await page.getByText('Tiden är registrerad.').waitFor();
    expect(await eventually(async () => String(await total()), String(hoursBefore + 2.5))).toBe(String(hoursBefore + 2.5));
    await check('11-work');
  }, 60_000);

  it('approving the month locks the reports: the reporter is told why an amendment is refused, until the analyst reopens it', async () => {
    await open(`/lan/20/${MONTH}/bedomning`);
    await page.getByRole('button', { name: 'Fastställ', exact: true }).click();
    await expect(page.locator('.approved').first().textContent()).resolves.toContain('fastställd: kommunernas rapporter är låsta');
    await signInAs(/Kim Kommun/);
    await open(`/rapport/2085/${MONTH}`);
    await page.getByRole('button', { name: 'Ändra rapporten' }).click();
    await page.getByLabel('Anlagda bränder och skadegörelse (antal händelser)').fill('4');
    await page.getByLabel('Skäl till ändringen (obligatoriskt)').fill('Ytterligare en brand');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect(page.locator('.error-message').first().textContent()).resolves.toMatch(/^Konflikt: .*approved/);
    await signInAs(/Li Län/);
    await open(`/lan/20/${MONTH}/bedomning`);
    await page.getByLabel('Skäl (obligatoriskt)').fill('Ludvika behöver komplettera');
    await page.getByRole('button', { name: 'Öppna igen' }).click();
    await expect(page.locator('.not-approved').first().textContent()).resolves.toContain('inte fastställd');
  }, 60_000);

  it('works by keyboard alone: signing in, and picking a cell of the risk matrix', async () => {
    await page.goto(`${demo.origin}/logga-in`);
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${demo.origin}/logga-in`);
    await page.locator('.demo-users button').first().waitFor();
    const focused = () => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');
    for (let i = 0; i < 20 && !(await focused()).includes('Li Län'); i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toContain('Li Län');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await open('/lan/20/risker');
    await page.locator('.risk-matrix button').first().waitFor();
    expect(await page.evaluate<string>('document.activeElement.tagName')).toBe('H1'); // each page's heading takes focus
    for (let i = 0; i < 5 && !/^Sannolikhet 5, konsekvens 1/.test(await page.evaluate<string>('document.activeElement.getAttribute("aria-label") || ""')); i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('.risk-matrix button').first().getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('heading', { name: 'Risker med sannolikhet 5 och konsekvens 1' }).waitFor();
  }, 60_000);

  it('a reporter who opens a county page is told plainly that the role does not reach it (403)', async () => {
    await signInAs(/Kim Kommun/);
    await open('/lan/20/2026-01');
    await expect(page.locator('.error-message').first().textContent()).resolves.toContain('saknar behörighet');
  }, 60_000);

  it('a token the api rejects (401) sends the user back to sign in, with a message', async () => {
    // A token the app can read but the api's signature check refuses.
    await page.evaluate(`sessionStorage.setItem('lagesbild.session', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwib3JnIjoiMjA4NSIsInJvbGVzIjpbIm11bmljaXBhbF9yZXBvcnRlciJdfQ.bad')`);
    await open(`/rapport/2085/${MONTH}`);
    await expect(page.locator('.notice[role="alert"]').textContent()).resolves.toContain('Logga in igen');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Logga in');
  }, 60_000);

  it('the national reader sees counties × areas and which counties have approved', async () => {
    await signInAs(/Nora Nationell/);
    await open('/nationellt/2026-01');
    await page.locator('table.heat-map').waitFor();
    await expect(page.locator('table.heat-map tbody tr').count()).resolves.toBe(21);
    const dalarna = page.locator('table.compact tr', { has: page.getByRole('rowheader', { name: 'Dalarnas län' }) });
    await expect(dalarna.locator('td').first().textContent()).resolves.toBe('Ja');
    await check('12-national');
  }, 60_000);

  it('the support worker opens a case, sees the subject with the logging notice, and erases it after confirming', async () => {
    await signInAs(/Sam Stöd/);
    await open('/arenden');
    await page.getByLabel('Kommun').selectOption({ label: 'Ludvika' });
    await page.getByLabel('Begärt stöd').fill('Råd om oro för en ungdom');
    await page.getByLabel('Den enskildes namn (frivilligt, krypteras)').fill('Elin Exempel');
    await page.getByLabel('Personnummer (frivilligt)').fill('19900101-1234');
    await check('13-support-cases');
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();
    await expect(page.getByTestId('subject').textContent()).resolves.toContain('Elin Exempel');
    await expect(page.locator('.notice').textContent()).resolves.toContain('loggas');
    await check('14-support-case');
    await page.getByRole('button', { name: 'Radera personuppgifterna…' }).click();
    await page.getByRole('button', { name: 'Ja, radera för gott' }).click();
    await expect(page.getByTestId('subject-erased').textContent()).resolves.toContain('raderade');
    await expect(page.locator('main').textContent()).resolves.not.toContain('Elin Exempel');
    await page.getByRole('button', { name: 'Visa vem som har läst ärendet' }).click();
    await page.locator('main li', { hasText: 'öppnade ärendet' }).first().waitFor();
    await expect(page.locator('main li', { hasText: 'öppnade ärendet' }).count()).resolves.toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('the auditor sees the verification result and pages through the trail', async () => {
    await signInAs(/Rut Revisor/);
    await open('/granskning');
    await expect(page.getByTestId('verification').textContent()).resolves.toMatch(/^Loggen är oförändrad: [\d\s ]+ händelser kontrollerade\.$/);
    await page.locator('table.audit tbody tr').first().waitFor();
    const first = await page.locator('table.audit tbody tr td').first().textContent();
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    expect(await eventually(() => page.locator('table.audit caption').textContent(), /Sida 2/)).toContain('Sida 2');
    expect(await eventually(() => page.locator('table.audit tbody tr td').first().textContent(), /^51$/)).toBe('51');
    expect(first).toBe('1');
    await check('15-audit');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera CSV' }).click()]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[0]).toContain('position');
  }, 60_000);

  it('the administrator sees the template', async () => {
    await signInAs(/Ada Admin/);
    await open('/mall');
    await expect(page.locator('main').textContent()).resolves.toContain('Våldsbejakande extremism');
    await check('16-template');
  }, 60_000);

  it('axe-core finds no serious or critical violation on any page, and no page threw', () => {
    expect(web.axePages).toHaveLength(16);
    expect(web.axeFindings).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
