import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type TestApp, startTestApp } from './support/test-app.js';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const now = new Date();
const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
const [from, to] = [month(3), month(1)];
const today = now.toISOString().slice(0, 10);

/** Binary bodies come back as Buffers. */
const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('report-backs over HTTP', () => {
  let t: TestApp;
  let analyst: { Authorization: string };
  let ludvika: { Authorization: string };
  let amendable: string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.as('county_analyst', '20', 'Li Län');
    ludvika = await t.as('municipal_reporter', '2085');
    await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/1').set(analyst).send({ text: 'Läget i länet är stabilt.\n\nKommunerna rapporterar i tid.' }).expect(200);
    for (const period of [from, month(2), to]) {
      await request(t.http).put(`/api/v1/org-units/2085/reports/${period}`).set(ludvika).send({ templateVersion: 1, answers: [{ item: 'social-risk.level', value: 2, trend: 'rising' }] }).expect(201);
    }
    amendable = to;
    await request(t.http)
      .post('/api/v1/activities')
      .set(analyst)
      .send({ kind: 'network-meeting', date: `${to}-05`, title: 'Nätverksträff för samordnare', orgUnits: ['20'], partners: ['Polisen'] })
      .expect(201);
    await request(t.http).post('/api/v1/goals').set(analyst).send({ orgUnit: '20', kind: 'effect', number: '1', text: 'Alla kommuner har en handlingsplan.' }).expect(201);
    await request(t.http).post('/api/v1/time-entries').set(analyst).send({ date: today, hours: 3.5, kind: 'analysis' }).expect(201);
  });
  afterAll(() => t.close());

  const generate = (format: string, extra = '') =>
    request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${to}&format=${format}${extra}`).set(analyst).buffer(true).parse(binary).expect(200);

  it('gives the same bytes for the same county, range and moment, in every format', async () => {
    for (const format of ['md', 'html', 'pdf', 'json']) {
      const [a, b] = [await generate(format), await generate(format)];
      expect((a.body as Buffer).length).toBeGreaterThan(1000);
      expect(sha(a.body as Buffer)).toBe(sha(b.body as Buffer));
      expect(a.headers['x-content-sha256']).toBe(sha(a.body as Buffer));
    }
  });

  it('holds the authored sections, placeholders for the missing ones, and the generated ones', async () => {
    const md = (await generate('md')).body.toString('utf8') as string;
    expect(md).toContain('## 1. Sammanfattning\n\nLäget i länet är stabilt.\n\nKommunerna rapporterar i tid.');
    expect(md).toContain('## 2. Kontaktpersoner för arbetet\n\n*Avsnittet är ännu inte skrivet (avsnitt 2).*');
    expect(md).toContain('| Polisen | 1 | ');
    expect(md).toContain('Alla kommuner har en handlingsplan.');
    // Ludvika reported these past months today: late; the other fourteen are missing.
    expect(md).toMatch(/\| 1 av 15 \| Ludvika \| [^|]*Avesta[^|]* \| Ej fastställd \|/);
    const html = (await generate('html')).body.toString('utf8') as string;
    expect(html).toContain('<h2 id="avsnitt-8-rubrik">8. Resultat av kartläggningar</h2>');
    expect(html.match(/<svg /g)).toHaveLength(4);
    // Each chart has a title a screen reader announces, and the page says it is Swedish.
    expect(html.match(/<svg [^>]*role="img" aria-labelledby="([^"]+)"><title id="\1">Linjediagram\. /g)).toHaveLength(4);
    expect(html).toContain('<html lang="sv">');
  });

  it('renders a PDF that parses, with the section headings and a chart drawn', async () => {
    const bytes = (await generate('pdf')).body as Buffer;
    const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl }).promise;
    let text = '';
    let chartLines = 0;
    let images = 0;
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const pageText = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      text += pageText;
      const ops = await page.getOperatorList();
      images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
      if (!pageText.includes('Bilaga: diagram och tabeller')) continue;
      // The charts' page: its lines are drawn as vector paths (gridlines and the series).
      ops.fnArray.forEach((fn, i) => {
        if (fn === OPS.constructPath) chartLines += (ops.argsArray[i][0] as number[]).filter((op) => op === OPS.lineTo).length;
      });
    }
    for (const heading of ['1. Sammanfattning', '7. Aktiviteter', '8. Resultat av kartläggningar', '9. Måluppfyllelse', '11. Samverkan', '15. Bilagor', 'Bilaga: diagram och tabeller']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('länets mediannivå och högsta nivå per månad');
    // The charts' gridlines (five each), and for social risk a median and a max line over three months.
    expect(chartLines).toBeGreaterThanOrEqual(3 * 5 + 2 * 2);
    expect(images).toBe(0);
    expect((await pdf.getMetadata()).info).toMatchObject({ Title: expect.stringContaining('Dalarnas län') });
  });

  it('lists for each figure the events behind it, and they are in the log', async () => {
    const report = JSON.parse((await generate('json')).body.toString('utf8'));
    const section8 = report.sections.find((s: { number: number }) => s.number === 8);
    const completeness = section8.blocks.find((b: { caption?: string }) => b.caption === 'Inrapportering per månad');
    expect(completeness.rows.flatMap((r: { eventIds: string[] }) => r.eventIds).length).toBeGreaterThanOrEqual(3);
    const charts = report.appendices[0].blocks.filter((b: { kind: string }) => b.kind === 'chart');
    expect(charts).toHaveLength(4);
    expect(charts.every((c: { eventIds: string[] }) => c.eventIds.length >= 3)).toBe(true);
    // Every id anywhere in the report resolves to an event of the log.
    const ids = new Set<string>();
    JSON.stringify(report, (key, value) => {
      if (key === 'eventIds') for (const id of value as string[]) ids.add(id);
      return value;
    });
    expect(ids.size).toBe(5); // three reports, the activity, the goal
    const logged = new Set<string>();
    for await (const event of t.store.readAll()) logged.add(event.eventId);
    expect([...ids].filter((id) => !logged.has(id))).toEqual([]);
  });

  it('issues a report-back whose regeneration matches the recorded SHA-256, also after later amendments', async () => {
    const issued = await request(t.http).post('/api/v1/org-units/20/report-backs').set(analyst).send({ from, to, title: 'Delrapport Sociala risker', reference: 'Ku2026/1' }).expect(201);
    expect(issued.body).toMatchObject({ id: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), position: expect.any(String), asOfPosition: expect.any(String) });
    const documentOf = (format: string) =>
      request(t.http).get(`/api/v1/org-units/20/report-backs/${issued.body.id}/document?format=${format}`).set(analyst).buffer(true).parse(binary).expect(200);
    const before = await documentOf('pdf');
    expect(sha(before.body as Buffer)).toBe(issued.body.sha256);

    // Later: Ludvika amends a reported month; a fresh report-back changes, the issued one does not.
    const fresh = sha((await generate('md')).body as Buffer);
    await request(t.http)
      .post(`/api/v1/org-units/2085/reports/${amendable}/amendments`)
      .set(ludvika)
      .send({ answers: [{ item: 'social-risk.level', value: 4 }], reason: 'Ny information' })
      .expect(200);
    const after = await request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${to}&format=md&minPosition=${issued.body.position}`).set(analyst).buffer(true).parse(binary).expect(200);
    expect(sha(after.body as Buffer)).not.toBe(fresh);
    for (const format of ['md', 'html', 'pdf', 'json']) {
      const again = await documentOf(format);
      expect(sha(again.body as Buffer)).toBe(issued.body.sha256ByFormat[format]);
      expect(again.headers['x-recorded-sha256']).toBe(issued.body.sha256ByFormat[format]);
      expect([again.headers['x-as-of'], again.headers['x-as-of-position']]).toEqual([issued.body.asOf, issued.body.asOfPosition]);
    }
  });

  it('keeps report-backs to the county: a municipal reporter gets 403, bad input 400', async () => {
    await request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${to}&format=md`).set(ludvika).expect(403);
    await request(t.http).post('/api/v1/org-units/20/report-backs').set(ludvika).send({ from, to, title: 'x', reference: 'y' }).expect(403);
    const bad = await request(t.http).get('/api/v1/org-units/20/report-back?from=2026-13&to=2025-01&format=docx').set(analyst).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['format', 'from']);
    const head = await t.store.headPosition();
    const badIssue = await request(t.http).post('/api/v1/org-units/20/report-backs').set(analyst).send({ from: to, to: from, title: 'x', reference: 'y' }).expect(400);
    expect(badIssue.body.errors[0].path).toBe('from');
    expect(await t.store.headPosition()).toBe(head);
    await request(t.http).get('/api/v1/org-units/20/report-backs/00000000-0000-4000-8000-000000000000/document').set(analyst).expect(404);
    const badId = await request(t.http).get('/api/v1/org-units/20/report-backs/nope/document').set(analyst).expect(400);
    expect(badId.body.errors[0].path).toBe('id');
  });

  it('waits for minPosition, and answers 503 with Retry-After when the views cannot reach it in time', async () => {
    const written = await request(t.http).put('/api/v1/org-units/20/report-backs/narrative/3').set(analyst).send({ text: 'Skrivet nyss, läst direkt' }).expect(200);
    const markdown = (minPosition: bigint) => request(t.http).get(`/api/v1/org-units/20/report-back?from=${from}&to=${to}&format=md&minPosition=${minPosition}`).set(analyst);
    const md = await markdown(BigInt(written.body.position)).expect(200);
    expect(md.text).toContain('Skrivet nyss, läst direkt');
    const late = await markdown(BigInt(written.body.position) + 1000n).expect(503);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(late.headers['retry-after']).toBeDefined();
  }, 15_000);
  it('issues a PDF a county would sign: front matter and Innehåll in reading order, fonts embedded, tagged, PDF/A metadata', async () => {
    const issued = await request(t.http).post('/api/v1/org-units/20/report-backs').set(analyst).send({ from, to, title: 'Delrapport Sociala risker', reference: '820-1980-17' }).expect(201);
    const bytes = (await request(t.http).get(`/api/v1/org-units/20/report-backs/${issued.body.id}/document?format=pdf`).set(analyst).buffer(true).parse(binary).expect(200)).body as Buffer;
    const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl }).promise;
    const first = await pdf.getPage(1);
    const text = (await first.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    const at = (needle: string | RegExp) => text.search(needle);
    // The seed's head in its order: title, Diarienummer, Dokumentnamn, Datum, Handläggare, then Innehåll with a page for each section.
    const asOf = new Date(issued.body.asOf);
    const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
    const stockholm = new Date(asOf.toLocaleString('en-US', { timeZone: 'Europe/Stockholm' }));
    const order = [
      at('Redovisning av Länsstyrelsen i Dalarnas läns arbete'),
      at(/Diarienummer:\s+820-1980-17/),
      at(/Dokumentnamn:\s+Delrapport Sociala risker/),
      at(new RegExp(`Datum:\\s+${stockholm.getDate()} ${months[stockholm.getMonth()]} ${stockholm.getFullYear()}`)),
      at(/Handläggare:\s+Li Län/),
      at('Innehåll'),
      ...Array.from({ length: 15 }, (_, i) => at(new RegExp(`${i + 1}\\. [^0-9]+\\s+\\d+\\s`))),
      at(/Underlag\s+\d+/),
    ];
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('loggposition');

    // Every font is embedded (TrueType subsets), none of the fourteen standard fonts is referenced.
    const raw = bytes.toString('latin1');
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(descriptors.length);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);

    // Tagged: a structure tree with headings, tables with header cells and figures with alternative text.
    const roles: string[] = [];
    const alts: string[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role);
      if (node.alt) alts.push(node.alt);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    for (let n = 1; n <= pdf.numPages; n += 1) walk(((await (await pdf.getPage(n)).getStructTree()) ?? {}) as Parameters<typeof walk>[0]);
    for (const role of ['H1', 'H2', 'P', 'TOC', 'TOCI', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles).toContain(role);
    expect(alts.filter((alt) => alt.startsWith('Linjediagram.'))).toHaveLength(4);

    // Archivable: XMP metadata declaring PDF/A-2, Swedish as the document's language, the title in the window.
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const { info } = (await pdf.getMetadata()) as { info: { Language?: string; Title?: string } };
    expect(info.Language).toBe('sv-SE');
  });
});
