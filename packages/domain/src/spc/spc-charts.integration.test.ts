/**
 * SPC charts over stored inspection results, against real PostgreSQL and PGlite: the piston-ring data of
 * Montgomery Example 6.1 (Tables 6.3 and 6.4) entered as 40 inspection requests of 5 results. Phase I limits from
 * the first 25 equal the published ones; in phase II the three samples beyond the UCL (37–39) and the run-rule
 * violations before them raise one alarm per chart and rule, once.
 */
import { type TenantTx, tenantIdForSlug, withTenant } from '@ingot/db';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTenant } from '../demo/seed-demo-tenant.ts';
import { DomainError } from '../errors/domain-error.ts';
import { enterResults } from '../quality/lab-results.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { analyseStoredChart } from './analyse-stored-chart.ts';
import { computeSpcLimits } from './compute-spc-limits.ts';
import { createSpcChart } from './create-spc-chart.ts';
import { freezeSpcLimits, reopenSpcChart } from './freeze-spc-limits.ts';
import { getSpcChart } from './get-spc-chart.ts';
import { monitorSpcCharts } from './monitor-spc-charts.ts';
import { PISTON_RING_DIAMETERS } from './published-data.ts';
import { updateSpcChart } from './update-spc-chart.ts';

const EAST = tenantIdForSlug('east-china-al');
const JIANGNAN = tenantIdForSlug('jiangnan-copper');
const samples = Array.from({ length: 40 }, (_, i) => PISTON_RING_DIAMETERS.slice(i * 5, i * 5 + 5));

