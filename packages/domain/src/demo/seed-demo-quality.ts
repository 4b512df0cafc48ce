import { CHARACTERISTIC_UNITS, type TCharacteristicCode, type TProductFamily } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

interface TDemoCharacteristic {
  code: TCharacteristicCode;
  element?: string;
  limitSource: string;
  lower?: number;
  upper?: number;
  method?: string;
  samples?: number;
  frequency?: 'every_lot' | 'first_of_order';
}

interface TDemoPlan {
  code: string;
  name: string;
  alloy: string;
  productFamily: TProductFamily;
  /** null = after the work order's final operation. */
  operationCode: string | null;
  characteristics: TDemoCharacteristic[];
}

const TENSILE = 'GB/T 228.1-2021';
const CHEMISTRY = 'GB/T 7999-2015 (OES)';

/** Final inspection of cold-rolled strip: dimensions from the order spec, strength from EN 485-2, chemistry from the alloy. */
const strip = (alloy: string, mechanical: boolean): TDemoPlan => ({
  code: `QP-${alloy}-STRIP-FINAL`,
  name: `${alloy} 冷轧带卷成品检验 / ${alloy} cold-rolled strip final inspection`,
  alloy,
  productFamily: 'strip_coil',
  operationCode: null,
  characteristics: [
    { code: 'thickness', limitSource: 'spec', method: 'GB/T 3880.3 (micrometer, 3 points across)' },
    { code: 'width', limitSource: 'spec', method: 'steel tape' },
    { code: 'flatness', limitSource: 'manual', upper: 10, method: 'flatness table, I-units' },
    ...(mechanical
      ? ([
          { code: 'tensile_strength', limitSource: 'table:mechanical-properties', method: TENSILE },
          { code: 'yield_strength', limitSource: 'table:mechanical-properties', method: TENSILE },
          { code: 'elongation', limitSource: 'table:mechanical-properties', method: TENSILE },
        ] as TDemoCharacteristic[])
      : []),
    ...['Si', 'Fe', 'Cu', 'Mn', 'Zn'].map(
      (element): TDemoCharacteristic => ({
        code: 'chemistry',
        element,
        limitSource: 'alloy',
        method: CHEMISTRY,
        frequency: 'first_of_order',
      }),
    ),
    {
      code: 'surface_defect',
      element: 'scratch',
      limitSource: 'manual',
      upper: 0,
      method: 'visual, both sides',
    },
  ],
});

const PLANS: Readonly<Record<string, TDemoPlan[]>> = {
  'east-china-al': [strip('3003', true), strip('5052', true)],
  'jiangnan-copper': [
    {
      code: 'QP-C11000-STRIP-FINAL',
      name: 'T2 紫铜带成品检验 / C11000 strip final inspection',
      alloy: 'C11000',
      productFamily: 'strip_coil',
      operationCode: null,
      characteristics: [
        { code: 'thickness', limitSource: 'spec', method: 'GB/T 2059 (micrometer)' },
        { code: 'width', limitSource: 'spec', method: 'steel tape' },
        // No sourced minimum for C11000 in shared/domain: the plant's own release limit (ETP, annealed) is entered here.
        {
          code: 'conductivity',
          limitSource: 'manual',
          lower: 100,
          method: 'GB/T 3048.2 (eddy current, % IACS)',
        },
        { code: 'hardness', limitSource: 'manual', lower: 60, upper: 95, method: 'GB/T 4340.1 HV5' },
        {
          code: 'chemistry',
          element: 'Cu_incl_Ag',
          limitSource: 'alloy',
          method: CHEMISTRY,
          frequency: 'first_of_order',
        },
        { code: 'surface_defect', element: 'oxidation', limitSource: 'manual', upper: 0, method: 'visual' },
      ],
    },
  ],
};

/** The demo tenants' inspection plans (final inspection of their strip products); idempotent by plan code. */
export async function seedDemoQuality(
  tx: TenantTx,
  ctx: TTenantContext,
  slug: string,
  _plants: Record<string, string>,
): Promise<void> {
  for (const p of PLANS[slug] ?? []) {
    const exists = await tx.inspectionPlan.findFirst({ where: { tenantId: ctx.tenantId, code: p.code } });
    if (exists) continue;
    const alloy = await tx.alloy.findFirst({ where: { tenantId: ctx.tenantId, code: p.alloy } });
    if (!alloy) continue;
    const plan = await tx.inspectionPlan.create({
      data: {
        tenantId: ctx.tenantId,
        code: p.code,
        name: p.name,
        alloyId: alloy.id,
        productFamily: p.productFamily,
        operationCode: p.operationCode,
      },
    });
    await tx.inspectionCharacteristic.createMany({
      data: p.characteristics.map((c, i) => ({
        tenantId: ctx.tenantId,
        planId: plan.id,
        seq: (i + 1) * 10,
        code: c.code,
        element: c.element ?? '',
        unit: CHARACTERISTIC_UNITS[c.code],
        lowerLimit: c.lower ?? null,
        upperLimit: c.upper ?? null,
        limitSource: c.limitSource,
        method: c.method ?? '',
        samplesPerLot: c.samples ?? 1,
        frequency: c.frequency ?? 'every_lot',
      })),
    });
  }
}
