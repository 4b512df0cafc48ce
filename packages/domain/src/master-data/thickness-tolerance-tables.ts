// Transcribed from shared/domain/thickness-tolerances.json (compiled 2026-11-29); source ids kept per table.
// Generated once by a script; a unit test compares it with the JSON so it cannot drift silently.

export type TWidthBand = 'w<=1000' | '1000<w<=1250' | '1250<w<=1600' | '1600<w<=2000' | '2000<w<=2500';
export interface TToleranceRow {
  over: number;
  upTo: number;
  pm: Partial<Record<TWidthBand, { groupI: number | null; groupII: number | null } | number | null>>;
}
export interface TToleranceTable {
  id: string;
  standard: string;
  source: string;
  rows: TToleranceRow[];
}
export const THICKNESS_TOLERANCE_TABLES: readonly TToleranceTable[] = [
  {
    id: 'EN485-4-cold-rolled',
    standard: 'EN 485-4 (cold-rolled sheet, strip and plate)',
    source: 'lag-en485-4',
    rows: [
      {
        over: 0.2,
        upTo: 0.4,
        pm: {
          'w<=1000': {
            groupI: 0.02,
            groupII: 0.03,
          },
          '1000<w<=1250': {
            groupI: 0.04,
            groupII: 0.05,
          },
          '1250<w<=1600': {
            groupI: 0.05,
            groupII: 0.06,
          },
          '1600<w<=2000': {
            groupI: null,
            groupII: null,
          },
        },
      },
      {
        over: 0.4,
        upTo: 0.5,
        pm: {
          'w<=1000': {
            groupI: 0.03,
            groupII: 0.03,
          },
          '1000<w<=1250': {
            groupI: 0.04,
            groupII: 0.05,
          },
          '1250<w<=1600': {
            groupI: 0.05,
            groupII: 0.06,
          },
          '1600<w<=2000': {
            groupI: 0.06,
            groupII: 0.07,
          },
        },
      },
      {
        over: 0.5,
        upTo: 0.6,
        pm: {
          'w<=1000': {
            groupI: 0.03,
            groupII: 0.04,
          },
          '1000<w<=1250': {
            groupI: 0.05,
            groupII: 0.06,
          },
          '1250<w<=1600': {
            groupI: 0.06,
            groupII: 0.07,
          },
          '1600<w<=2000': {
            groupI: 0.07,
            groupII: 0.08,
          },
        },
      },
      {
        over: 0.6,
        upTo: 0.8,
        pm: {
          'w<=1000': {
            groupI: 0.03,
            groupII: 0.04,
          },
          '1000<w<=1250': {
            groupI: 0.06,
            groupII: 0.07,
          },
          '1250<w<=1600': {
            groupI: 0.07,
            groupII: 0.08,
          },
          '1600<w<=2000': {
            groupI: 0.08,
            groupII: 0.09,
          },
        },
      },
      {
        over: 0.8,
        upTo: 1.0,
        pm: {
          'w<=1000': {
            groupI: 0.04,
            groupII: 0.05,
          },
          '1000<w<=1250': {
            groupI: 0.06,
            groupII: 0.08,
          },
          '1250<w<=1600': {
            groupI: 0.08,
            groupII: 0.09,
          },
          '1600<w<=2000': {
            groupI: 0.09,
            groupII: 0.1,
          },
        },
      },
      {
        over: 1.0,
        upTo: 1.2,
        pm: {
          'w<=1000': {
            groupI: 0.04,
            groupII: 0.05,
          },
          '1000<w<=1250': {
            groupI: 0.07,
            groupII: 0.09,
          },
          '1250<w<=1600': {
            groupI: 0.09,
            groupII: 0.1,
          },
          '1600<w<=2000': {
            groupI: 0.1,
            groupII: 0.12,
          },
        },
      },
      {
        over: 1.2,
        upTo: 1.5,
        pm: {
          'w<=1000': {
            groupI: 0.05,
            groupII: 0.07,
          },
          '1000<w<=1250': {
            groupI: 0.09,
            groupII: 0.11,
          },
          '1250<w<=1600': {
            groupI: 0.1,
            groupII: 0.12,
          },
          '1600<w<=2000': {
            groupI: 0.11,
            groupII: 0.14,
          },
        },
      },
      {
        over: 1.5,
        upTo: 1.8,
        pm: {
          'w<=1000': {
            groupI: 0.06,
            groupII: 0.08,
          },
          '1000<w<=1250': {
            groupI: 0.1,
            groupII: 0.12,
          },
          '1250<w<=1600': {
            groupI: 0.11,
            groupII: 0.13,
          },
          '1600<w<=2000': {
            groupI: 0.12,
            groupII: 0.15,
          },
        },
      },
      {
        over: 1.8,
        upTo: 2.0,
        pm: {
          'w<=1000': {
            groupI: 0.06,
            groupII: 0.09,
          },
          '1000<w<=1250': {
            groupI: 0.11,
            groupII: 0.13,
          },
          '1250<w<=1600': {
            groupI: 0.12,
            groupII: 0.14,
          },
          '1600<w<=2000': {
            groupI: 0.14,
            groupII: 0.16,
          },
        },
      },
      {
        over: 2.0,
        upTo: 2.5,
        pm: {
          'w<=1000': {
            groupI: 0.07,
            groupII: 0.1,
          },
          '1000<w<=1250': {
            groupI: 0.12,
            groupII: 0.14,
          },
          '1250<w<=1600': {
            groupI: 0.13,
            groupII: 0.15,
          },
          '1600<w<=2000': {
            groupI: 0.15,
            groupII: 0.17,
          },
        },
      },
      {
        over: 2.5,
        upTo: 3.0,
        pm: {
          'w<=1000': {
            groupI: 0.08,
            groupII: 0.11,
          },
          '1000<w<=1250': {
            groupI: 0.13,
            groupII: 0.15,
          },
          '1250<w<=1600': {
            groupI: 0.15,
            groupII: 0.17,
          },
          '1600<w<=2000': {
            groupI: 0.17,
            groupII: 0.19,
          },
        },
      },
      {
        over: 3.0,
        upTo: 3.5,
        pm: {
          'w<=1000': {
            groupI: 0.1,
            groupII: 0.12,
          },
          '1000<w<=1250': {
            groupI: 0.15,
            groupII: 0.17,
          },
          '1250<w<=1600': {
            groupI: 0.17,
            groupII: 0.19,
          },
          '1600<w<=2000': {
            groupI: 0.18,
            groupII: 0.2,
          },
        },
      },
      {
        over: 3.5,
        upTo: 4.0,
        pm: {
          'w<=1000': {
            groupI: 0.15,
            groupII: 0.15,
          },
          '1000<w<=1250': {
            groupI: 0.2,
            groupII: 0.2,
          },
          '1250<w<=1600': {
            groupI: 0.22,
            groupII: 0.22,
          },
          '1600<w<=2000': {
            groupI: 0.23,
            groupII: 0.23,
          },
        },
      },
      {
        over: 4.0,
        upTo: 5.0,
        pm: {
          'w<=1000': {
            groupI: 0.18,
            groupII: 0.18,
          },
          '1000<w<=1250': {
            groupI: 0.22,
            groupII: 0.22,
          },
          '1250<w<=1600': {
            groupI: 0.24,
            groupII: 0.24,
          },
          '1600<w<=2000': {
            groupI: 0.25,
            groupII: 0.25,
          },
        },
      },
      {
        over: 5.0,
        upTo: 6.0,
        pm: {
          'w<=1000': {
            groupI: 0.2,
            groupII: 0.2,
          },
          '1000<w<=1250': {
            groupI: 0.24,
            groupII: 0.24,
          },
          '1250<w<=1600': {
            groupI: 0.25,
            groupII: 0.25,
          },
          '1600<w<=2000': {
            groupI: 0.26,
            groupII: 0.26,
          },
        },
      },
    ],
  },
  {
    id: 'GBT3880.3-2006-ordinary',
    standard: 'GB/T 3880.3-2006 cold-rolled sheet/strip, ordinary grade (普通级), rows >3.5 mm',
    source: 'hw-gbt3880-3',
    rows: [
      {
        over: 3.5,
        upTo: 4.0,
        pm: {
          'w<=1000': 0.15,
          '1000<w<=1250': 0.18,
          '1250<w<=1600': 0.18,
          '1600<w<=2000': 0.23,
          '2000<w<=2500': 0.24,
        },
      },
      {
        over: 4.0,
        upTo: 5.0,
        pm: {
          'w<=1000': 0.23,
          '1000<w<=1250': 0.24,
          '1250<w<=1600': 0.24,
          '1600<w<=2000': 0.26,
          '2000<w<=2500': 0.28,
        },
      },
      {
        over: 5.0,
        upTo: 6.0,
        pm: {
          'w<=1000': 0.25,
          '1000<w<=1250': 0.26,
          '1250<w<=1600': 0.26,
          '1600<w<=2000': 0.26,
          '2000<w<=2500': 0.28,
        },
      },
    ],
  },
  {
    id: 'GBT3880.3-2006-high-precision',
    standard: 'GB/T 3880.3-2006 cold-rolled sheet/strip, high-precision grade (高精级), rows >3.5 mm',
    source: 'hw-gbt3880-3',
    rows: [
      {
        over: 3.5,
        upTo: 4.0,
        pm: {
          'w<=1000': 0.15,
          '1000<w<=1250': 0.17,
          '1250<w<=1600': 0.17,
          '1600<w<=2000': 0.19,
          '2000<w<=2500': 0.19,
        },
      },
      {
        over: 4.0,
        upTo: 5.0,
        pm: {
          'w<=1000': 0.18,
          '1000<w<=1250': 0.22,
          '1250<w<=1600': 0.22,
          '1600<w<=2000': 0.25,
          '2000<w<=2500': 0.28,
        },
      },
      {
        over: 5.0,
        upTo: 6.0,
        pm: {
          'w<=1000': 0.2,
          '1000<w<=1250': 0.24,
          '1250<w<=1600': 0.24,
          '1600<w<=2000': 0.26,
          '2000<w<=2500': 0.28,
        },
      },
    ],
  },
];
/** EN 485-4 alloy groups (zhss-en485-4, righton-en485). Alloys in neither list have no known group. */
export const EN485_GROUP_I: readonly string[] = [
  '1080A',
  '1070A',
  '1050A',
  '1200',
  '3003',
  '3005',
  '3103',
  '3105',
  '4006',
  '4007',
  '5005',
  '5050',
  '8011A',
];
export const EN485_GROUP_II: readonly string[] = [
  '2014',
  '2017A',
  '2024',
  '3004',
  '5040',
  '5049',
  '5086',
  '5251',
  '5052',
  '5154A',
  '5454',
  '5754',
  '5182',
  '5083',
  '6061',
  '6082',
  '7020',
  '7021',
  '7022',
  '7075',
];
/** Foil gauge practice (% of nominal), supplier documents, low reliability. */
export const FOIL_GAUGE_PRACTICE = [
  { from: 0.005, upTo: 0.2, pct: 5, source: 'iranianroll-foil' },
  { from: 0.006, upTo: 0.009, pct: 6, source: 'kingyeae-tol' },
  { from: 0.009, upTo: 0.2, pct: 5, source: 'kingyeae-tol' },
] as const;
