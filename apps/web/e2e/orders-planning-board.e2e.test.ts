/**
 * The planning board with the keyboard only: the Gantt of the rolling plant (the scheduler is run once when the
 * plant has no plan yet), an operation locked with L becomes a new draft version, two versions are compared by
 * their KPIs, and the draft is published.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, E2E_PASSWORD, launchChromium, signIn } from './browser.ts';

describe('planning board', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await signIn(page, 'admin@east-china-al.demo', E2E_PASSWORD);
    await page.getByTestId('lang-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the rolling plant’s plan as a Gantt by machine', async () => {
    await page.goto(`${BASE_URL}/planning`);
    const plant = page.getByTestId('plan-plant');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="plan-plant"]');
      return el instanceof HTMLSelectElement && [...el.options].some((o) => o.text.startsWith('RP'));
    });
    const value = await plant.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('RP'))?.value ?? '',
    );
    await plant.selectOption(value);
    await page.waitForURL(/plant=/);
    const bars = page.getByTestId('gantt-bar');
    let ran = false;
    const deadline = Date.now() + 150_000;
    while (
      !(await bars
        .first()
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        ))
    ) {
      if (Date.now() > deadline) throw new Error('no plan version with operations appeared');
      if (!ran) {
        await page.getByTestId('plan-time-limit').fill('5');
        await page.getByTestId('plan-run').click();
        ran = true;
      }
      await page.reload();
    }
    expect(await bars.count()).toBeGreaterThan(0);
    // Machines are rows; the axis and the legend are there; zoom changes the scale.
    const before = await page.locator('[data-testid="plan-gantt"] svg.ig-gantt__svg').getAttribute('width');
    await page.getByTestId('gantt-zoom-in').click();
    const after = await page.locator('[data-testid="plan-gantt"] svg.ig-gantt__svg').getAttribute('width');
    expect(Number(after)).toBeGreaterThan(Number(before));
  }, 200_000);

  it('locks an operation with the keyboard: a new draft version holds it', async () => {
    const versionBefore = new URL(page.url()).searchParams.get('version');
    const unlocked = page.locator('[data-testid="gantt-bar"][data-locked="false"][data-status="pending"]');
    const id = await unlocked.last().getAttribute('data-item-id');
    await unlocked.last().focus();
    await page.keyboard.press('l');
    await page.getByTestId('plan-notice').waitFor();
    await page.waitForURL((u) => {
      const v = new URL(u).searchParams.get('version');
      return Boolean(v) && v !== versionBefore;
    });
    await page.locator(`[data-testid="gantt-bar"][data-item-id="${id}"][data-locked="true"]`).waitFor();
    expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe('draft');
  });

  it('compares two versions by their KPIs', async () => {
    const rows = page.locator('[data-testid="plan-versions"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    const compare = page.getByTestId('plan-compare');
    await compare.waitFor();
    expect(await compare.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
  });

  it('publishes the draft', async () => {
    await page.getByTestId('plan-publish').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="plan-status"]')?.getAttribute('data-status') === 'published',
    );
  });
});
