/**
 * The telemetry pages in a browser, as the demo tenant's admin (华东铝业):
 * - connectors: create one, its credentials shown once (username + password, warning, gone after closing), a
 *   configuration with a wrong key shows the key path and line, a valid one saves; a planner (connector.read only)
 *   sees the connector but none of the write buttons;
 * - live view: the e2e portal runs telemetry (simulator -> agent -> embedded broker -> ingest -> chDB), so the
 *   rolling plant's CM-1 tile is live and its exit thickness changes within seconds, pushed over SSE;
 * - trends: CM-1 exit thickness over the last hour draws a line.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, chooseOption, launchChromium, signedInPage } from './browser.ts';

const run = Date.now().toString(36);
const CODE = `e2e-${run}`;

const INVALID_YAML = `batching:
  maxPoints: 500
sources:
  - id: cm1
    kind: opcua
    endpointUrl: opc.tcp://127.0.0.1:4840
    securityMode: Sometimes
    securityPolicy: Basic256Sha256
    tags:
      - nodeId: ns=1;s=CM1.ExitThickness
        equipment: CM-1
        tag: exit_thickness
`;
const VALID_YAML = INVALID_YAML.replace('Sometimes', 'SignAndEncrypt');

describe('telemetry pages', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await signedInPage(browser, 'admin@east-china-al.demo'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('connectors: creates one, shows its credentials once, checks and saves its configuration', async () => {
    await page.goto(`${BASE_URL}/connectors`);
    await page.getByTestId('page-title').waitFor();
    const form = page.getByTestId('connector-create');
    await chooseOption(form.locator('select[name="plantId"]'), 'RP');
    await page.getByTestId('connector-code').fill(CODE);
    await page.getByTestId('connector-name').fill('E2E 冷轧网关');
    await page.getByTestId('connector-create-submit').click();
    const row = page.getByTestId(`connector-${CODE}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`connector-state-${CODE}`).getAttribute('data-state')).toBe(
      'no-credentials',
    );

    // Credentials: shown once, with the warning; closing the dialog leaves no trace of the password.
    await page.getByTestId(`connector-issue-${CODE}`).click();
    const dialog = page.getByTestId('connector-credentials');
    await dialog.getByTestId('credentials-password').waitFor();
    expect(await dialog.getByTestId('credentials-username').textContent()).toBe(`east-china-al.${CODE}`);
    const password = (await dialog.getByTestId('credentials-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await dialog.getByRole('alert').textContent()).toContain('只显示这一次');
    await dialog.getByTestId('credentials-done').click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    expect(await page.content()).not.toContain(password);
    await expect
      .poll(() => page.getByTestId(`connector-state-${CODE}`).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('never-seen');
    expect(await page.getByTestId(`connector-issue-${CODE}`).textContent()).toBe('重新发放凭据');

    // Configuration: a wrong value names its key path and line; Save stays off until it is fixed.
    await page.getByTestId(`connector-config-${CODE}`).click();
    const editor = page.getByTestId('connector-editor');
    await editor.getByTestId('connector-yaml').fill(INVALID_YAML);
    const issues = editor.getByTestId('config-issues');
    await issues.waitFor({ timeout: 15_000 });
    expect(await issues.textContent()).toContain('sources.0.securityMode · 行 7');
    expect(await editor.getByTestId('config-save').isDisabled()).toBe(true);

    await editor.getByTestId('connector-yaml').fill(VALID_YAML);
    await editor.getByTestId('config-valid').waitFor({ timeout: 15_000 });
    await editor.getByTestId('config-save').click();
    await editor.getByTestId('config-saved').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await row.locator('td.num').last().textContent())?.trim(), { timeout: 15_000 })
      .toBe('1');

    // After a reload the saved configuration is what the editor shows.
    await page.reload();
    await page.getByTestId(`connector-config-${CODE}`).click();
    expect(await page.getByTestId('connector-yaml').inputValue()).toBe(VALID_YAML);
  });

  it('connectors: a planner sees the connectors but no write buttons', async () => {
    const planner = await signedInPage(browser, 'planner@east-china-al.demo');
    try {
      await planner.page.goto(`${BASE_URL}/connectors`);
      await planner.page.getByTestId(`connector-${CODE}`).waitFor({ timeout: 30_000 });
      expect(await planner.page.getByTestId('connector-create').count()).toBe(0);
      expect(await planner.page.getByTestId(`connector-issue-${CODE}`).count()).toBe(0);
      expect(await planner.page.getByTestId(`connector-revoke-${CODE}`).count()).toBe(0);
      await planner.page.getByTestId(`connector-config-${CODE}`).click();
      expect(await planner.page.getByTestId('connector-yaml').getAttribute('readonly')).not.toBeNull();
      expect(await planner.page.getByTestId('config-save').count()).toBe(0);
    } finally {
      await planner.context.close();
    }
  });

  it('live view: the cold mill tile is live and its values change within seconds', async () => {
    await page.goto(`${BASE_URL}/live`);
    await chooseOption(page.getByTestId('live-plant'), 'RP');
    const tile = page.getByTestId('live-tile-CM-1');
    // The simulator and agent start with the portal; the first values can take a little while.
    await expect
      .poll(() => tile.getAttribute('data-stale'), { timeout: 90_000, interval: 500 })
      .toBe('false');
    expect(await page.getByTestId('live-status').getAttribute('data-status')).toBe('live');
    expect(['run', 'idle', 'fault']).toContain(await tile.getAttribute('data-state'));
    const value = page.getByTestId('live-value-CM-1-exit_thickness');
    const first = await value.textContent();
    expect(first).toMatch(/\d/);
    // Pushed over SSE: no reload, the value moves within a few seconds (gauge-control noise while rolling, or the
    // coil changes; the tile's timestamp moves in any case).
    const foot = tile.locator('div').last();
    const firstFoot = await foot.textContent();
    await expect
      .poll(async () => `${await value.textContent()}|${await foot.textContent()}`, {
        timeout: 10_000,
        interval: 250,
      })
      .not.toBe(`${first}|${firstFoot}`);
  });

  it("live view: a tile's trend link opens its key values as a trend", async () => {
    await page.getByTestId('live-trend-CM-1').click();
    await page.waitForURL(/\/trends\?plant=.*series=/, { timeout: 30_000 });
    // The tile's three key values are the trend's tags, and a line is drawn (a path through two points or more;
    // a value the source holds still may have a single sample in the hour).
    await expect
      .poll(() => page.getByRole('list', { name: '已选测点' }).getByRole('listitem').count(), {
        timeout: 30_000,
      })
      .toBe(3);
    await page.locator('path[data-testid="trend-line"][d*="L"]').first().waitFor({ timeout: 30_000 });
  });

  it('trends: CM-1 exit thickness over the last hour draws a line', async () => {
    await page.goto(`${BASE_URL}/trends`);
    await chooseOption(page.getByTestId('trend-plant'), 'RP');
    await chooseOption(page.getByTestId('trend-equipment'), 'CM-1');
    await chooseOption(page.getByTestId('trend-tag'), '出口厚度');
    await page.getByTestId('trend-add').click();
    await page.getByTestId('trend-range-1h').click();
    const line = page.locator('path[data-testid="trend-line"][d*="L"]').first();
    await line.waitFor({ timeout: 30_000 });
    expect((await line.getAttribute('d'))?.split('L').length).toBeGreaterThan(2);
    // Keyboard: zoom in on the plot and the window halves (the meta line keeps the plant's zone).
    await page.getByTestId('trend-svg').focus();
    await page.keyboard.press('+');
    expect(await page.getByTestId('trend-meta').textContent()).toContain('Asia/Shanghai');
    await page.locator('path[data-testid="trend-line"][d*="L"]').first().waitFor({ timeout: 30_000 });
  });
});
