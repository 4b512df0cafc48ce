/**
 * Alarms in a browser, as the demo tenant's admin (华东铝业):
 * - rules: the form names a missing threshold in Chinese before anything is sent, then creates a high-limit rule
 *   on CM-1's bearing temperature that the simulated mill always exceeds;
 * - the rule's alarm is raised as ingest raises it (raiseAlarm under the rule's open key, in the e2e portal's
 *   database): the e2e portal may run without telemetry, and when it does run it, ingest's own raise of the same
 *   condition only updates this alarm. It appears in the active list by itself (2 s refresh), is acknowledged and
 *   commented;
 * - disabling the rule clears the acknowledged alarm, which closes it: it moves to the history, whose detail shows
 *   every step;
 * - a planner (alarm.read only) sees the alarms but no acknowledge button.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import { raiseAlarm, ruleOpenKey } from '@ingot/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, chooseOption, e2eDatabase, launchChromium, signedInPage } from './browser.ts';

const run = Date.now().toString(36);
const RULE = `E2E 轴承温度 ${run}`;
const MESSAGE = `E2E ${run} 1#冷轧机轴承温度高`;

/** What ingest does when a rule's condition holds (services/ingest/src/alarms/alarm-evaluator.ts). */
async function raiseAsIngest(db: Db, ruleId: string, value: number): Promise<void> {
  const tenantId = tenantIdForSlug('east-china-al');
  await withTenant(db, { tenantId }, async (tx) => {
    const rule = await tx.alarmRule.findFirstOrThrow({ where: { tenantId, id: ruleId } });
    await raiseAlarm(tx, {
      tenantId,
      plantId: rule.plantId,
      source: 'rule',
      openKey: ruleOpenKey(rule.id),
      ruleId: rule.id,
      equipment: rule.equipment,
      tag: rule.tag,
      severity: rule.severity,
      message: rule.message || rule.name,
      value,
      at: new Date(),
    });
  });
}

describe('alarms', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let db: Db;
  let ruleId = '';
  const alarmRow = () => page.getByTestId('alarm-row').filter({ hasText: MESSAGE });

  beforeAll(async () => {
    db = e2eDatabase();
    browser = await launchChromium();
    ({ context, page } = await signedInPage(browser, 'admin@east-china-al.demo'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.close();
  });

  it('rules: the form names what is missing, then creates a rule', async () => {
    await page.goto(`${BASE_URL}/alarms/rules`);
    await page.getByTestId('page-title').waitFor();
    await page.getByTestId('rule-new').click();
    const form = page.getByTestId('alarm-rule-form');
    await chooseOption(form.getByTestId('rule-plant'), 'RP');
    await form.getByTestId('rule-name').fill(RULE);
    await form.getByTestId('rule-equipment').fill('CM-1');
    await form.getByTestId('rule-tag').fill('bearing_temp');
    await form.getByTestId('rule-submit').click();
    expect(await form.getByTestId('rule-threshold-error').textContent()).toBe('必填');

    // The simulated bearings run at 38 °C and more: a 1 °C limit holds from the first sample.
    await form.getByTestId('rule-threshold').fill('1');
    await form.getByTestId('rule-deadband').fill('0.5');
    await form.getByTestId('rule-delay').fill('0');
    await form.getByTestId('rule-severity').selectOption('critical');
    await form.getByTestId('rule-message').fill(MESSAGE);
    await form.getByTestId('rule-submit').click();
    const row = page.getByTestId('rule-row').filter({ hasText: RULE });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('rule-enabled').textContent()).toBe('已启用');
    expect(await row.textContent()).toContain('> 1（死区 0.5）');
    ruleId = (await row.getAttribute('data-rule-id')) ?? '';
    expect(ruleId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the rule's alarm shows up in the active list by itself; it is acknowledged and commented there", async () => {
    await page.goto(`${BASE_URL}/alarms`);
    await page.getByTestId('page-title').waitFor();
    await page.getByTestId('alarm-count').waitFor();
    await raiseAsIngest(db, ruleId, 45.2);
    // No reload: the list refreshes itself every 2 s.
    await alarmRow().waitFor({ timeout: 30_000 });
    const row = alarmRow();
    expect(await row.getAttribute('data-state')).toBe('active_unacked');
    expect(await row.locator('[data-severity]').getAttribute('data-severity')).toBe('critical');
    expect(await row.textContent()).toContain('bearing_temp');

    await row.getByTestId('alarm-ack').click();
    await expect.poll(() => alarmRow().getAttribute('data-state'), { timeout: 15_000 }).toBe('active_acked');

    await alarmRow().getByTestId('alarm-comment').click();
    const dialog = page.getByTestId('alarm-comment-dialog');
    await dialog.getByTestId('alarm-comment-submit').click();
    expect(await dialog.getByTestId('alarm-comment-text-error').textContent()).toBe('必填');
    await dialog.getByTestId('alarm-comment-text').fill('已通知点检，检查润滑');
    await dialog.getByTestId('alarm-comment-submit').click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
  });

  it('a planner sees the alarm but cannot acknowledge it', async () => {
    const planner = await signedInPage(browser, 'planner@east-china-al.demo');
    try {
      await planner.page.goto(`${BASE_URL}/alarms`);
      const row = planner.page.getByTestId('alarm-row').filter({ hasText: MESSAGE });
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getByTestId('alarm-ack').count()).toBe(0);
      expect(await row.getByTestId('alarm-comment').count()).toBe(0);
    } finally {
      await planner.context.close();
    }
  });

  it('disabling the rule clears the acknowledged alarm: closed, in the history, every step in its detail', async () => {
    await page.goto(`${BASE_URL}/alarms/rules`);
    const rule = page.getByTestId('rule-row').filter({ hasText: RULE });
    await rule.getByTestId('rule-toggle').click();
    await expect
      .poll(() => rule.getByTestId('rule-enabled').textContent(), { timeout: 15_000 })
      .toBe('已停用');

    await page.goto(`${BASE_URL}/alarms/history`);
    const closed = page.getByTestId('alarm-history-row').filter({ hasText: MESSAGE });
    await closed.waitFor({ timeout: 30_000 });
    await closed.getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('alarm-detail-state').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('closed');
    const kinds = await page
      .getByTestId('alarm-event')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['raised', 'acknowledged', 'comment', 'cleared', 'closed']);
    expect(await page.getByTestId('alarm-events').textContent()).toContain('已通知点检，检查润滑');
    // Gone from the active list.
    await page.goto(`${BASE_URL}/alarms`);
    await page.getByTestId('alarm-count').waitFor();
    expect(await alarmRow().count()).toBe(0);
  });
});
