import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { computePhaseOneLimits } from './chart-analysis.ts';
import { monitorSpcCharts } from './monitor-spc-charts.ts';
import type { TStoredLimits } from './stored-limits.ts';

export const DEMO_SPC_CHART_NAME = '3003 冷轧带厚度 X̄-R / 3003 strip thickness X̄-R';
const PLAN_CODE = 'QP-3003-STRIP-FINAL';
const LOT_NO = 'SPC-DEMO-3003-1.00';
const NOMINAL = 1.0;
const TOLERANCE = 0.03;
const BASELINE = 25;
const TOTAL = 32;

/** Deterministic normal deviates (LCG + Box–Muller): the demo is the same on every start. */
function normals(seed: number, count: number): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const out: number[] = [];
  while (out.length < count) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    out.push(r * Math.cos(a), r * Math.sin(a));
  }
  return out.slice(0, count);
}

/**
 * The demo's SPC history (east-china-al, plant RP): 32 final inspections of a 1.00 mm 3003 strip coil (5 thickness
 * readings each, σ 0.004 mm, spec ±0.03 mm from the order). An X̄-R chart gets phase I limits from the first 25 and
 * is frozen; the last 7 drift upwards (+0.006 mm), so the portal shows phase II rule violations and the alarm list
 * SPC alarms. Idempotent: nothing happens when the chart exists.
 */
export async function seedDemoSpc(
  tx: TenantTx,
  ctx: TTenantContext,
  slug: string,
  plants: Record<string, string>,
): Promise<void> {
  if (slug !== 'east-china-al') return;
  const plantId = plants.RP;
  if (!plantId) return;
  const exists = await tx.spcChart.findFirst({
    where: { tenantId: ctx.tenantId, name: DEMO_SPC_CHART_NAME },
  });
  if (exists) return;
  const plan = await tx.inspectionPlan.findFirst({ where: { tenantId: ctx.tenantId, code: PLAN_CODE } });
  const characteristic = plan
    ? await tx.inspectionCharacteristic.findFirst({
        where: { tenantId: ctx.tenantId, planId: plan.id, code: 'thickness' },
      })
    : null;
  if (!plan || !characteristic) return;
  const lot =
    (await tx.materialLot.findFirst({ where: { tenantId: ctx.tenantId, lotNo: LOT_NO } })) ??
    (await tx.materialLot.create({
      data: {
        tenantId: ctx.tenantId,
        plantId,
        lotNo: LOT_NO,
        kind: 'coil',
        weightKg: 6200,
        alloyId: plan.alloyId,
        dimensions: { thicknessMm: NOMINAL },
      },
    }));
  const noise = normals(3003, TOTAL * 5);
  const start = Date.UTC(2026, 9, 1, 0, 0, 0);
  const groups: number[][] = [];
  for (let r = 0; r < TOTAL; r++) {
    const shift = r >= BASELINE ? 0.006 : 0;
    const values = [0, 1, 2, 3, 4].map(
      (i) => Math.round((NOMINAL + shift + 0.004 * (noise[r * 5 + i] as number)) * 10_000) / 10_000,
    );
    groups.push(values);
    const requestNo = `QI-SPC-DEMO-${String(r + 1).padStart(3, '0')}`;
    const at = new Date(start + r * 8 * 3600_000);
    const request = await tx.inspectionRequest.create({
      data: {
        tenantId: ctx.tenantId,
        plantId,
        requestNo,
        lotId: lot.id,
        planId: plan.id,
        origin: 'manual',
        status: 'approved',
        verdict: 'pass',
        limits: [
          {
            characteristicId: characteristic.id,
            code: 'thickness',
            element: '',
            unit: 'mm',
            nominal: NOMINAL,
            lower: NOMINAL - TOLERANCE,
            upper: NOMINAL + TOLERANCE,
            source: 'spec',
            unresolved: null,
            samplesRequired: 5,
            method: characteristic.method,
          },
        ],
        createdAt: at,
      },
    });
    const sample = await tx.labSample.create({
      data: {
        tenantId: ctx.tenantId,
        requestId: request.id,
        sampleNo: `${requestNo}-S1`,
        position: 'head',
        receivedAt: at,
      },
    });
    await tx.inspectionResult.createMany({
      data: values.map((value, i) => ({
        tenantId: ctx.tenantId,
        requestId: request.id,
        sampleId: sample.id,
        characteristicId: characteristic.id,
        value,
        verdict: Math.abs(value - NOMINAL) <= TOLERANCE ? 'pass' : 'fail',
        enteredAt: new Date(at.getTime() + 3600_000 + i),
      })),
    });
  }
  const keys = await tx.inspectionRequest.findMany({
    where: { tenantId: ctx.tenantId, lotId: lot.id, requestNo: { startsWith: 'QI-SPC-DEMO-' } },
    orderBy: { requestNo: 'asc' },
    select: { id: true },
  });
  const { limits } = computePhaseOneLimits('xbar_r', {
    kind: 'variables',
    subgroups: groups.slice(0, BASELINE),
  });
  const baselineLast = keys[BASELINE - 1]?.id;
  if (!baselineLast) return;
  const stored: TStoredLimits = {
    ...limits,
    baselineCount: BASELINE,
    baselineLastKey: baselineLast,
    excludedKeys: [],
    computedAt: new Date(start + BASELINE * 8 * 3600_000).toISOString(),
    alarmedThroughKey: baselineLast,
  };
  await tx.spcChart.create({
    data: {
      tenantId: ctx.tenantId,
      plantId,
      name: DEMO_SPC_CHART_NAME,
      chartType: 'xbar_r',
      characteristic: 'thickness',
      element: '',
      planId: plan.id,
      subgroupSize: 0,
      rules: ['WE1', 'WE2', 'WE3', 'WE4', 'N3'],
      phase: 'II',
      limits: { ...stored },
      limitsFrozenAt: new Date(start + BASELINE * 8 * 3600_000),
    },
  });
  await monitorSpcCharts(tx, { tenantId: ctx.tenantId, plantId, characteristicIds: [characteristic.id] });
}
