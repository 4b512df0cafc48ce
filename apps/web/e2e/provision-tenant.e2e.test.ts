/**
 * A platform admin creates a tenant from the portal: the form starts the provisionTenant workflow on the real
 * Temporal server (worker inside the platform process), the page follows the run to completion, and the new
 * tenant appears in the list. A tenant admin cannot open the platform page.
 */
import { DEMO_PASSWORD } from '@ingot/auth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchChromium, signIn } from './browser.ts';

const run = Date.now().toString(36);
const slug = `e2e-${run}`;

async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
}

describe('platform: provision a tenant', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates the tenant through the workflow and lists it', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signInAs(page, 'platform@ingot.demo');
    await page.goto(`${BASE_URL}/platform/tenants`);
    const form = page.getByTestId('provision-form');
    await form.locator('input[name=name]').fill(`西南铝箔 ${run}`);
    await form.locator('input[name=slug]').fill(slug);
    await form.locator('input[name=plantCode]').fill('FP');
    await form.locator('input[name=plantName]').fill('铝箔厂');
    await form.locator('input[name=adminEmail]').fill(`admin@${slug}.demo`);
    await form.locator('input[name=adminName]').fill('赵磊');
    await form.locator('button[type=submit]').click();

    await page.locator('[data-testid=provision-state][data-state=completed]').waitFor({ timeout: 30_000 });
    await page.getByTestId(`tenant-${slug}`).waitFor();
    expect(await page.getByTestId(`tenant-${slug}`).textContent()).toContain(`西南铝箔 ${run}`);
  });

  it('shows a field error for a bad slug and starts nothing', async () => {
    const page = await (await browser.newContext({ locale: 'en' })).newPage();
    await signInAs(page, 'platform@ingot.demo');
    await page.goto(`${BASE_URL}/platform/tenants`);
    const form = page.getByTestId('provision-form');
    await form.locator('input[name=name]').fill('Bad slug Ltd');
    await form.locator('input[name=slug]').fill('Bad Slug!');
    await form.locator('input[name=plantCode]').fill('P1');
    await form.locator('input[name=plantName]').fill('Plant');
    await form.locator('input[name=adminEmail]').fill('a@bad.demo');
    await form.locator('input[name=adminName]').fill('A');
    await form.locator('button[type=submit]').click();
    await form.locator('.field-error').first().waitFor();
    expect(await page.getByTestId('provision-status').count()).toBe(0);
  });

  it('keeps the platform page from a tenant admin', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, 'admin@east-china-al.demo', DEMO_PASSWORD);
    await page.goto(`${BASE_URL}/platform/tenants`);
    expect(await page.getByTestId('provision-form').count()).toBe(0);
  });
});
