import type { TEquipmentClass, TLocale, TRole, TTenantKind } from '@ingot/contracts';

/**
 * The demo tenants. Names are Chinese (what plant people read), with an English alias in `nameEn` (the tree
 * shows it in the English UI). Equipment figures are representative published figures from
 * shared/domain/equipment.json (and process-rules.json / tempers.json for heat treatment and stretching); the
 * attribute `source` names the source id each figure was taken from.
 */

type TAttr = Record<string, string | number | boolean | null>;

export interface TDemoEquipment {
  code: string;
  name: string;
  nameEn: string;
  class: TEquipmentClass;
  attributes: TAttr;
}
export interface TDemoLine {
  code: string;
  name: string;
  nameEn: string;
  kind: 'line' | 'work_center';
  equipment: TDemoEquipment[];
}
export interface TDemoArea {
  code: string;
  name: string;
  nameEn: string;
  lines: TDemoLine[];
}
export interface TDemoPlant {
  code: string;
  name: string;
  nameEn: string;
  timezone: string;
  address: { line1: string; city: string; province: string; postalCode: string; country: string };
  areas: TDemoArea[];
}
export interface TDemoMember {
  email: string;
  displayName: string;
  roles: TRole[];
  /** Codes of the plants the member is limited to; empty = every plant. */
  plantCodes: string[];
}
export interface TDemoTenant {
  slug: string;
  name: string;
  nameEn: string;
  kind: TTenantKind;
  defaultLocale: TLocale;
  plants: TDemoPlant[];
  members: TDemoMember[];
}

const EQUIPMENT_JSON = 'shared/domain/equipment.json';

