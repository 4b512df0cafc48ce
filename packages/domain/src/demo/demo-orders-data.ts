import type { TProductFamily, TQuantityUnit, TRateUnit } from '@ingot/contracts';

/**
 * Master data, routings and a few orders for the demo tenants. Rates and yields name their basis: a source id of
 * shared/domain (equipment.json derived calendar-hour t/h, process-rules.json cycles and yields), or ASSUMPTION
 * where shared/domain records the figure as NOT SOURCED (per-operation yields, slitter and packing speeds, caster
 * throughput). Tolerances of specs come from the EN 485-4 / foil tables through lookupThicknessTolerance, or say
 * "customer drawing" where no table row exists for the alloy (its EN 485-4 group is not known from the sources).
 */

export interface TDemoCustomer {
  code: string;
  name: string;
  country: string;
  contact: { person: string; phone: string; email: string; address: string };
}

export interface TDemoSpec {
  code: string;
  productFamily: TProductFamily;
  alloy: string;
  temper: string;
  customer?: string;
  thicknessMm: number;
  widthMm: number | null;
  lengthMm: number | null;
  coilWeightKg: number | null;
  innerDiameterMm: number | null;
  outerDiameterMm: number | null;
  surface: string;
  /** Tolerance basis: a table lookup (en485 / foil) or explicit values with their source. */
  tolerance:
    | { kind: 'en485' }
    | { kind: 'foil' }
    | { kind: 'explicit'; minus: number; plus: number; source: string };
  widthTol: [number, number] | null;
}

export interface TDemoRate {
  equipment: string;
  rate: number;
  unit: TRateUnit;
  fixedMinutes?: number;
  /** Source id of shared/domain, or "ASSUMPTION: why". */
  basis: string;
}
export interface TDemoStep {
  op: string;
  name: string;
  yield: number;
  yieldBasis: string;
  recipe?: string;
  rates: TDemoRate[];
}
export interface TDemoRouting {
  code: string;
  name: string;
  productFamily: TProductFamily;
  alloy?: string;
  temper?: string;
  steps: TDemoStep[];
}
export interface TDemoOrder {
  orderNo: string;
  plant: string;
  customer: string;
  customerPo: string;
  /** Days from the seed date. */
  lines: Array<{ spec: string; quantity: number; unit: TQuantityUnit; inDays: number }>;
  confirm: boolean;
}

export interface TDemoOrderBook {
  tenantSlug: string;
  customers: TDemoCustomer[];
  specs: TDemoSpec[];
  routings: TDemoRouting[];
  orders: TDemoOrder[];
}

const Y_NOT_SOURCED = 'ASSUMPTION: per-operation yields are NOT SOURCED (process-rules.json yield-not-found)';
const Y1 = 'no material loss in a heat treatment or packing step (assumption)';

