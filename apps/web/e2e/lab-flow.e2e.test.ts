/**
 * Issue 6's lab flow in a browser: an operator finishes a cold-rolling operation at its machine -> the matching
 * inspection plan raises a lab request, which appears on the lab work list -> the sample label PDF downloads (a
 * PDF) -> the sample is received by typing its number into the scan box + Enter (what a barcode scanner does) ->
 * results entered in the grid, thickness out of spec -> the report fails and a nonconformance opens with the lot on
 * hold -> concession with the customer's reference -> the lot is released.
 */
import { DEMO_PASSWORD } from '@ingot/auth';
import { createDb, type Db } from '@ingot/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLabFlowFixture } from '../../../packages/api/src/test-support/quality-fixtures.ts';
import { BASE_URL, launchChromium, signIn } from './browser.ts';

const PASSWORD = process.env.E2E_PASSWORD ?? DEMO_PASSWORD;
const run = Date.now().toString(36).toUpperCase();

/** The e2e portal's database (scripts/e2e.mjs: TEST_DATABASE_URL with database ingot_e2e). */
function e2eDb(): Db {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL missing: run infra/local/up');
  const u = new URL(url);
  u.pathname = '/ingot_e2e';
  return createDb({ kind: 'postgres', url: u.toString() });
}

describe('lab flow', () => {
  let db: Db;
  let fixture: Awaited<ReturnType<typeof seedLabFlowFixture>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requestUrl = '';
  let sampleNo = '';

  beforeAll(async () => {
    db = e2eDb();
    fixture = await seedLabFlowFixture(db, `E2ELAB${run}`);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await signIn(page, 'admin@east-china-al.demo', PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.close();
  });

  it('finishing the operation at the shop floor raises the lab request', async () => {
    const { plantId, equipmentId, workOrderNo, seq } = fixture;
    await page.goto(`${BASE_URL}/shop-floor?plant=${plantId}&equipment=${equipmentId}`);
    const item = page.getByTestId(`queue-item-${workOrderNo}-${seq}`);
    await item.waitFor({ timeout: 30_000 });
    await item.getByTestId('start-operation').click();
    const running = page.getByTestId('sf-in-progress').getByTestId(`queue-item-${workOrderNo}-${seq}`);
    await running.waitFor({ timeout: 30_000 });
    await running.getByTestId('report-good').fill('7.8');
    await running.getByTestId('report-scrap').fill('0');
    await running.getByTestId('report-submit').click();
    await page.locator(`[data-testid="queue-item-${workOrderNo}-${seq}"][data-good-t="7.8"]`).waitFor();
    await running.getByTestId('finish-operation').click();
    await page.getByTestId('finish-submit').click();
    await running.waitFor({ state: 'detached', timeout: 30_000 });

    await page.goto(`${BASE_URL}/quality/lab`);
    const row = page.locator('[data-testid^="lab-row-"]', { hasText: fixture.planCode });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.chip').first().getAttribute('data-status')).toBe('requested');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/quality\/lab\/[0-9a-f-]{36}$/);
    requestUrl = page.url();
    const cell = page.locator('[data-testid^="cell-thickness-"]').first();
    await cell.waitFor();
    sampleNo = ((await cell.getAttribute('data-testid')) ?? '').replace('cell-thickness-', '');
    expect(sampleNo).toMatch(/^QI-RP-\d{4}-\d{4}-S1$/);
  });

  it('downloads the sample label PDF', async () => {
    const href = await page.getByTestId('labels-pdf').getAttribute('href');
    expect(href).toMatch(/^\/api\/lab\/labels\//);
    const res = await context.request.get(`${BASE_URL}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const body = await res.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('receives the sample by typing its number into the scan box', async () => {
    await page.goto(`${BASE_URL}/quality/lab`);
    const scan = page.getByTestId('scan-input');
    await scan.waitFor();
    await scan.pressSequentially(sampleNo, { delay: 15 });
    await scan.press('Enter');
    await page.getByTestId('scan-ok').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('scan-ok').textContent()).toContain(sampleNo);
  });

  it('results with thickness out of spec fail the report and open a nonconformance', async () => {
    await page.goto(requestUrl);
    await page.getByTestId(`result-thickness-${sampleNo}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('request-status').getAttribute('data-status')).toBe('received');
    await page.getByTestId(`result-thickness-${sampleNo}`).fill('1.061');
    await page.getByTestId(`result-flatness-${sampleNo}`).fill('6');
    await page.getByTestId(`result-tensile_strength-${sampleNo}`).fill('162');
    await page.getByTestId('save-results').click();
    await page.locator('[data-testid="request-verdict"][data-verdict="fail"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`verdict-thickness-${sampleNo}`).getAttribute('data-verdict')).toBe('fail');
    expect(await page.getByTestId(`verdict-flatness-${sampleNo}`).getAttribute('data-verdict')).toBe('pass');
    expect(await page.getByTestId('request-lot-status').getAttribute('data-status')).toBe('on_hold');
  });

  it('a concession with the customer reference releases the lot', async () => {
    await page.getByTestId('nc-link-thickness').click();
    await page.waitForURL(/\/quality\/nonconformances\/[0-9a-f-]{36}$/);
    await page.getByTestId('disposition-form').waitFor();
    expect(await page.getByTestId('nc-lot-status').getAttribute('data-status')).toBe('on_hold');
    expect(await page.getByTestId('nc-description').textContent()).toContain('1.061');
    await page.getByTestId('disposition-choice').selectOption('concession');
    await page.getByTestId('concession-ref').fill(`FX-DEV-${run}`);
    await page.getByTestId('disposition-save').click();
    await page.locator('[data-testid="nc-status"][data-status="dispositioned"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('nc-lot-status').getAttribute('data-status')).toBe('released');
    expect(await page.getByTestId('nc-disposition').textContent()).toContain(`FX-DEV-${run}`);
  });
});
