import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../../lambdas/local/bundled-paths';
import { runLocal } from '../../lambdas/local/run-local';
import { freePort, type ServeProcess, startServe } from '../support/serve-process';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const requireBrowser = process.env.PCM_REQUIRE_BROWSER === '1';
const SHOTS = '/tmp/portal-shots';

if (!hasChromium && !requireBrowser) {
  process.stderr.write(
    `portal-browser.test.ts skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium\n`,
  );
}

describe.runIf(!hasChromium && requireBrowser)('the real-browser portal test', () => {
  it('needs Chromium (PCM_REQUIRE_BROWSER=1)', () => {
    throw new Error(`No Chromium at ${CHROMIUM}: run apt-get install -y chromium (PCM_REQUIRE_BROWSER=1 is set).`);
  });
});

/** Serious and critical accessibility violations on the page, by rule id and the elements involved. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function downloadedBytes(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile(await download.path());
}

describe.runIf(hasChromium)('the report portal in a real browser (Chromium, pcm-report serve)', () => {
  let out: string;
  let browser: Browser;
  let serve: ServeProcess | undefined;
  const consoleErrors: string[] = [];

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    });
    return context;
  }

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-portal-'));
    await runLocal({ exportsDir: BUNDLED.exports, practicesFile: BUNDLED.practices, outDir: out });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    await mkdir(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await serve?.stop();
    await browser?.close();
  });

  it('signs an admin in with the printed link, shows the months and the latest month, and downloads the workbook', async () => {
    serve = await startServe(['--out', out, '--port', String(await freePort())]);
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(serve.signInUrl);
    expect(await page.locator('h1').textContent()).toBe('Monthly reports');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'months.png'), fullPage: true });

    await page.getByRole('link', { name: 'October 2026' }).click();
    expect(await page.locator('h1').textContent()).toBe('October 2026');
    await page.waitForLoadState('load');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'month.png'), fullPage: true });

    const workbook = await downloadedBytes(page, () => page.getByRole('link', { name: /ICB workbook/ }).click());
    expect(workbook.equals(await readFile(join(out, '2026-10', 'icb-report-2026-10.xlsx')))).toBe(true);

    // A real form post (multipart, with the CSRF token and the browser's Origin) reaches the directory.
    await page.getByRole('link', { name: 'Administration' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Practice directory CSV').setInputFiles(BUNDLED.practices);
    await page.getByRole('button', { name: 'Upload directory' }).click();
    expect(await page.locator('.nhsuk-inset-text').textContent()).toMatch(/\d+ practices added or updated\./);
    await page.screenshot({ path: join(SHOTS, 'admin.png'), fullPage: true });

    // The link works once: a second use signs nobody in.
    const again = await (await newContext()).request.get(serve.signInUrl, { maxRedirects: 0 });
    expect(again.status()).toBe(401);
    await context.close();
    await serve.stop();
    serve = undefined;
  }, 120_000);

  it('shows a practice (--as practice:<ODS>) its page and gap list, and refuses another practice’s gap list', async () => {
    // Workbooks only: each has its NHS-number file beside it, which would otherwise name the same practice twice.
    const gapLists = (await readdir(join(out, '2026-10', 'gap-lists'))).filter((f) => f.endsWith('.xlsx')).sort();
    const ods = /gap-list-([A-Z]\d{5})-/.exec(gapLists[0] as string)?.[1] as string;
    const other = /gap-list-([A-Z]\d{5})-/.exec(gapLists[1] as string)?.[1] as string;
    expect(other).not.toBe(ods);
    const port = await freePort();
    serve = await startServe(['--out', out, '--port', String(port), '--as', `practice:${ods}`]);
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(serve.signInUrl);
    await page.getByRole('link', { name: 'October 2026' }).click();
    expect(page.url()).toBe(`http://127.0.0.1:${port}/practice/${ods}/2026-10`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'practice.png'), fullPage: true });

    const gapList = await downloadedBytes(page, () =>
      page.getByRole('link', { name: /Download the gap list/ }).click(),
    );
    expect(gapList.equals(await readFile(join(out, '2026-10', 'gap-lists', `gap-list-${ods}-2026-10.xlsx`)))).toBe(
      true,
    );

    const refused = await context.request.get(`http://127.0.0.1:${port}/practice/${other}/2026-10/gap-list`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(other);
    await context.close();
  }, 120_000);

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