describeEachDatabase('SPC charts over inspection results', (t) => {
  let ctx: TTenantContext;
  let otherCtx: TTenantContext;
  let plantId: string;
  let planId: string;
  let characteristicId: string;
  let lotId: string;
  let requestSeq = 0;
  const inTx = <T>(fn: (tx: TenantTx) => Promise<T>) =>
    withTenant(t.db, { tenantId: EAST, userId: ctx.userId }, fn);

  /** One inspection request with one sample and these results (entered a minute apart per request). */
  async function enterRequest(values: readonly number[]): Promise<string> {
    requestSeq++;
    const at = new Date(Date.UTC(2026, 10, 1, 0, requestSeq));
    return inTx(async (tx) => {
      const request = await tx.inspectionRequest.create({
        data: {
          tenantId: EAST,
          plantId,
          requestNo: `SPC-IT-${requestSeq}`,
          lotId,
          planId,
          origin: 'manual',
          status: 'evaluated',
        },
      });
      const sample = await tx.labSample.create({
        data: { tenantId: EAST, requestId: request.id, sampleNo: `SPC-IT-S${requestSeq}` },
      });
      await tx.inspectionResult.createMany({
        data: values.map((value, i) => ({
          tenantId: EAST,
          requestId: request.id,
          sampleId: sample.id,
          characteristicId,
          value,
          verdict: value < 73.95 || value > 74.05 ? 'fail' : 'pass',
          enteredAt: new Date(at.getTime() + i),
        })),
      });
      return request.id;
    });
  }

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    const east = seeded.tenants['east-china-al'];
    const member = Object.values(east?.members ?? {})[0];
    if (!east || !member) throw new Error('demo seed has no east-china-al member');
    plantId = Object.values(east.plants)[0] as string;
    ctx = {
      tenantId: EAST,
      userId: member.userId,
      membershipId: member.membershipId,
      roles: ['tenant_admin'],
      plantIds: [],
    };
    const other = seeded.tenants['jiangnan-copper'];
    const otherMember = Object.values(other?.members ?? {})[0];
    otherCtx = {
      tenantId: JIANGNAN,
      userId: otherMember?.userId ?? '',
      membershipId: otherMember?.membershipId ?? '',
      roles: ['tenant_admin'],
      plantIds: [],
    };
    await inTx(async (tx) => {
      const plan = await tx.inspectionPlan.create({
        data: { tenantId: EAST, code: 'SPC-IT-PLAN', name: 'piston rings' },
      });
      planId = plan.id;
      const characteristic = await tx.inspectionCharacteristic.create({
        data: {
          tenantId: EAST,
          planId,
          seq: 1,
          code: 'width',
          unit: 'mm',
          nominal: 74,
          lowerLimit: 73.95,
          upperLimit: 74.05,
        },
      });
      characteristicId = characteristic.id;
      const lot = await tx.materialLot.create({
        data: { tenantId: EAST, plantId, lotNo: 'SPC-IT-LOT', kind: 'coil', weightKg: 1000 },
      });
      lotId = lot.id;
    });
    for (const values of samples.slice(0, 25)) await enterRequest(values);
  });

  describe('phase I and II', () => {
    let chartId: string;

    it('computes the published phase I limits from results subgrouped per request', async () => {
      const chart = await inTx((tx) =>
        createSpcChart(tx, ctx, {
          plantId,
          name: 'Piston ring ID (X̄-R)',
          chartType: 'xbar_r',
          characteristic: 'width',
          element: '',
          planId,
          subgroupSize: 0,
          rules: ['WE1', 'WE2', 'WE3', 'WE4'],
        }),
      );
      chartId = chart.id;
      expect(chart.phase).toBe('I');
      expect(chart.limits).toBeNull();
      // Montgomery Example 6.1 / qcc: x̿ = 74.00118, R̄ = 0.02276, limits [73.98805, 74.0143].
      const computed = await inTx((tx) =>
        computeSpcLimits(tx, ctx, { id: chartId, excludedKeys: [], revise: false }),
      );
      expect(computed.limits?.center).toBeCloseTo(74.00118, 5);
      expect(computed.limits?.rangeCenter).toBeCloseTo(0.02276, 8);
      expect(computed.limits?.ucl).toBeCloseTo(74.0143, 4);
      expect(computed.limits?.lcl).toBeCloseTo(73.98805, 5);
      expect(computed.limits?.baselineCount).toBe(25);
      const audit = await inTx((tx) =>
        tx.auditEvent.findMany({ where: { tenantId: EAST, targetId: chartId }, orderBy: { seq: 'asc' } }),
      );
      expect(audit.map((a) => a.action)).toEqual(['spc.create', 'spc.computeLimits']);
    });

    it('another tenant sees no chart: NOT_FOUND like a missing one', async () => {
      await expect(
        withTenant(t.db, { tenantId: JIANGNAN, userId: otherCtx.userId }, (tx) =>
          getSpcChart(tx, otherCtx, { id: chartId }),
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('does not monitor before the limits are frozen', async () => {
      const result = await inTx((tx) =>
        monitorSpcCharts(tx, { tenantId: EAST, plantId, characteristicIds: [characteristicId] }),
      );
      expect(result).toEqual({ chartsChecked: 0, alarms: [] });
    });

    it('freezes the limits; the source of a frozen chart cannot change', async () => {
      const frozen = await inTx((tx) => freezeSpcLimits(tx, ctx, { id: chartId }));
      expect(frozen.phase).toBe('II');
      expect(frozen.limitsFrozenAt).toBeInstanceOf(Date);
      await expect(
        inTx((tx) => updateSpcChart(tx, ctx, { id: chartId, subgroupSize: 5 })),
      ).rejects.toBeInstanceOf(DomainError);
      await expect(
        inTx((tx) => computeSpcLimits(tx, ctx, { id: chartId, excludedKeys: [], revise: false })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('phase II: violations raise one alarm per rule, once, and monitoring again raises nothing', async () => {
      const raised: Array<{ sample: number; rule: string; outcome: string; index: number }> = [];
      for (let s = 26; s <= 40; s++) {
        await enterRequest(samples[s - 1] as number[]);
        const result = await inTx((tx) =>
          monitorSpcCharts(tx, { tenantId: EAST, plantId, characteristicIds: [characteristicId] }),
        );
        expect(result.chartsChecked).toBe(1);
        for (const a of result.alarms)
          raised.push({ sample: s, rule: a.rule, outcome: a.outcome, index: a.index });
      }
      // Samples 37, 38, 39 (indices 36–38) are beyond the UCL 74.0143 (x̄ = 74.0166, 74.0196, 74.0234); samples 34–35
      // (x̄ 74.0112, 74.0126) are 2 of 3 beyond 2σ (74.0099) and 4 of 5 beyond 1σ.
      expect(raised.filter((a) => a.rule === 'WE1')).toEqual([
        { sample: 37, rule: 'WE1', outcome: 'raised', index: 36 },
        { sample: 38, rule: 'WE1', outcome: 'updated', index: 37 },
        { sample: 39, rule: 'WE1', outcome: 'updated', index: 38 },
      ]);
      expect(raised.find((a) => a.rule === 'WE2')).toEqual({
        sample: 35,
        rule: 'WE2',
        outcome: 'raised',
        index: 34,
      });
      expect(raised.find((a) => a.rule === 'WE3')).toEqual({
        sample: 35,
        rule: 'WE3',
        outcome: 'raised',
        index: 34,
      });
      expect(raised.some((a) => a.rule === 'WE4')).toBe(false);

      const again = await inTx((tx) =>
        monitorSpcCharts(tx, { tenantId: EAST, plantId, characteristicIds: [characteristicId] }),
      );
      expect(again.alarms).toEqual([]);

      const alarms = await inTx((tx) =>
        tx.alarm.findMany({
          where: { tenantId: EAST, source: 'spc', openKey: { startsWith: `spc:${chartId}:` } },
        }),
      );
      expect(alarms.map((a) => a.openKey).sort()).toEqual([
        `spc:${chartId}:WE1`,
        `spc:${chartId}:WE2`,
        `spc:${chartId}:WE3`,
      ]);
      const we1 = alarms.find((a) => a.openKey === `spc:${chartId}:WE1`);
      expect(we1?.severity).toBe('high');
      expect(we1?.value).toBeCloseTo(74.0234, 4);
      const events = await inTx((tx) =>
        tx.alarmEvent.findMany({ where: { alarmId: { in: alarms.map((a) => a.id) }, kind: 'raised' } }),
      );
      expect(events).toHaveLength(3);
    });

    it('chart data marks the baseline and the phase II hits', async () => {
      const analysis = await inTx(async (tx) =>
        analyseStoredChart(tx, await tx.spcChart.findFirstOrThrow({ where: { id: chartId } })),
      );
      expect(analysis.trial).toBe(false);
      expect(analysis.phaseTwoStart).toBe(25);
      expect(analysis.subgroups).toHaveLength(40);
      expect(analysis.series[0]?.hits.find((h) => h.rule === 'WE1')?.indices).toEqual([36, 37, 38]);
    });

    it('reopening phase I stops monitoring', async () => {
      await inTx((tx) => reopenSpcChart(tx, ctx, { id: chartId }));
      await enterRequest(samples[38] as number[]);
      const result = await inTx((tx) =>
        monitorSpcCharts(tx, { tenantId: EAST, plantId, characteristicIds: [characteristicId] }),
      );
      expect(result.chartsChecked).toBe(0);
    });
  });

  it('consecutive-n subgrouping forms the same subgroups, leaves out superseded results and waits for a full group', async () => {
    const chart = await inTx((tx) =>
      createSpcChart(tx, ctx, {
        plantId,
        name: 'Piston ring ID (X̄-S, n = 5)',
        chartType: 'xbar_s',
        characteristic: 'width',
        element: '',
        planId: null,
        subgroupSize: 5,
        rules: ['N1'],
      }),
    );
    const before = await inTx(async (tx) =>
      analyseStoredChart(tx, await tx.spcChart.findFirstOrThrow({ where: { id: chart.id } })),
    );
    // 41 requests of 5 = 41 subgroups; trial limits from all of them as none are stored.
    expect(before.subgroups).toHaveLength(41);
    expect(before.trial).toBe(true);
    // A correction supersedes the first result: the superseded value leaves, and the groups shift by one, so the
    // last group is incomplete (waits) and is not plotted.
    await inTx(async (tx) => {
      const first = await tx.inspectionResult.findFirstOrThrow({
        where: { tenantId: EAST, characteristicId },
        orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }],
      });
      await tx.inspectionResult.create({
        data: {
          tenantId: EAST,
          requestId: first.requestId,
          sampleId: first.sampleId,
          characteristicId,
          value: 74.03,
          verdict: 'pass',
          supersedesId: first.id,
        },
      });
    });
    const after = await inTx(async (tx) =>
      analyseStoredChart(tx, await tx.spcChart.findFirstOrThrow({ where: { id: chart.id } })),
    );
    expect(after.subgroups).toHaveLength(41);
    expect(after.subgroups[0]?.values).toEqual([74.002, 74.019, 73.992, 74.008, 73.995]);
    await expect(
      inTx((tx) =>
        computeSpcLimits(tx, ctx, {
          id: chart.id,
          excludedKeys: ['00000000-0000-7000-8000-000000000000'],
          revise: false,
        }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'excludedKeys' });
  });

  it('results entered through the lab raise the SPC alarm of a frozen chart in the same transaction', async () => {
    const hardness = await inTx((tx) =>
      tx.inspectionCharacteristic.create({
        data: {
          tenantId: EAST,
          planId,
          seq: 2,
          code: 'hardness',
          unit: 'HV',
          lowerLimit: 60,
          upperLimit: 95,
        },
      }),
    );
    // Ten baseline individuals, one request each, alternating around 75 HV.
    const baseline = [75, 76, 74, 75.5, 74.5, 76, 75, 74, 75.5, 74.8];
    for (const [i, value] of baseline.entries()) {
      await inTx(async (tx) => {
        const request = await tx.inspectionRequest.create({
          data: {
            tenantId: EAST,
            plantId,
            requestNo: `SPC-HV-${i}`,
            lotId,
            planId,
            origin: 'manual',
            status: 'evaluated',
          },
        });
        const sample = await tx.labSample.create({
          data: { tenantId: EAST, requestId: request.id, sampleNo: `SPC-HV-S${i}` },
        });
        await tx.inspectionResult.create({
          data: {
            tenantId: EAST,
            requestId: request.id,
            sampleId: sample.id,
            characteristicId: hardness.id,
            value,
            verdict: 'pass',
            enteredAt: new Date(Date.UTC(2026, 10, 3, 0, i)),
          },
        });
      });
    }
    const chart = await inTx((tx) =>
      createSpcChart(tx, ctx, {
        plantId,
        name: 'Hardness I-MR',
        chartType: 'i_mr',
        characteristic: 'hardness',
        element: '',
        planId,
        subgroupSize: 1,
        rules: ['WE1'],
      }),
    );
    await inTx((tx) => computeSpcLimits(tx, ctx, { id: chart.id, excludedKeys: [], revise: false }));
    await inTx((tx) => freezeSpcLimits(tx, ctx, { id: chart.id }));
    // A new request, received, with its limits resolved: 90 HV is in spec but far beyond the UCL (~78 HV).
    const { requestId, sampleId } = await inTx(async (tx) => {
      const request = await tx.inspectionRequest.create({
        data: {
          tenantId: EAST,
          plantId,
          requestNo: 'SPC-HV-NEW',
          lotId,
          planId,
          origin: 'manual',
          status: 'received',
          limits: [
            {
              characteristicId: hardness.id,
              code: 'hardness',
              element: '',
              unit: 'HV',
              nominal: null,
              lower: 60,
              upper: 95,
              source: 'manual',
              unresolved: null,
              samplesRequired: 1,
              method: '',
            },
          ],
        },
      });
      const sample = await tx.labSample.create({
        data: { tenantId: EAST, requestId: request.id, sampleNo: 'SPC-HV-NEW-S1', receivedAt: new Date() },
      });
      return { requestId: request.id, sampleId: sample.id };
    });
    const entered = await inTx((tx) =>
      enterResults(tx, ctx, { requestId, results: [{ sampleId, characteristicId: hardness.id, value: 90 }] }),
    );
    expect(entered.verdict).toBe('pass');
    const alarms = await inTx((tx) =>
      tx.alarm.findMany({ where: { tenantId: EAST, openKey: `spc:${chart.id}:WE1` } }),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.value).toBe(90);
    expect(alarms[0]?.source).toBe('spc');
  });

  it('a request whose results are not all in yet is no subgroup of a per-request chart', async () => {
    const requestId = await enterRequest([74.001, 74.002, 74.003, 74.004, 74.005]);
    const chart = await inTx((tx) =>
      tx.spcChart.findFirstOrThrow({ where: { tenantId: EAST, name: 'Piston ring ID (X̄-R)' } }),
    );
    const count = async () => (await inTx((tx) => analyseStoredChart(tx, chart))).subgroups.length;
    const complete = await count();
    await inTx((tx) =>
      tx.inspectionRequest.update({ where: { id: requestId }, data: { status: 'results_entered' } }),
    );
    expect(await count()).toBe(complete - 1);
  });
});