const casting = (eq: string): TDemoStep => ({
  op: 'dc_casting',
  name: '熔铸 (DC casting)',
  yield: 0.985,
  yieldBasis: 'soulun-remelt: 1.5 % melt loss (excludes scalping and crops)',
  rates: [
    {
      equipment: eq,
      rate: 20,
      unit: 't_per_h',
      fixedMinutes: 60,
      basis: 'ASSUMPTION: no DC caster throughput in shared/domain',
    },
  ],
});
const homogenizingSlab: TDemoStep = {
  op: 'homogenizing',
  name: '均热 (homogenizing)',
  yield: 1,
  yieldBasis: Y1,
  recipe: 'HOMOG-500C-24H',
  rates: [
    {
      equipment: 'HF-2',
      rate: 24,
      unit: 'h_per_batch',
      basis: 'csklinok-homog: 480-530 C, 6-36 h soak (24 h chosen)',
    },
  ],
};
const hotRolling: TDemoStep = {
  op: 'hot_rolling',
  name: '热轧 (hot rolling)',
  yield: 0.95,
  yieldBasis: `${Y_NOT_SOURCED}; 5 % for scalping, crops and edge trim`,
  rates: [
    {
      equipment: 'HM-1',
      rate: 45.66,
      unit: 't_per_h',
      fixedMinutes: 15,
      basis: 'tpt-maaden derived calendar-hour t/h',
    },
  ],
};
const coldRolling = (name: string): TDemoStep => ({
  op: 'cold_rolling',
  name,
  yield: 0.98,
  yieldBasis: `${Y_NOT_SOURCED}; 2 % head/tail`,
  rates: [
    {
      equipment: 'CM-1',
      rate: 9.7,
      unit: 't_per_h',
      fixedMinutes: 20,
      basis: 'aist-nela derived calendar-hour t/h',
    },
    {
      equipment: 'CM-2',
      rate: 600,
      unit: 'm_per_min',
      fixedMinutes: 20,
      basis: 'ezt-china-cold max speed (running at max is optimistic)',
    },
  ],
});
const anneal = (recipe: string, basis: string): TDemoStep => ({
  op: 'intermediate_anneal',
  name: '中间退火 (intermediate anneal)',
  yield: 1,
  yieldBasis: Y1,
  recipe,
  rates: ['AF-1', 'AF-2'].map((equipment) => ({
    equipment,
    rate: 12,
    unit: 'h_per_batch' as const,
    basis: `ASSUMPTION: 12 h furnace cycle for a 40 t charge (docs360-nela-furnace); soak ${basis}`,
  })),
});
const slitting: TDemoStep = {
  op: 'slitting',
  name: '纵剪 (slitting)',
  yield: 0.97,
  yieldBasis: `${Y_NOT_SOURCED}; 3 % edge trim`,
  rates: [
    {
      equipment: 'SL-1',
      rate: 300,
      unit: 'm_per_min',
      fixedMinutes: 30,
      basis: 'ASSUMPTION: no aluminium slitter speed sourced (grsjx-slitter is film converting)',
    },
  ],
};
const packing: TDemoStep = {
  op: 'packing',
  name: '包装 (packing)',
  yield: 1,
  yieldBasis: Y1,
  rates: [{ equipment: 'PK-1', rate: 15, unit: 't_per_h', fixedMinutes: 10, basis: 'ASSUMPTION' }],
};
const profileSteps = (ageRecipe: string, ageHours: number, ageBasis: string): TDemoStep[] => [
  {
    op: 'billet_casting',
    name: '圆棒铸造 (billet casting)',
    yield: 0.985,
    yieldBasis: 'soulun-remelt: 1.5 % melt loss',
    rates: [
      {
        equipment: 'BC-1',
        rate: 10,
        unit: 't_per_h',
        fixedMinutes: 60,
        basis: 'ASSUMPTION: no billet caster throughput sourced',
      },
    ],
  },
  {
    op: 'homogenizing',
    name: '均质 (homogenizing)',
    yield: 1,
    yieldBasis: Y1,
    recipe: 'HOMOG-BILLET-520C-8H',
    rates: [
      {
        equipment: 'HF-1',
        rate: 8,
        unit: 'h_per_batch',
        basis: 'csklinok-homog: 480-530 C, 6-36 h (8 h chosen for 6xxx billet)',
      },
    ],
  },
  {
    op: 'extrusion',
    name: '挤压 (extrusion)',
    yield: 0.6,
    yieldBasis:
      'cmblaster-extr-scrap: 40 % total scrap of billet input (secondary citation), all put on extrusion',
    rates: [
      {
        equipment: 'EXP-1',
        rate: 1.14,
        unit: 't_per_h',
        fixedMinutes: 30,
        basis: 'sms-exlabesa35 derived calendar-hour t/h; 30 min die change ASSUMPTION (NOT SOURCED)',
      },
      {
        equipment: 'EXP-2',
        rate: 0.91,
        unit: 't_per_h',
        fixedMinutes: 30,
        basis: 'foundryplanet-thoeni derived calendar-hour t/h',
      },
    ],
  },
  {
    op: 'quench',
    name: '在线淬火 (press quench)',
    yield: 1,
    yieldBasis: Y1,
    rates: [
      { equipment: 'QT-1', rate: 1.14, unit: 't_per_h', basis: 'in line with EXP-1 (same rate)' },
      { equipment: 'QT-2', rate: 0.91, unit: 't_per_h', basis: 'in line with EXP-2 (same rate)' },
    ],
  },
  {
    op: 'stretching',
    name: '拉伸矫直 (stretch)',
    yield: 1,
    yieldBasis: 'alumeco: 0.5-3 % permanent set, no loss',
    rates: [{ equipment: 'STR-1', rate: 3, unit: 't_per_h', basis: 'ASSUMPTION' }],
  },
  {
    op: 'cutting',
    name: '锯切 (cut to length)',
    yield: 1,
    yieldBasis: 'crops counted in the extrusion scrap above',
    rates: [
      { equipment: 'SAW-1', rate: 3, unit: 't_per_h', basis: 'ASSUMPTION' },
      { equipment: 'SAW-2', rate: 3, unit: 't_per_h', basis: 'ASSUMPTION' },
    ],
  },
  {
    op: 'ageing',
    name: '人工时效 (ageing)',
    yield: 1,
    yieldBasis: Y1,
    recipe: ageRecipe,
    rates: ['AO-1', 'AO-2'].map((equipment) => ({
      equipment,
      rate: ageHours,
      unit: 'h_per_batch' as const,
      fixedMinutes: 120,
      basis: `${ageBasis}; 2 h heat-up ASSUMPTION`,
    })),
  },
];

