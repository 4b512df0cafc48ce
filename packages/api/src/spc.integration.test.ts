/**
 * spc.* through the API on real PostgreSQL and PGlite: a thickness chart over 25 inspection requests of 4 results;
 * trial limits, phase I limits equal to the X̄-R formulas computed independently here, freeze, chart data with
 * capability and intervals, characteristic capability; planners read but do not manage; another tenant's chart is
 * NOT_FOUND.
 */
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';
import { seedSpcFixture, spcThickness } from './test-support/spc-fixtures.ts';

const REQUESTS = 25;
const groups = Array.from({ length: REQUESTS }, (_, r) => [0, 1, 2, 3].map((i) => spcThickness(r + 1, i)));
const all = groups.flat();
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const grand = mean(all);
const rBar = mean(groups.map((g) => Math.max(...g) - Math.min(...g)));
// Printed table, n = 4: d2 = 2.059, D4 = 2.282.
const sigmaWithin = rBar / 2.059;

describeEachDatabase('spc API', (t) => {
  let admin: TCaller;
  let planner: TCaller;
  let other: TCaller;
  let ids: Awaited<ReturnType<typeof seedSpcFixture>>;
  let otherChart: string;

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    ids = await seedSpcFixture(t.db, EAST, 'RP', REQUESTS);
    otherChart = (await seedSpcFixture(t.db, JIANGNAN, 'CSP', 3)).spcChart;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    planner = callerFor(t.db, EAST_PLANNER, EAST);
    other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
  });

  describe('a chart from trial limits to phase II', () => {
    it('lists the chart and draws trial limits before any are stored', async () => {
      const list = await admin.spc.list({});
      expect(list.map((c) => c.id)).toContain(ids.spcChart);
      const data = await admin.spc.data({ id: ids.spcChart });
      expect(data.trial).toBe(true);
      expect(data.subgroups).toHaveLength(REQUESTS);
      expect(data.subgroups.every((s) => s.phase === 'I' && s.n === 4)).toBe(true);
      expect(data.series.map((s) => s.kind)).toEqual(['xbar', 'r']);
      expect(data.limits?.center).toBeCloseTo(grand, 10);
    });

    it('computes phase I limits: x̿ ± A2 R̄ and D4 R̄ with n = 4', async () => {
      const chart = await admin.spc.computeLimits({ id: ids.spcChart });
      expect(chart.limits?.center).toBeCloseTo(grand, 10);
      expect(chart.limits?.rangeCenter).toBeCloseTo(rBar, 10);
      expect(chart.limits?.sigma).toBeCloseTo(sigmaWithin, 10);
      expect(chart.limits?.ucl).toBeCloseTo(grand + (3 * sigmaWithin) / 2, 10);
      expect(chart.limits?.lcl).toBeCloseTo(grand - (3 * sigmaWithin) / 2, 10);
      // A2 = 0.729 and D4 = 2.282 as printed, to the table's precision.
      expect(Math.abs((chart.limits?.ucl ?? 0) - (grand + 0.729 * rBar))).toBeLessThan(0.0005 * rBar);
      expect(Math.abs((chart.limits?.rangeUcl ?? 0) - 2.282 * rBar)).toBeLessThan(0.0006 * rBar);
      expect(chart.limits?.rangeLcl).toBe(0);
      expect(chart.phase).toBe('I');
    });

    it('excludes a subgroup by key and recomputes from the rest', async () => {
      const data = await admin.spc.data({ id: ids.spcChart });
      const key = data.subgroups[0]?.key as string;
      const chart = await admin.spc.computeLimits({ id: ids.spcChart, excludedKeys: [key] });
      expect(chart.limits?.excludedKeys).toEqual([key]);
      expect(chart.limits?.center).toBeCloseTo(mean(groups.slice(1).flat()), 10);
      const after = await admin.spc.data({ id: ids.spcChart });
      expect(after.subgroups[0]?.excluded).toBe(true);
      expect(after.series[0]?.points[0]?.excluded).toBe(true);
      await admin.spc.computeLimits({ id: ids.spcChart });
    });

    it('freezes, and chart data carries capability against the characteristic’s 1.90–2.10 mm', async () => {
      const frozen = await admin.spc.freeze({ id: ids.spcChart });
      expect(frozen.phase).toBe('II');
      const data = await admin.spc.data({ id: ids.spcChart, confidence: 0.95 });
      expect(data.trial).toBe(false);
      expect(data.spec).toEqual({ lsl: 1.9, usl: 2.1 });
      const cap = data.capability;
      expect(cap?.n).toBe(REQUESTS * 4);
      expect(cap?.cp?.value).toBeCloseTo(0.2 / (6 * sigmaWithin), 8);
      expect(cap?.cpk?.value).toBeCloseTo(Math.min(2.1 - grand, grand - 1.9) / (3 * sigmaWithin), 8);
      expect(cap?.cp?.interval.lower).toBeLessThan(cap?.cp?.value as number);
      expect(cap?.ppk?.interval.upper).toBeGreaterThan(cap?.ppk?.value as number);
      await expect(admin.spc.computeLimits({ id: ids.spcChart })).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('capability of the characteristic from its moving range, and with the chart’s sigma', async () => {
      const byMr = await admin.spc.capability({ characteristicId: ids.spcCharacteristic });
      expect(byMr.sigmaSource).toBe('moving_range');
      let mr = 0;
      for (let i = 1; i < all.length; i++) mr += Math.abs((all[i] as number) - (all[i - 1] as number));
      expect(byMr.capability.sigmaWithin).toBeCloseTo(mr / (all.length - 1) / 1.128, 10);
      const s = Math.sqrt(all.reduce((acc, x) => acc + (x - grand) ** 2, 0) / (all.length - 1));
      expect(byMr.capability.pp?.value).toBeCloseTo(0.2 / (6 * s), 10);
      const byChart = await admin.spc.capability({
        characteristicId: ids.spcCharacteristic,
        chartId: ids.spcChart,
        usl: 2.05,
      });
      expect(byChart.sigmaSource).toBe('chart');
      expect(byChart.spec).toEqual({ lsl: 1.9, usl: 2.05 });
      expect(byChart.capability.cp?.value).toBeCloseTo(0.15 / (6 * sigmaWithin), 8);
    });

    it('reopens phase I', async () => {
      const reopened = await admin.spc.reopen({ id: ids.spcChart });
      expect(reopened.phase).toBe('I');
      expect(reopened.limitsFrozenAt).toBeNull();
    });
  });

  it('creates and updates a chart; a duplicate name is a CONFLICT on name', async () => {
    const created = await admin.spc.create({
      plantId: ids.spcPlant,
      name: 'Thickness I-MR',
      chartType: 'i_mr',
      characteristic: 'thickness',
      // The fixture's own plan: the demo plant's seeded SPC chart has thickness results of its own.
      planId: ids.spcPlan,
      subgroupSize: 1,
    });
    expect(created.rules).toEqual(['WE1', 'WE2', 'WE3', 'WE4']);
    const data = await admin.spc.data({ id: created.id });
    expect(data.series.map((s) => s.kind)).toEqual(['i', 'mr']);
    expect(data.subgroups).toHaveLength(REQUESTS * 4);
    const updated = await admin.spc.update({
      id: created.id,
      rules: ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'],
    });
    expect(updated.rules).toHaveLength(8);
    await expect(
      admin.spc.create({
        plantId: ids.spcPlant,
        name: 'Thickness I-MR',
        chartType: 'i_mr',
        characteristic: 'thickness',
        subgroupSize: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('planners read charts but may not manage them', async () => {
    expect((await planner.spc.get({ id: ids.spcChart })).id).toBe(ids.spcChart);
    await expect(planner.spc.computeLimits({ id: ids.spcChart })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      planner.spc.create({
        plantId: ids.spcPlant,
        name: 'nope',
        chartType: 'p',
        characteristic: 'thickness',
        subgroupSize: 0,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('another tenant’s chart is NOT_FOUND, and its own list does not show ours', async () => {
    await expect(admin.spc.data({ id: otherChart })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirs = await other.spc.list({});
    expect(theirs.map((c) => c.id)).not.toContain(ids.spcChart);
    expect(theirs.map((c) => c.id)).toContain(otherChart);
  });
});
