/**
 * SPC charts in a browser (issue 6), as the demo tenant's admin (the demo has no quality engineer; tenant_admin
 * holds quality.manage):
 * - the demo's frozen 3003 strip thickness X̄-R chart draws the limits its 25 baseline subgroups give (recomputed
 *   here from the results in the e2e database with the textbook constants for n = 5) and names the rule hits of
 *   the phase II drift, WE1 and WE4 checked against the same data;
 * - a new chart made through the form starts with trial limits, leaves out a ticked subgroup, stores phase I
 *   limits and freezes them;
 * - the page speaks English after the language switch;
 * - a planner (quality.read only) sees the charts but no button that changes one.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import { DEMO_SPC_CHART_NAME } from '@ingot/domain';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, e2eDatabase, launchChromium, signedInPage } from './browser.ts';

const run = Date.now().toString(36).toUpperCase();
const NEW_CHART = `E2E 3003 厚度 ${run}`;
const TENANT = tenantIdForSlug('east-china-al');
/** Phase I of the demo chart: the first 25 of its 32 requests (packages/domain/src/spc/seed-demo-spc.ts). */
const BASELINE = 25;

/** The demo chart's subgroups: the thickness readings of each QI-SPC-DEMO request, in request order. */
async function demoSubgroups(db: Db): Promise<number[][]> {
  return withTenant(db, { tenantId: TENANT }, async (tx) => {
    const requests = await tx.inspectionRequest.findMany({
      where: { tenantId: TENANT, requestNo: { startsWith: 'QI-SPC-DEMO-' } },
      orderBy: { requestNo: 'asc' },
      select: { id: true },
    });
    const results = await tx.inspectionResult.findMany({
      where: { tenantId: TENANT, requestId: { in: requests.map((r) => r.id) }, supersedesId: null },
      orderBy: { enteredAt: 'asc' },
      select: { requestId: true, value: true },
    });
    return requests.map((r) => results.filter((x) => x.requestId === r.id).map((x) => Number(x.value)));
  });
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const range = (xs: readonly number[]) => Math.max(...xs) - Math.min(...xs);

/**
 * X̄-R limits for subgroups of 5 (Montgomery, Appendix VI: d2 = 2.326, d3 = 0.864; A2 = 3 / (d2 √n),
 * D4 = 1 + 3 d3 / d2, D3 = 0 below n = 7).
 */
function xbarRLimits(groups: readonly number[][]) {
  const d2 = 2.326;
  const d3 = 0.864;
  const xbarbar = mean(groups.map(mean));
  const rbar = mean(groups.map(range));
  const a2 = 3 / (d2 * Math.sqrt(5));
  return {
    center: xbarbar,
    ucl: xbarbar + a2 * rbar,
    lcl: xbarbar - a2 * rbar,
    sigma: rbar / d2,
    rCenter: rbar,
    rUcl: (1 + (3 * d3) / d2) * rbar,
  };
}

/** WE1: a point beyond a control limit. */
const we1 = (points: readonly number[], lcl: number, ucl: number) =>
  points.flatMap((v, i) => (v > ucl || v < lcl ? [i] : []));

/** WE4: the 8th and later of 8 points in a row on one side of the centre line. */
const we4 = (points: readonly number[], center: number) =>
  points.flatMap((_, i) => {
    if (i < 7) return [];
    const run = points.slice(i - 7, i + 1);
    return run.every((v) => v > center) || run.every((v) => v < center) ? [i] : [];
  });

/** A number as the portal formats it (Intl, grouping commas possible). */
const parse = (text: string | null) => Number((text ?? '').replace(/[,\s]/g, ''));

/** The value a limit line of a control chart is labelled with ("UCL 1.005232"). */
async function limitLabel(series: Locator, name: 'UCL' | 'LCL' | 'CL'): Promise<number> {
  const texts = await series.locator('svg text').allTextContents();
  const label = texts.find((t) => t.startsWith(`${name} `));
  if (!label) throw new Error(`no ${name} label among ${texts.join(' | ')}`);
  return parse(label.slice(name.length + 1));
}

describe('SPC charts', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let db: Db;
  let groups: number[][] = [];
  let demoUrl = '';
  let newChartUrl = '';

  beforeAll(async () => {
    db = e2eDatabase();
    groups = await demoSubgroups(db);
    browser = await launchChromium();
    ({ context, page } = await signedInPage(browser, 'admin@east-china-al.demo'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.close();
  });

  it('the demo chart is listed frozen, in phase II', async () => {
    expect(groups).toHaveLength(32);
    for (const g of groups) expect(g).toHaveLength(5);
    await page.goto(`${BASE_URL}/quality/spc`);
    const row = page.getByTestId('spc-row').filter({ hasText: DEMO_SPC_CHART_NAME });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('第二阶段（监控）');
    expect(await row.textContent()).toContain('冻结于');
    expect(await row.textContent()).toContain('WE1 WE2 WE3 WE4 N3');
    await row.getByRole('link', { name: DEMO_SPC_CHART_NAME }).click();
    await page.waitForURL(/\/quality\/spc\/[0-9a-f-]{36}$/);
    demoUrl = page.url();
    await page
      .getByTestId('page-title')
      .filter({ hasText: DEMO_SPC_CHART_NAME })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('spc-phase').textContent()).toBe('第二阶段（监控）');
  });

  it('draws the limits of the 25 baseline subgroups on the X̄ and R charts', async () => {
    const expected = xbarRLimits(groups.slice(0, BASELINE));
    const limits = page.getByTestId('spc-limits');
    await limits.waitFor({ timeout: 30_000 });
    const [center, ucl, lcl, sigma] = (await limits.locator('strong').allTextContents()).map(parse);
    // The card shows 6 decimals here (the spread is about 0.01 mm).
    expect(center).toBeCloseTo(expected.center, 5);
    expect(ucl).toBeCloseTo(expected.ucl, 5);
    expect(lcl).toBeCloseTo(expected.lcl, 5);
    expect(sigma).toBeCloseTo(expected.sigma, 5);
    expect(await limits.textContent()).toContain('基准：25 个子组，剔除 0 个');

    const xbar = page.getByTestId('spc-series-xbar');
    expect(await xbar.getByRole('img', { name: '均值 X̄ 图' }).count()).toBe(1);
    expect(await limitLabel(xbar, 'UCL')).toBeCloseTo(expected.ucl, 5);
    expect(await limitLabel(xbar, 'LCL')).toBeCloseTo(expected.lcl, 5);
    expect(await limitLabel(xbar, 'CL')).toBeCloseTo(expected.center, 5);
    const r = page.getByTestId('spc-series-r');
    expect(await r.getByRole('img', { name: '极差 R 图' }).count()).toBe(1);
    expect(await limitLabel(r, 'UCL')).toBeCloseTo(expected.rUcl, 4);
    expect(await limitLabel(r, 'CL')).toBeCloseTo(expected.rCenter, 5);
    expect(await limitLabel(r, 'LCL')).toBe(0);
    // Phase II starts after the baseline: the divider is drawn and every subgroup is plotted.
    expect(await xbar.getByTestId('phase-divider').textContent()).toBe('第二阶段');
    expect(await xbar.locator('[data-testid^="control-point"]').count()).toBe(32);
    expect(await page.getByTestId('spc-subgroup-row').count()).toBe(32);

    // Capability of the baseline against the order's ±0.03 mm: Cp = (USL − LSL) / 6σ.
    const capability = page.getByTestId('spc-capability');
    expect(await capability.textContent()).toContain('规格限 LSL 0.97 / USL 1.03');
    const cp = parse(await page.getByTestId('spc-cap-cp').locator('td').first().textContent());
    expect(cp).toBeCloseTo(0.06 / (6 * expected.sigma), 2);
  });

  it('names the rule hits of the phase II drift', async () => {
    const expected = xbarRLimits(groups.slice(0, BASELINE));
    const means = groups.map(mean);
    const beyond = we1(means, expected.lcl, expected.ucl);
    const run8 = we4(means, expected.center);
    // The drift: something beyond the limits, and only in phase II.
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((i) => i >= BASELINE)).toBe(true);

    const xbar = page.getByTestId('spc-series-xbar');
    const hits = xbar.getByTestId('control-chart-hits');
    const listed = await hits.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(listed.length).toBeGreaterThan(0);
    for (const rule of listed) expect(['WE1', 'WE2', 'WE3', 'WE4', 'N3']).toContain(rule);
    const one = (ns: number[]) => ns.map((i) => i + 1).join(', ');
    expect(await hits.locator('li[data-rule="WE1"]').textContent()).toBe(
      `WE1 1 点超出 3σ 控制限: ${one(beyond)}`,
    );
    if (run8.length > 0) {
      expect(await hits.locator('li[data-rule="WE4"]').textContent()).toBe(
        `WE4 连续 8 点在中心线同侧: ${one(run8)}`,
      );
    } else {
      expect(await hits.locator('li[data-rule="WE4"]').count()).toBe(0);
    }

    // The points themselves: red, tagged with their rules, the rule named in their tooltip.
    const hitPoints = xbar.getByTestId('control-point-hit');
    const hitIndices = await hitPoints.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-index'))),
    );
    for (const i of beyond) expect(hitIndices).toContain(i);
    expect(hitIndices.every((i) => i >= BASELINE)).toBe(true);
    const first = xbar.locator(`[data-testid="control-point-hit"][data-index="${beyond[0]}"]`);
    expect(await first.getAttribute('data-rules')).toContain('WE1');
    expect(await first.locator('title').textContent()).toContain('违反：1 点超出 3σ 控制限');
    expect(await first.locator('circle').getAttribute('fill')).toBe('#c92a2a');

    // The subgroup table marks the same subgroups.
    const rows = page.getByTestId('spc-subgroup-row');
    for (const i of beyond) expect(await rows.nth(i).locator('td').last().textContent()).toContain('WE1');
    expect(await rows.nth(0).locator('td').last().textContent()).toBe('');
  });

  it('creates a chart through the form, computes phase I limits without a ticked subgroup and freezes them', async () => {
    await page.goto(`${BASE_URL}/quality/spc`);
    await page.getByTestId('spc-new').click();
    const form = page.getByTestId('spc-chart-form');
    await form.getByTestId('spc-name').fill(NEW_CHART);
    const plant = form.getByTestId('spc-plant');
    await expect
      .poll(() => plant.evaluate((el) => (el as HTMLSelectElement).options.length), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const rp = await plant.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('RP'))?.value ?? '',
    );
    expect(rp).not.toBe('');
    await plant.selectOption(rp);
    await form.getByTestId('spc-type').selectOption('xbar_r');
    await form.getByTestId('spc-characteristic').selectOption('thickness');
    const plan = form.getByTestId('spc-plan');
    await expect
      .poll(
        () =>
          plan.evaluate((el) =>
            [...(el as HTMLSelectElement).options].some((o) => o.text.startsWith('QP-3003-STRIP-FINAL')),
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    const planId = await plan.evaluate(
      (el) =>
        [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('QP-3003-STRIP-FINAL'))?.value ??
        '',
    );
    await plan.selectOption(planId);
    await form.getByTestId('spc-subgroup').selectOption('0');
    await form.getByTestId('spc-save').click();
    await page.waitForURL(/\/quality\/spc\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    newChartUrl = page.url();
    await page.getByTestId('page-title').filter({ hasText: NEW_CHART }).waitFor();
    expect(await page.getByTestId('spc-phase').textContent()).toBe('第一阶段（建立控制限）');
    // No stored limits yet: trial limits from all subgroups, which cannot be frozen.
    await page.getByTestId('spc-trial').waitFor();
    expect(await page.getByTestId('spc-freeze').isDisabled()).toBe(true);
    // The plan's thickness results in RP are the demo's 32 requests.
    expect(await page.getByTestId('spc-subgroup-row').count()).toBe(32);

    // Leave out the last subgroup (the drift's largest mean), then store the limits.
    const last = page.getByRole('checkbox', { name: '剔除 32', exact: true });
    expect(await last.isEnabled()).toBe(true);
    await last.check();
    await page.getByTestId('spc-compute').click();
    await page.getByTestId('spc-trial').waitFor({ state: 'detached', timeout: 15_000 });
    const limits = page.getByTestId('spc-limits');
    await expect
      .poll(() => limits.textContent(), { timeout: 15_000 })
      .toContain('基准：32 个子组，剔除 1 个');
    const expected = xbarRLimits(groups.slice(0, 31));
    const [center, ucl, lcl] = (await limits.locator('strong').allTextContents()).map(parse);
    expect(center).toBeCloseTo(expected.center, 5);
    expect(ucl).toBeCloseTo(expected.ucl, 5);
    expect(lcl).toBeCloseTo(expected.lcl, 5);
    // The excluded point is drawn hollow.
    const excludedPoint = page
      .getByTestId('spc-series-xbar')
      .locator('[data-testid^="control-point"][data-index="31"] circle');
    expect(await excludedPoint.getAttribute('fill')).toBe('#fff');

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('spc-freeze').click();
    await expect
      .poll(() => page.getByTestId('spc-phase').textContent(), { timeout: 15_000 })
      .toBe('第二阶段（监控）');
    await page.getByTestId('spc-reopen').waitFor();
    expect(await page.getByTestId('spc-compute').count()).toBe(0);
    expect(await page.getByTestId('spc-freeze').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: '剔除 1', exact: true }).isDisabled()).toBe(true);

    const stored = await withTenant(db, { tenantId: TENANT }, (tx) =>
      tx.spcChart.findFirstOrThrow({ where: { tenantId: TENANT, name: NEW_CHART } }),
    );
    expect(stored.phase).toBe('II');
    expect(stored.limitsFrozenAt).not.toBeNull();
    expect(stored.chartType).toBe('xbar_r');
    expect(stored.planId).toBe(planId);
    expect(stored.plantId).toBe(rp);
    const storedLimits = stored.limits as { ucl: number; excludedKeys: string[]; baselineCount: number };
    expect(storedLimits.excludedKeys).toHaveLength(1);
    expect(storedLimits.baselineCount).toBe(32);
    expect(storedLimits.ucl).toBeCloseTo(expected.ucl, 5);

    await page.goto(`${BASE_URL}/quality/spc`);
    const row = page.getByTestId('spc-row').filter({ hasText: NEW_CHART });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('第二阶段（监控）');
  });

  it('speaks English after the language switch', async () => {
    await page.goto(`${BASE_URL}/quality/spc`);
    await page.getByTestId('page-title').filter({ hasText: 'SPC 控制图' }).waitFor();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('page-title').filter({ hasText: 'SPC charts' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(demoUrl);
    const we1Hit = page.getByTestId('spc-series-xbar').locator('li[data-rule="WE1"]');
    await we1Hit.waitFor({ timeout: 30_000 });
    expect(await we1Hit.textContent()).toContain('WE1 a point beyond a 3σ control limit: ');
    expect(await page.getByTestId('spc-phase').textContent()).toBe('Phase II (monitoring)');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('spc-phase').filter({ hasText: '第二阶段（监控）' }).waitFor();
  });

  it('a planner sees the charts but no button that changes one', async () => {
    const planner = await signedInPage(browser, 'planner@east-china-al.demo');
    try {
      const p = planner.page;
      await p.goto(`${BASE_URL}/quality/spc`);
      await p.getByTestId('spc-row').filter({ hasText: DEMO_SPC_CHART_NAME }).waitFor({ timeout: 30_000 });
      expect(await p.getByTestId('spc-row').filter({ hasText: NEW_CHART }).count()).toBe(1);
      expect(await p.getByTestId('spc-new').count()).toBe(0);
      for (const url of [demoUrl, newChartUrl]) {
        await p.goto(url);
        await p.getByTestId('spc-limits').waitFor({ timeout: 30_000 });
        for (const id of ['spc-edit', 'spc-compute', 'spc-revise', 'spc-freeze', 'spc-reopen']) {
          expect(await p.getByTestId(id).count(), `${url} ${id}`).toBe(0);
        }
        const boxes = p.getByTestId('spc-subgroup-row').getByRole('checkbox');
        expect(await boxes.count()).toBe(32);
        expect(await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).disabled))).toBe(
          true,
        );
      }
      // The rule hits are there for reading.
      await p.goto(demoUrl);
      await p.getByTestId('spc-series-xbar').locator('li[data-rule="WE1"]').waitFor({ timeout: 30_000 });
    } finally {
      await planner.context.close();
    }
  });
});