const contact = (person: string, phone: string, email: string, address: string) => ({
  person,
  phone,
  email,
  address,
});

export const DEMO_ORDER_BOOKS: readonly TDemoOrderBook[] = [
  {
    tenantSlug: 'east-china-al',
    customers: [
      {
        code: 'C-CAN',
        name: '苏州易拉罐有限公司',
        country: 'CN',
        contact: contact('周洁', '0512-6555 0101', 'purchase@sz-can.example.cn', '苏州工业园区星湖街 1 号'),
      },
      {
        code: 'C-FACADE',
        name: '上海幕墙工程有限公司',
        country: 'CN',
        contact: contact(
          '刘洋',
          '021-5888 0202',
          'buyer@sh-facade.example.cn',
          '上海市闵行区莘庄工业区 22 号',
        ),
      },
      {
        code: 'C-PACK',
        name: '宁波软包装有限公司',
        country: 'CN',
        contact: contact('陈晨', '0574-8777 0303', 'supply@nb-pack.example.cn', '宁波市北仑区新碶 8 号'),
      },
    ],
    specs: [
      {
        code: 'S3003H14-1.0x1250',
        productFamily: 'strip_coil',
        alloy: '3003',
        temper: 'H14',
        thicknessMm: 1.0,
        widthMm: 1250,
        lengthMm: null,
        coilWeightKg: 6000,
        innerDiameterMm: 508,
        outerDiameterMm: 1500,
        surface: '轧制面 mill finish',
        tolerance: { kind: 'en485' },
        widthTol: [0, 2],
      },
      {
        code: 'S3104H18-0.27x1500',
        productFamily: 'strip_coil',
        alloy: '3104',
        temper: 'H18',
        customer: 'C-CAN',
        thicknessMm: 0.27,
        widthMm: 1500,
        lengthMm: null,
        coilWeightKg: 8000,
        innerDiameterMm: 610,
        outerDiameterMm: 1800,
        surface: '罐体料 can body, degreased',
        tolerance: {
          kind: 'explicit',
          minus: 0.005,
          plus: 0.005,
          source: 'customer drawing (3104 has no EN 485-4 group in the sources read)',
        },
        widthTol: [0, 1],
      },
      {
        code: 'P5052H32-2.0x1500x3000',
        productFamily: 'sheet',
        alloy: '5052',
        temper: 'H32',
        thicknessMm: 2.0,
        widthMm: 1500,
        lengthMm: 3000,
        coilWeightKg: null,
        innerDiameterMm: null,
        outerDiameterMm: null,
        surface: '覆膜 PE film one side',
        tolerance: { kind: 'en485' },
        widthTol: [0, 3],
      },
      {
        code: 'F1235O-0.006x1300',
        productFamily: 'foil',
        alloy: '1235',
        temper: 'O',
        customer: 'C-PACK',
        thicknessMm: 0.006,
        widthMm: 1300,
        lengthMm: null,
        coilWeightKg: 1500,
        innerDiameterMm: 152,
        outerDiameterMm: 600,
        surface: '单面光 one side bright',
        tolerance: { kind: 'foil' },
        widthTol: [0, 1],
      },
      {
        code: 'E6063T5-60x40x2',
        productFamily: 'extrusion_profile',
        alloy: '6063',
        temper: 'T5',
        customer: 'C-FACADE',
        thicknessMm: 2.0,
        widthMm: 60,
        lengthMm: 6000,
        coilWeightKg: null,
        innerDiameterMm: null,
        outerDiameterMm: null,
        surface: '阳极氧化 anodised AA15',
        tolerance: {
          kind: 'explicit',
          minus: 0.15,
          plus: 0.15,
          source: 'customer drawing (EN 755-9 not in shared/domain)',
        },
        widthTol: [0.3, 0.3],
      },
      {
        code: 'E6061T6-80x80x4',
        productFamily: 'extrusion_profile',
        alloy: '6061',
        temper: 'T6',
        thicknessMm: 4.0,
        widthMm: 80,
        lengthMm: 6000,
        coilWeightKg: null,
        innerDiameterMm: null,
        outerDiameterMm: null,
        surface: '本色 mill finish',
        tolerance: {
          kind: 'explicit',
          minus: 0.2,
          plus: 0.2,
          source: 'customer drawing (EN 755-9 not in shared/domain)',
        },
        widthTol: [0.4, 0.4],
      },
    ],
    routings: [
      {
        // The named example: casting -> homogenizing -> hot rolling -> cold rolling -> intermediate anneal
        // -> cold rolling -> slitting -> packing.
        code: 'R-STRIP-3003-H14',
        name: '3003-H14 带材 (strip)',
        productFamily: 'strip_coil',
        alloy: '3003',
        temper: 'H14',
        steps: [
          casting('DC-1'),
          homogenizingSlab,
          hotRolling,
          coldRolling('冷轧开坯 (cold rolling 1)'),
          anneal('ANNEAL-3XXX-410C', 'smithells 3103/3105: 400-425 C, 20 min (3003 by analogy)'),
          coldRolling('冷轧成品 (cold rolling 2, 1/2 hard)'),
          slitting,
          packing,
        ],
      },
      {
        code: 'R-STRIP',
        name: '铝带材通用路线 (strip, any alloy)',
        productFamily: 'strip_coil',
        steps: [
          casting('DC-1'),
          homogenizingSlab,
          hotRolling,
          coldRolling('冷轧 (cold rolling)'),
          slitting,
          packing,
        ],
      },
      {
        code: 'R-SHEET',
        name: '铝板通用路线 (sheet)',
        productFamily: 'sheet',
        steps: [
          casting('DC-1'),
          homogenizingSlab,
          hotRolling,
          coldRolling('冷轧 (cold rolling)'),
          anneal('STABILISE-250C', 'smithells stabilising 250 C (H3x)'),
          {
            op: 'cut_to_length',
            name: '横切 (cut to length)',
            yield: 0.97,
            yieldBasis: `${Y_NOT_SOURCED}; 3 % trim`,
            rates: [{ equipment: 'CTL-1', rate: 8, unit: 't_per_h', fixedMinutes: 20, basis: 'ASSUMPTION' }],
          },
          packing,
        ],
      },
      {
        code: 'R-FOIL',
        name: '铝箔路线 (foil, twin-roll cast)',
        productFamily: 'foil',
        steps: [
          {
            op: 'twin_roll_casting',
            name: '铸轧 (twin-roll casting)',
            yield: 0.985,
            yieldBasis: 'soulun-remelt: 1.5 % melt loss',
            rates: [
              {
                equipment: 'TRC-1',
                rate: 1.02,
                unit: 't_per_h',
                basis: 'suzhou-caster-stats derived calendar-hour t/h per caster',
              },
            ],
          },
          coldRolling('冷轧 (cold rolling to foil stock)'),
          anneal('ANNEAL-FOILSTOCK-360C', 'smithells 1xxx: 360 C, 20 min'),
          {
            op: 'foil_rolling',
            name: '箔轧 (foil rolling, doubled)',
            yield: 0.95,
            yieldBasis: `${Y_NOT_SOURCED}; 5 % breaks and trim`,
            rates: [
              {
                equipment: 'FM-1',
                rate: 0.95,
                unit: 't_per_h',
                fixedMinutes: 30,
                basis: 'primetals-shenhuo derived t/h per mill',
              },
            ],
          },
          {
            op: 'final_anneal',
            name: '成品退火 (final anneal, de-oiling)',
            yield: 0.99,
            yieldBasis: 'pulito-foil-anneal: >1 % heat-bulge scrap when mis-set (1 % taken)',
            recipe: 'ANNEAL-FOIL-4D',
            rates: [
              {
                equipment: 'AF-3',
                rate: 96,
                unit: 'h_per_batch',
                basis: 'pulito-foil-furnace: 3-5 day cycle (4 d)',
              },
            ],
          },
          packing,
        ],
      },
      {
        // The second named example: billet -> homogenizing -> extrusion -> quench -> stretch -> cut -> ageing.
        code: 'R-PROF-6063-T5',
        name: '6063-T5 型材 (profile)',
        productFamily: 'extrusion_profile',
        alloy: '6063',
        temper: 'T5',
        steps: profileSteps('AGE-T5-182C-3H', 3, 'tubingchina-6063: T5 ageing 182 C, 3 h'),
      },
      {
        code: 'R-PROF-6061',
        name: '6061 型材 (profile, T6 ageing)',
        productFamily: 'extrusion_profile',
        alloy: '6061',
        steps: profileSteps('AGE-T6-177C-8H', 8, 'eastdiy-6061: T6 ageing 177 C, 8 h (low reliability)'),
      },
    ],
    orders: [
      {
        orderNo: 'SO-DEMO-0001',
        plant: 'RP',
        customer: 'C-CAN',
        customerPo: 'SZC-PO-2026-118',
        lines: [{ spec: 'S3104H18-0.27x1500', quantity: 48, unit: 't', inDays: 21 }],
        confirm: true,
      },
      {
        orderNo: 'SO-DEMO-0002',
        plant: 'RP',
        customer: 'C-PACK',
        customerPo: 'NBP-7731',
        lines: [
          { spec: 'F1235O-0.006x1300', quantity: 12, unit: 'pcs', inDays: 28 },
          { spec: 'S3003H14-1.0x1250', quantity: 30, unit: 't', inDays: 18 },
        ],
        confirm: false,
      },
      {
        orderNo: 'SO-DEMO-0003',
        plant: 'EP',
        customer: 'C-FACADE',
        customerPo: 'SHF-2026-044',
        lines: [{ spec: 'E6063T5-60x40x2', quantity: 25, unit: 't', inDays: 14 }],
        confirm: true,
      },
    ],
  },
  {
    tenantSlug: 'jiangnan-copper',
    customers: [
      {
        code: 'C-ELEC',
        name: '鹰潭电子连接器有限公司',
        country: 'CN',
        contact: contact('黄磊', '0701-6222 0404', 'cg@yt-conn.example.cn', '鹰潭高新区 5 号'),
      },
    ],
    specs: [
      {
        code: 'CU-C11000-H02-0.5x600',
        productFamily: 'strip_coil',
        alloy: 'C11000',
        temper: 'H02',
        thicknessMm: 0.5,
        widthMm: 600,
        lengthMm: null,
        coilWeightKg: 3000,
        innerDiameterMm: 400,
        outerDiameterMm: 1000,
        surface: '光亮 bright',
        tolerance: {
          kind: 'explicit',
          minus: 0.015,
          plus: 0.015,
          source: 'customer drawing (no copper strip tolerance table in shared/domain)',
        },
        widthTol: [0, 0.2],
      },
      {
        code: 'CU-C26000-H04-0.3x300',
        productFamily: 'strip_coil',
        alloy: 'C26000',
        temper: 'H04',
        customer: 'C-ELEC',
        thicknessMm: 0.3,
        widthMm: 300,
        lengthMm: null,
        coilWeightKg: 1500,
        innerDiameterMm: 300,
        outerDiameterMm: 800,
        surface: '光亮 bright',
        tolerance: { kind: 'explicit', minus: 0.01, plus: 0.01, source: 'customer drawing' },
        widthTol: [0, 0.1],
      },
    ],
    routings: [
      {
        code: 'R-CU-STRIP',
        name: '铜带冷轧路线 (copper strip from hot-rolled coil)',
        productFamily: 'strip_coil',
        steps: [
          {
            op: 'cold_rolling',
            name: '冷轧 (cold rolling)',
            yield: 0.97,
            yieldBasis: Y_NOT_SOURCED,
            rates: [
              {
                equipment: 'CM-1',
                rate: 360,
                unit: 'm_per_min',
                fixedMinutes: 20,
                basis: 'ezt-china-cold LMDI max speed',
              },
            ],
          },
        ],
      },
    ],
    orders: [
      {
        orderNo: 'SO-DEMO-0101',
        plant: 'CSP',
        customer: 'C-ELEC',
        customerPo: 'YTC-8812',
        lines: [{ spec: 'CU-C26000-H04-0.3x300', quantity: 9, unit: 't', inDays: 20 }],
        confirm: true,
      },
    ],
  },
];
