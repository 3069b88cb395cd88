import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it when missing); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless chromium with a fresh, empty profile. The flags keep it off the network
 * (this machine's closed network refuses its background connections) and runnable as root.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'lagesbild-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    acceptDownloads: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a browser test does with the app's page: open a path, sign in as a demo user, and check a page (axe and a screenshot). */
export interface WebPage {
  open(path: string): Promise<void>;
  signInAs(name: RegExp): Promise<void>;
  /** axe-core's serious and critical findings on the page as it is, and a full-page screenshot named `name`. */
  check(name: string): Promise<void>;
  /** Waits (up to 10 s) until `read` gives `expected`, and returns what it last gave. */
  eventually(read: () => Promise<string | null>, expected: string | RegExp): Promise<string | null>;
  /** Every finding of `check` so far (empty: none serious), and the pages it checked. */
  readonly axeFindings: string[];
  readonly axePages: string[];
}

export function webPage(page: Page, origin: string, artifacts: string): WebPage {
  const axeFindings: string[] = [];
  const axePages: string[] = [];
  return {
    axeFindings,
    axePages,
    open: async (path) => {
      await page.goto(`${origin}${path}`);
      await page.locator('h1').first().waitFor();
    },
    signInAs: async (name) => {
      await page.goto(`${origin}/logga-in`);
      await page.evaluate('sessionStorage.clear()');
      await page.goto(`${origin}/logga-in`);
      await page.getByRole('button', { name }).click();
      await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    },
    check: async (name) => {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
      // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses inline scripts.
      if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run(o: object): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return {
          passed: result.passes.length,
          serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`),
        };
      });
      // axe ran on this page (it passed rules), and what it found
      if (violations.passed < 10) axeFindings.push(`${name}: axe checked only ${violations.passed} rules`);
      axeFindings.push(...violations.serious.map((v) => `${name}: ${v}`));
      axePages.push(name);
    },
    eventually: async (read, expected) => {
      const until = Date.now() + 10_000;
      for (;;) {
        const value = await read();
        if ((typeof expected === 'string' ? value === expected : expected.test(value ?? '')) || Date.now() > until) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