const rollingPlant: TDemoPlant = {
  code: 'RP',
  name: '轧制厂',
  nameEn: 'Rolling Plant',
  timezone: 'Asia/Shanghai',
  address: {
    line1: '锡山经济开发区 88 号',
    city: '无锡',
    province: '江苏',
    postalCode: '214101',
    country: 'CN',
  },
  areas: [
    {
      code: 'CAST',
      name: '熔铸车间',
      nameEn: 'Melting & Casting Shop',
      lines: [
        {
          code: 'CCL-1',
          name: '1#铸轧线',
          nameEn: 'Twin-roll casting line 1',
          kind: 'line',
          equipment: [
            {
              code: 'TRC-1',
              name: '1#双辊连续铸轧机',
              nameEn: 'Twin-roll continuous caster No.1',
              class: 'casting_machine',
              attributes: {
                nameEn: 'Twin-roll continuous caster No.1',
                castThicknessMm: '6-8',
                castWidthMinMm: 1000,
                castWidthMaxMm: 1700,
                source: 'azer-caster',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'DC',
      name: '扁锭铸造车间',
      nameEn: 'Slab Casting Shop',
      lines: [
        {
          code: 'DCL-1',
          name: '1#扁锭半连续铸造线',
          nameEn: 'DC slab casting line 1',
          kind: 'line',
          equipment: [
            {
              code: 'DC-1',
              name: '1#扁锭半连续铸造机',
              nameEn: 'DC slab caster No.1',
              class: 'casting_machine',
              attributes: {
                nameEn: 'DC slab caster No.1',
                slabSize: '500-600 mm x 2,000 mm x 8,000 mm, >20 t',
                source: 'azom-rolled',
                sourceFile: EQUIPMENT_JSON,
              },
            },
            {
              code: 'HF-2',
              name: '2#扁锭均热炉',
              nameEn: 'Slab homogenizing (soaking) furnace No.2',
              class: 'homogenizing_furnace',
              attributes: {
                nameEn: 'Slab homogenizing (soaking) furnace No.2',
                metalTempC: '480-530',
                soakTimeH: '6-36',
                // ASSUMPTION: no charge weight of a slab soaking furnace is sourced; four 25 t slabs.
                batchCapacityT: 100,
                source: 'csklinok-homog',
                sourceFile: 'shared/domain/process-rules.json',
              },
            },
          ],
        },
      ],
    },
    {
      code: 'HR',
      name: '热轧车间',
      nameEn: 'Hot Rolling Shop',
      lines: [
        {
          code: 'HRL-1',
          name: '1+4 热连轧线',
          nameEn: '1+4 hot rolling line',
          kind: 'line',
          equipment: [
            {
              code: 'HM-1',
              name: '1+4 热粗轧/精轧机组',
              nameEn: 'Hot reversing roughing mill + 4-stand tandem finishing mill',
              class: 'hot_mill',
              attributes: {
                nameEn: 'Hot reversing roughing mill + 4-stand tandem finishing mill',
                ingotThicknessMaxMm: 635,
                ingotWeightMaxT: 32.5,
                finishingStands: 4,
                finishingEntryThicknessMm: 30,
                hotBandThicknessMm: '2-7',
                source: 'tpt-maaden',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'CR',
      name: '冷轧车间',
      nameEn: 'Cold Rolling Shop',
      lines: [
        {
          code: 'CRL-1',
          name: '1#冷轧线',
          nameEn: 'Cold rolling line 1',
          kind: 'line',
          equipment: [
            {
              code: 'CM-1',
              name: '1#六辊冷轧机',
              nameEn: 'Cold rolling mill No.1 (6-high)',
              class: 'cold_mill',
              attributes: {
                nameEn: 'Cold rolling mill No.1 (6-high)',
                entryThicknessMaxMm: 8,
                exitThicknessMinMm: 0.1,
                maxStripWidthMm: 1900,
                maxCoilWeightT: 21,
                annualCapacityT: 85000,
                source: 'aist-nela',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
        {
          code: 'CRL-2',
          name: '2#冷轧线',
          nameEn: 'Cold rolling line 2',
          kind: 'line',
          equipment: [
            {
              code: 'CM-2',
              name: '2#四辊不可逆冷轧机',
              nameEn: 'Cold rolling mill No.2 (4-high, non-reversing)',
              class: 'cold_mill',
              attributes: {
                nameEn: 'Cold rolling mill No.2 (4-high, non-reversing)',
                rollBarrelLengthMm: 1400,
                exitThicknessMinMm: 0.2,
                maxRollingSpeedMPerMin: 600,
                thicknessToleranceMm: 0.005,
                source: 'ezt-china-cold',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'FOIL',
      name: '铝箔车间',
      nameEn: 'Foil Shop',
      lines: [
        {
          code: 'FRL-1',
          name: '1#铝箔轧制线',
          nameEn: 'Foil rolling line 1',
          kind: 'line',
          equipment: [
            {
              code: 'FM-1',
              name: '1#铝箔精轧机',
              nameEn: 'Foil finishing mill No.1',
              class: 'foil_mill',
              attributes: {
                nameEn: 'Foil finishing mill No.1',
                finalThicknessMinMm: 0.006,
                maxWidthMm: 2000,
                maxRollingSpeedMPerMin: 2000,
                source: 'iom3-siemens-foil',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'HT',
      name: '热处理车间',
      nameEn: 'Heat Treatment Shop',
      lines: [
        {
          code: 'ANN',
          name: '退火炉组',
          nameEn: 'Annealing furnace group',
          kind: 'work_center',
          equipment: [1, 2].map((n) => ({
            code: `AF-${n}`,
            name: `${n}#卷材退火炉`,
            nameEn: `Coil annealing furnace No.${n}`,
            class: 'annealing_furnace' as const,
            attributes: {
              nameEn: `Coil annealing furnace No.${n}`,
              batchCapacityT: 40,
              controlZones: 6,
              source: 'docs360-nela-furnace',
              sourceFile: EQUIPMENT_JSON,
            },
          })),
        },
        {
          code: 'FANN',
          name: '箔材退火炉组',
          nameEn: 'Foil annealing furnace group',
          kind: 'work_center',
          equipment: [
            {
              code: 'AF-3',
              name: '3#箔材退火炉',
              nameEn: 'Foil annealing furnace No.3',
              class: 'annealing_furnace',
              attributes: {
                nameEn: 'Foil annealing furnace No.3',
                cycleDays: '3-5',
                emptyFurnaceCoolingH: '5-6',
                source: 'pulito-foil-furnace',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'FIN',
      name: '精整车间',
      nameEn: 'Finishing Shop',
      lines: [
        {
          code: 'SLL-1',
          name: '1#纵剪线',
          nameEn: 'Slitting line 1',
          kind: 'line',
          equipment: [
            {
              code: 'SL-1',
              name: '1#纵剪机组',
              nameEn: 'Slitter No.1',
              class: 'slitter',
              attributes: {
                nameEn: 'Slitter No.1',
                maxStripWidthMm: 1650,
                stripThicknessMm: '0.3-6.35',
                knifeLockingPressureMpa: 25,
                source: 'yumpu-alro-salico',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
        {
          code: 'CTLL-1',
          name: '1#横切线',
          nameEn: 'Cut-to-length line 1',
          kind: 'line',
          equipment: [
            {
              code: 'CTL-1',
              name: '1#横切机组',
              nameEn: 'Cut-to-length line No.1',
              class: 'cut_to_length_line',
              attributes: {
                nameEn: 'Cut-to-length line No.1',
                note: 'no published figures in shared/domain; rates in routings are assumptions',
                source: 'assumption',
              },
            },
          ],
        },
        {
          code: 'PKL-1',
          name: '1#包装线',
          nameEn: 'Packing line 1',
          kind: 'line',
          equipment: [
            {
              code: 'PK-1',
              name: '1#卷材包装机',
              nameEn: 'Coil packing station No.1',
              class: 'other',
              attributes: {
                nameEn: 'Coil packing station No.1',
                note: 'no published figures in shared/domain; rates in routings are assumptions',
                source: 'assumption',
              },
            },
          ],
        },
      ],
    },
  ],
};

const extrusionPlant: TDemoPlant = {
  code: 'EP',
  name: '挤压厂',
  nameEn: 'Extrusion Plant',
  timezone: 'Asia/Shanghai',
  address: { line1: '武进高新区 16 号', city: '常州', province: '江苏', postalCode: '213164', country: 'CN' },
  areas: [
    {
      code: 'BIL',
      name: '铸棒均质车间',
      nameEn: 'Billet Homogenizing Shop',
      lines: [
        {
          code: 'HOM',
          name: '均质炉组',
          nameEn: 'Homogenizing furnaces',
          kind: 'work_center',
          equipment: [
            {
              code: 'HF-1',
              name: '1#铸棒均质炉',
              nameEn: 'Billet homogenizing furnace No.1',
              class: 'homogenizing_furnace',
              attributes: {
                nameEn: 'Billet homogenizing furnace No.1',
                metalTempC: '480-530',
                soakTimeH: '6-36',
                cooling: 'air or furnace',
                source: 'csklinok-homog',
                sourceFile: 'shared/domain/process-rules.json',
              },
            },
          ],
        },
        {
          code: 'BCL-1',
          name: '1#圆棒铸造线',
          nameEn: 'Billet casting line 1',
          kind: 'line',
          equipment: [
            {
              code: 'BC-1',
              name: '1#圆铸棒半连续铸造机',
              nameEn: 'DC billet caster No.1',
              class: 'casting_machine',
              attributes: {
                nameEn: 'DC billet caster No.1',
                billetLogLengthMaxM: 7,
                source: 'hydro-primer',
                sourceFile: EQUIPMENT_JSON,
              },
            },
          ],
        },
      ],
    },
    {
      code: 'EXT',
      name: '挤压车间',
      nameEn: 'Extrusion Shop',
      lines: [
        {
          code: 'EXL-1',
          name: '1#挤压线',
          nameEn: 'Extrusion line 1',
          kind: 'line',
          equipment: [
            {
              code: 'EXP-1',
              name: '1# 35MN 挤压机',
              nameEn: 'Extrusion press No.1 (35 MN)',
              class: 'extrusion_press',
              attributes: {
                nameEn: 'Extrusion press No.1 (35 MN)',
                pressForceMN: 35,
                billetDiameterMm: 254,
                billetLengthMaxMm: 1400,
                annualCapacityT: 10000,
                source: 'sms-exlabesa35',
                sourceFile: EQUIPMENT_JSON,
              },
            },
            {
              code: 'QT-1',
              name: '1#挤压在线淬火',
              nameEn: 'Press-exit quench No.1',
              class: 'other',
              attributes: {
                nameEn: 'Press-exit quench No.1',
                note: 'press-exit quench in line with the press; no separate published figures',
                source: 'assumption',
              },
            },
            {
              code: 'SAW-1',
              name: '1#成品锯',
              nameEn: 'Finish saw No.1',
              class: 'cut_to_length_line',
              attributes: {
                nameEn: 'Finish saw No.1',
                note: 'finish saw (4-6 m lengths before ageing, profilgruppen-ageing); rates are assumptions',
                source: 'assumption',
              },
            },
            {
              code: 'STR-1',
              name: '1#型材拉伸矫直机',
              nameEn: 'Profile stretcher No.1',
              class: 'stretcher',
              attributes: {
                nameEn: 'Profile stretcher No.1',
                permanentSetPct: '0.5-3',
                source: 'alumeco',
                sourceFile: 'shared/domain/tempers.json',
              },
            },
          ],
        },
        {
          code: 'EXL-2',
          name: '2#挤压线',
          nameEn: 'Extrusion line 2',
          kind: 'line',
          equipment: [
            {
              code: 'EXP-2',
              name: '2# 55MN 挤压机',
              nameEn: 'Extrusion press No.2 (55 MN)',
              class: 'extrusion_press',
              attributes: {
                nameEn: 'Extrusion press No.2 (55 MN)',
                pressForceMN: 55,
                billetDiameterMm: 304.8,
                billetLengthMaxMm: 1600,
                billetTempC: 480,
                annualCapacityT: 8000,
                source: 'foundryplanet-thoeni',
                sourceFile: EQUIPMENT_JSON,
              },
            },
            {
              code: 'QT-2',
              name: '2#挤压在线淬火',
              nameEn: 'Press-exit quench No.2',
              class: 'other',
              attributes: {
                nameEn: 'Press-exit quench No.2',
                note: 'press-exit quench in line with the press; no separate published figures',
                source: 'assumption',
              },
            },
            {
              code: 'SAW-2',
              name: '2#成品锯',
              nameEn: 'Finish saw No.2',
              class: 'cut_to_length_line',
              attributes: {
                nameEn: 'Finish saw No.2',
                note: 'finish saw (4-6 m lengths before ageing, profilgruppen-ageing); rates are assumptions',
                source: 'assumption',
              },
            },
          ],
        },
      ],
    },
    {
      code: 'AGE',
      name: '时效车间',
      nameEn: 'Ageing Shop',
      lines: [
        {
          code: 'AGO',
          name: '时效炉组',
          nameEn: 'Ageing ovens',
          kind: 'work_center',
          equipment: [1, 2].map((n) => ({
            code: `AO-${n}`,
            name: `${n}#时效炉`,
            nameEn: `Ageing oven No.${n}`,
            class: 'ageing_oven' as const,
            attributes: {
              nameEn: `Ageing oven No.${n}`,
              metalTempC: '175-185',
              soakTimeH: '5-8',
              source: 'profilgruppen-ageing',
              sourceFile: 'shared/domain/process-rules.json',
            },
          })),
        },
      ],
    },
  ],
};

export const DEMO_TENANTS: readonly TDemoTenant[] = [
  {
    slug: 'east-china-al',
    name: '华东铝业',
    nameEn: 'East China Aluminium',
    kind: 'group',
    defaultLocale: 'zh-CN',
    plants: [rollingPlant, extrusionPlant],
    members: [
      {
        email: 'admin@east-china-al.demo',
        displayName: '王敏 (Wang Min)',
        roles: ['tenant_admin'],
        plantCodes: [],
      },
      {
        email: 'planner@east-china-al.demo',
        displayName: '李强 (Li Qiang)',
        roles: ['planner'],
        plantCodes: ['RP'],
      },
    ],
  },
  {
    slug: 'jiangnan-copper',
    name: '江南铜材',
    nameEn: 'Jiangnan Copper',
    kind: 'company',
    defaultLocale: 'zh-CN',
    plants: [
      {
        code: 'CSP',
        name: '铜板带厂',
        nameEn: 'Copper Strip Plant',
        timezone: 'Asia/Shanghai',
        address: {
          line1: '鹰潭工业园 2 号',
          city: '鹰潭',
          province: '江西',
          postalCode: '335000',
          country: 'CN',
        },
        areas: [
          {
            code: 'CR',
            name: '冷轧车间',
            nameEn: 'Cold Rolling Shop',
            lines: [
              {
                code: 'CRL-1',
                name: '1#铜带冷轧线',
                nameEn: 'Copper strip cold rolling line 1',
                kind: 'line',
                equipment: [
                  {
                    code: 'CM-1',
                    name: '1#四辊可逆冷轧机',
                    nameEn: 'Reversing cold mill No.1 (4-high)',
                    class: 'cold_mill',
                    attributes: {
                      nameEn: 'Reversing cold mill No.1 (4-high)',
                      maxRollingSpeedMPerMin: 360,
                      exitThicknessMinMm: 0.2,
                      source: 'ezt-china-cold',
                      sourceFile: EQUIPMENT_JSON,
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    members: [
      {
        email: 'admin@jiangnan-copper.demo',
        displayName: '陈静 (Chen Jing)',
        roles: ['tenant_admin'],
        plantCodes: [],
      },
    ],
  },
];

export const DEMO_PLATFORM_ADMIN = {
  email: 'platform@ingot.demo',
  displayName: 'Ingot Platform Admin',
} as const;

/**
 * Customer organisations on the platform (partner portal, issue 6): each is a tenant of its own, linked to the
 * issuing tenant by a customer partnership (scope orders.read) and to one of its demo customers; its member signs in
 * with role customer and sees that customer's orders and certificates only.
 */
export interface TDemoCustomerPartner {
  /** The issuing tenant (the mill). */
  tenantSlug: string;
  /** The customer organisation's own tenant. */
  partnerSlug: string;
  name: string;
  nameEn: string;
  /** The issuing tenant's customer (demo-orders-data.ts) the partnership stands for. */
  customerCode: string;
  member: { email: string; displayName: string };
}

export const DEMO_CUSTOMER_PARTNERS: readonly TDemoCustomerPartner[] = [
  {
    tenantSlug: 'east-china-al',
    partnerSlug: 'suzhou-can',
    name: '苏州易拉罐有限公司',
    nameEn: 'Suzhou Can Co.',
    customerCode: 'C-CAN',
    member: { email: 'buyer@suzhou-can.demo', displayName: '周洁 (Zhou Jie)' },
  },
];
