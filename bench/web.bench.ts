/**
 * The web app: its initial JavaScript (gzipped) and how fast the county dashboard for the demo
 * county is ready in a real browser (Debian's chromium, headless), by the browser's own clock:
 * the `dashboard-ready` performance mark the page sets once every panel has its data, from the
 * navigation's start. Baseline in the same run: the raw api calls the dashboard makes, sent all
 * at once from Node (what the page cannot beat).
 *
 *   npm run bench -- web [--runs 10]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { addMonths } from '@lagesbild/domain';
import { launchBrowser } from '../test/support/browser.js';
import { startDemoApi } from '../test/support/web-app.js';
import { median, nowMs, percentile, printTable, writeResults } from './support/measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const GOAL_MS = 1000;
const GOAL_KB = 250;
const COUNTY = '20';

/** The scripts index.html loads at once (its module entry and modulepreloads), each gzipped. */
function initialJavaScript(): { files: Array<{ file: string; bytes: number; gzipBytes: number }>; gzipKB: number } {
  const dir = join(root, 'dist/web');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]!);
  const files = [...new Set(srcs)].map((src) => {
    const bytes = readFileSync(join(dir, src.replace(/^\//, '')));
    return { file: src, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzipKB: files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024 };
}

async function main() {
  const demo = await startDemoApi(3870);
  const { context, close } = await launchBrowser();
  try {
    const js = initialJavaScript();
    const api = `${demo.origin}/api/v1`;
    const { token } = (await (await fetch(`${api}/demo-users/li.lan/token`, { method: 'POST' })).json()) as { token: string };
    const thisMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).format(new Date()).replace(/\D+/, '-');
    const period = addMonths(thisMonth, -1); // the latest whole month, as the app opens it
    const from = addMonths(period, -23);

    // Baseline: the dashboard's own api calls, all at once, no browser.
    const calls = [
      `/org-units/${COUNTY}/situation?period=${period}`,
      `/org-units?parent=${COUNTY}`,
      '/templates/current',
      ...['social-risk', 'crime-prevention', 'violent-extremism', 'andt'].map((area) => `/org-units/${COUNTY}/trends?area=${area}&from=${from}&to=${period}`),
    ];
    const apiTimes: number[] = [];
    for (let i = 0; i <= RUNS; i += 1) {
      const started = nowMs();
      await Promise.all(calls.map(async (c) => (await fetch(`${api}${c}`, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer()));
      if (i > 0) apiTimes.push(nowMs() - started); // the first warms the views
    }

    // The page, signed in as the demo county's analyst (the token put where the app keeps it).
    await context.addInitScript(`sessionStorage.setItem('lagesbild.session', ${JSON.stringify(token)})`);
    const page = context.pages()[0] ?? (await context.newPage());
    const url = `${demo.origin}/lan/${COUNTY}/${period}`;
    const runs: Array<{ ready: number; domContentLoaded: number; cold: boolean }> = [];
    for (let i = 0; i <= RUNS; i += 1) {
      await page.goto(url);
      await page.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
      const timing = await page.evaluate(() => {
        const nav = (performance.getEntriesByType as (type: string) => unknown[])('navigation')[0] as { domContentLoadedEventEnd: number };
        return { ready: performance.getEntriesByName('dashboard-ready')[0]!.startTime, domContentLoaded: nav.domContentLoadedEventEnd };
      });
      runs.push({ ...timing, cold: i === 0 });
    }
    const warm = runs.filter((r) => !r.cold).map((r) => r.ready).sort((a, b) => a - b);
    const cold = runs[0]!;
    const rows = [
      { measure: 'county dashboard ready (warm, median)', ms: median(warm), p95: percentile(warm, 95), goal: `≤ ${GOAL_MS} ms` },
      { measure: 'county dashboard ready (first load, cold cache)', ms: cold.ready, p95: '', goal: `≤ ${GOAL_MS} ms` },
      { measure: 'DOMContentLoaded (warm, median)', ms: median(runs.filter((r) => !r.cold).map((r) => r.domContentLoaded)), p95: '', goal: '' },
      { measure: `baseline: its ${calls.length} api calls at once from Node (median)`, ms: median(apiTimes), p95: percentile([...apiTimes].sort((a, b) => a - b), 95), goal: '' },
    ];
    console.log(`\nWeb app — demo county ${COUNTY}, period ${period}, ${RUNS} runs after a cold one (chromium headless)\n`);
    printTable(rows.map((r) => ({ ...r, ms: Math.round(r.ms as number), p95: typeof r.p95 === 'number' ? Math.round(r.p95) : r.p95 })));
    console.log(`\nInitial JavaScript: ${js.gzipKB.toFixed(1)} KB gzipped (goal ≤ ${GOAL_KB} KB) — ${js.files.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(1)} KB raw`).join(', ')}`);
    const file = writeResults('web', {
      county: COUNTY,
      period,
      runs: RUNS,
      dashboardReadyMs: { warmMedian: median(warm), warmP95: percentile(warm, 95), cold: cold.ready, goal: GOAL_MS },
      domContentLoadedMsWarmMedian: median(runs.filter((r) => !r.cold).map((r) => r.domContentLoaded)),
      baselineApiCallsMs: { median: median(apiTimes), calls: calls.length },
      initialJavaScript: { gzipKB: Math.round(js.gzipKB * 10) / 10, goalKB: GOAL_KB, files: js.files },
    });
    console.log(`\nwritten ${file}`);
    if (median(warm) > GOAL_MS || js.gzipKB > GOAL_KB) process.exitCode = 1;
  } finally {
    await close();
    await demo.stop();
  }
}

await main();
