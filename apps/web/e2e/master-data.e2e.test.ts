/**
 * The five master-data pages in a browser, as the demo tenant's admin (华东铝业): each lists its demo rows, creates
 * an item through its dialog, and deactivates it (alloys, customers, routings; the inactive row comes back under
 * "show inactive" with its badge) or edits it (tempers and specs, which have no active flag). The alloy page also
 * shows the server's message next to the field it names (a duplicate code).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, chooseOption, E2E_PASSWORD, launchChromium, signIn } from './browser.ts';

const run = Date.now().toString(36).toUpperCase();

/** Saves the open dialog of `kind` and waits until it has closed (the save succeeded). */
async function save(page: Page, kind: string): Promise<void> {
  await page.getByTestId(`${kind}-submit`).click();
  await page.getByTestId(`${kind}-form`).waitFor({ state: 'detached', timeout: 30_000 });
}

/** Deactivates a row: it leaves the default list and returns, badged, when inactive rows are shown. */
async function deactivate(page: Page, rowTestId: string): Promise<void> {
  const row = page.getByTestId(rowTestId);
  await row.getByRole('button', { name: '停用' }).click();
  await row.waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByTestId('include-inactive').check();
  await row.waitFor();
  expect(await row.locator('.badge').textContent()).toBe('已停用');
  await row.getByRole('button', { name: '启用' }).waitFor();
  await page.getByTestId('include-inactive').uncheck();
}

describe('master data pages', () => {
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

  it('alloys: lists, refuses a duplicate code at the field, creates and deactivates', async () => {
    await page.goto(`${BASE_URL}/master-data/alloys`);
    await page.getByTestId('alloy-3003').waitFor();
    expect(await page.getByTestId('md-tab-alloys').getAttribute('aria-current')).toBe('page');

    await page.getByTestId('new-alloy').click();
    await page.getByTestId('alloy-dialog').getByRole('heading', { name: '新建合金' }).waitFor();
    await page.getByTestId('alloy-code').fill('3003');
    await page.getByTestId('alloy-submit').click();
    await page.getByTestId('alloy-code-error').waitFor();
    expect(await page.getByTestId('alloy-code').getAttribute('aria-invalid')).toBe('true');

    const code = `E2E-A-${run}`;
    await page.getByTestId('alloy-code').fill(code);
    await page.getByTestId('alloy-name').fill('端到端合金');
    await save(page, 'alloy');
    await page.getByTestId(`alloy-${code}`).waitFor();
    await deactivate(page, `alloy-${code}`);
  });

  it('tempers: lists, creates and edits the description', async () => {
    await page.goto(`${BASE_URL}/master-data/tempers`);
    await page.getByTestId('temper-aluminium-H14').waitFor();

    const code = `T${run}`;
    await page.getByTestId('new-temper').click();
    await page.getByTestId('temper-code').fill(code);
    await page.locator('[data-testid="temper-form"] textarea[name="description"]').fill('端到端状态');
    await save(page, 'temper');
    const row = page.getByTestId(`temper-aluminium-${code}`);
    await row.waitFor();

    await row.getByRole('button', { name: '编辑' }).click();
    expect(await page.getByTestId('temper-code').isDisabled()).toBe(true);
    await page.locator('[data-testid="temper-form"] textarea[name="description"]').fill('改过的说明');
    await save(page, 'temper');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('改过的说明');
  });

  it('customers: lists, creates, finds by search and deactivates', async () => {
    await page.goto(`${BASE_URL}/master-data/customers`);
    await page.getByTestId('customer-C-PACK').waitFor();

    const code = `E2E-C-${run}`;
    await page.getByTestId('new-customer').click();
    await page.getByTestId('customer-code').fill(code);
    await page.getByTestId('customer-name').fill(`端到端客户 ${run}`);
    await save(page, 'customer');
    await page.getByTestId(`customer-${code}`).waitFor();

    await page.locator('input[name="q"]').fill(code);
    await page.locator('form.filters').getByRole('button', { name: '搜索' }).click();
    // The list empties while the search runs, then holds the one match.
    await expect
      .poll(() => page.locator('[data-testid="customer-table"] tbody tr').count(), { timeout: 30_000 })
      .toBe(1);
    await page.getByTestId(`customer-${code}`).waitFor();
    await deactivate(page, `customer-${code}`);
  });

  it('product specs: lists, creates for an alloy and temper, and edits', async () => {
    await page.goto(`${BASE_URL}/master-data/specs`);
    await page.getByTestId('spec-S3003H14-1.0x1250').waitFor();

    const code = `E2E-S-${run}`;
    await page.getByTestId('new-spec').click();
    await page.getByTestId('spec-code').fill(code);
    await chooseOption(page.getByTestId('spec-alloy'), '3003');
    await chooseOption(page.getByTestId('spec-temper'), 'H14');
    await page.getByTestId('spec-thicknessMm').fill('1.5');
    await page.getByTestId('spec-thicknessTolMinus').fill('0.05');
    await page.getByTestId('spec-thicknessTolPlus').fill('0.05');
    await page.getByTestId('spec-widthMm').fill('1000');
    await page.getByTestId('spec-innerDiameterMm').fill('505');
    await save(page, 'spec');
    const row = page.getByTestId(`spec-${code}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('3003-H14');

    await row.getByRole('button', { name: '编辑' }).click();
    expect(await page.getByTestId('spec-alloy').isDisabled()).toBe(true);
    await page.locator('[data-testid="spec-form"] input[name="surface"]').fill('端到端表面');
    await save(page, 'spec');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('端到端表面');
  });

  it('routings: lists, creates with a step, shows its steps and deactivates', async () => {
    await page.goto(`${BASE_URL}/master-data/routings`);
    await page.getByTestId('routing-R-STRIP').waitFor();

    const code = `E2E-R-${run}`;
    await page.getByTestId('new-routing').click();
    await page.getByTestId('routing-code').fill(code);
    await page.getByTestId('routing-name').fill('端到端工艺路线');
    await page.getByTestId('step-0-operation-code').fill('cold_rolling');
    await page.getByTestId('step-0-name').fill('冷轧');
    await chooseOption(page.getByTestId('step-0-equipment-0'), 'CM-1');
    await page.getByTestId('step-0-rate-0').fill('12');
    await save(page, 'routing');
    const row = page.getByTestId(`routing-${code}`);
    await row.waitFor();

    const showSteps = row.getByRole('button', { name: '查看工序' });
    const stepsId = await showSteps.getAttribute('aria-controls');
    expect(await showSteps.getAttribute('aria-expanded')).toBe('false');
    await showSteps.click();
    const steps = page.locator(`[id="${stepsId}"]`);
    await steps.waitFor();
    expect(await steps.textContent()).toContain('cold_rolling');
    expect(await row.getByRole('button', { name: '收起工序' }).getAttribute('aria-expanded')).toBe('true');

    await deactivate(page, `routing-${code}`);
  });
});
