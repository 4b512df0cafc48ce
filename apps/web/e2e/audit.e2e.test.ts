/**
 * The audit trail in the browser: a tenant admin's changes show up on /audit (one row per change), can be
 * filtered and exported as CSV (the export recorded too); a planner is shown no audit page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, E2E_PASSWORD, launchChromium, signIn, signOut } from './browser.ts';

const run = Date.now().toString(36).toUpperCase();
const code = `AUD-${run}`;

describe('audit trail', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let plantId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await signIn(page, 'admin@east-china-al.demo', E2E_PASSWORD);
    await page.getByTestId('lang-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('records each change once: a plant and an area created in the portal', async () => {
    await page.getByTestId('new-plant').click();
    await page.getByTestId('plant-code').fill(code);
    await page.getByTestId('plant-name').fill(`审计厂 ${run}`);
    await page.getByTestId('plant-submit').click();
    await page.getByTestId(`plant-${code}`).getByTestId('plant-link').click();
    await page.waitForURL(/\/plants\/[0-9a-f-]{36}$/);
    plantId = page.url().split('/').at(-1) ?? '';
    await page.getByTestId('new-area').click();
    await page.getByTestId('area-code').fill('A1');
    await page.getByTestId('area-name').fill('审计车间');
    await page.getByTestId('area-submit').click();
    await page.getByTestId('area-A1').waitFor();

    await page.getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL(/\/audit$/);
    expect(await page.getByTestId('page-title').textContent()).toBe('审计日志');
    await page.getByTestId('audit-filter-target').fill(plantId);
    await page.getByTestId('audit-search').click();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'plant.create',
    ]);
    expect(await rows.first().textContent()).toContain('admin@east-china-al.demo');

    await page.getByTestId('audit-filter-target').fill('');
    await page.getByTestId('audit-filter-action').fill('area.create');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-row').filter({ hasText: '审计车间' }).waitFor();
    const actions = await page
      .getByTestId('audit-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(new Set(actions)).toEqual(new Set(['area.create']));
  });

  it('exports the filtered rows as CSV, and the export is itself recorded', async () => {
    await page.getByTestId('audit-filter-action').fill('plant.create');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-row').filter({ hasText: code }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.startsWith('\uFEFFseq,at,actor_email')).toBe(true);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.split(',')[4]).toBe('plant.create');
    expect(csv).toContain(code);

    await page.getByTestId('audit-filter-action').fill('audit.export');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('audit-row').first().getAttribute('data-action')).toBe('audit.export');
  });

  it('refuses an export posted from another site', async () => {
    const res = await page.request.post(`${BASE_URL}/api/audit/export`, {
      headers: { origin: 'https://evil.example' },
      form: { action: 'plant' },
    });
    expect(res.status()).toBe(403);
  });

  it('shows a planner no audit link and no audit rows', async () => {
    await signOut(page);
    await signIn(page, 'planner@east-china-al.demo', E2E_PASSWORD);
    expect(await page.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.goto(`${BASE_URL}/audit`);
    await page.getByText('只有租户管理员可以查看审计日志。').waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(0);
  });
});
