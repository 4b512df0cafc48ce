/**
 * The portal in a browser: a tenant admin builds a plant's hierarchy, switches language, signs out; the admin of
 * another tenant then cannot see the plant, not in the list and not by its URL.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, E2E_PASSWORD, launchChromium, signIn, signOut } from './browser.ts';

const run = Date.now().toString(36).toUpperCase();
const plant = { code: `E2E-${run}`, name: `端到端测试厂 ${run}` };
const equipmentName = `测试冷轧机 ${run}`;

describe('portal', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let plantUrl = '';

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends a visitor to sign-in, in Chinese by default', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/sign-in$/);
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe('登录');
  });

  it('refuses a wrong password with a message, on the identity server’s page', async () => {
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#username').fill('admin@east-china-al.demo');
    await page.locator('#password').fill('Wrong-Passw0rd');
    await page.locator('#kc-login').click();
    await page.locator('#input-error-username').waitFor();
    expect(page.url()).not.toContain('/plants');
  });

  it('signs in the East China admin and shows the demo plants', async () => {
    await signIn(page, 'admin@east-china-al.demo', E2E_PASSWORD);
    await page.waitForURL(/\/plants$/);
    // Start from Chinese whatever an earlier run on this database saved for the user.
    await page.getByTestId('lang-zh-CN').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.getByTestId('plant-RP').waitFor();
    await page.getByTestId('plant-EP').waitFor();
  });

  it('shows the server’s field message next to the field (duplicate plant code)', async () => {
    await page.getByTestId('new-plant').click();
    await page.getByTestId('plant-code').fill('RP');
    await page.getByTestId('plant-name').fill('重复的工厂');
    await page.getByTestId('plant-submit').click();
    const codeError = page.getByTestId('plant-code-error');
    await codeError.waitFor();
    expect(await codeError.textContent()).toBe('该工厂编码已存在。');
    // Escape closes the dialog (native <dialog>), and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await page.getByTestId('plant-form').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('new-plant');
  });

  it('creates a plant, then an area, a line and equipment under it, and shows them in the tree', async () => {
    await page.getByTestId('new-plant').click();
    await page.getByTestId('plant-code').fill(plant.code);
    await page.getByTestId('plant-name').fill(plant.name);
    await page.getByTestId('plant-submit').click();
    const card = page.getByTestId(`plant-${plant.code}`);
    await card.waitFor();
    await card.getByTestId('plant-link').click();
    await page.waitForURL(/\/plants\/[0-9a-f-]{36}$/);
    plantUrl = page.url();

    await page.getByTestId('new-area').click();
    await page.getByTestId('area-code').fill('A1');
    await page.getByTestId('area-name').fill('测试车间');
    await page.getByTestId('area-submit').click();
    await page.getByTestId('area-A1').waitFor();

    await page.getByTestId('new-line-A1').click();
    await page.getByTestId('line-code').fill('L1');
    await page.getByTestId('line-name').fill('测试产线');
    await page.getByTestId('line-submit').click();
    await page.getByTestId('line-L1').waitFor();

    await page.getByTestId('new-equipment-L1').click();
    await page.getByTestId('equipment-code').fill('EQ-1');
    await page.getByTestId('equipment-name').fill(equipmentName);
    await page.getByTestId('equipment-class').selectOption('cold_mill');
    await page.getByTestId('equipment-submit').click();

    const tree = page.getByTestId('tree');
    const eq = tree.getByTestId('area-A1').getByTestId('line-L1').getByTestId('equipment-EQ-1');
    await eq.waitFor();
    expect(await eq.textContent()).toContain(equipmentName);
    expect(await eq.textContent()).toContain('冷轧机');
  });

  it('switches the language to English and back', async () => {
    await page.getByTestId('lang-en').click();
    await page.getByTestId('new-area').filter({ hasText: 'New area' }).waitFor();
    expect(await page.getByTestId('equipment-EQ-1').textContent()).toContain('Cold mill');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Remembered: a reload stays in English.
    await page.reload();
    await page.getByTestId('new-area').filter({ hasText: 'New area' }).waitFor();
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('new-area').filter({ hasText: '新建区域' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByTestId('tree').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('signs out, and the Jiangnan Copper admin sees neither the plant nor its URL', async () => {
    await signOut(page);
    await signIn(page, 'admin@jiangnan-copper.demo', E2E_PASSWORD);
    await page.waitForURL(/\/plants$/);
    await page.getByTestId('plant-CSP').waitFor();
    const list = (await page.getByTestId('plant-list').textContent()) ?? '';
    expect(list).not.toContain(plant.code);
    expect(list).not.toContain(plant.name);
    expect(list).not.toContain('轧制厂');

    const response = await page.goto(plantUrl);
    expect(response?.status()).toBe(404);
    await page.getByTestId('not-found').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain(plant.name);
    expect(body).not.toContain(equipmentName);
  });
});
