import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZCode, ZComposition } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { lookupThicknessTolerance } from '../master-data/thickness-tolerance.ts';
import { THICKNESS_TOLERANCE_TABLES } from '../master-data/thickness-tolerance-tables.ts';
import { DEMO_ALLOYS, DEMO_ALUMINIUM_TEMPERS } from './demo-metals.ts';
import { DEMO_ORDER_BOOKS } from './demo-orders-data.ts';

/** The reference data the demo was transcribed from (missing data fails the test, it is never skipped). */
const SHARED = path.resolve(import.meta.dirname, '../../../../../shared/domain');
const json = (file: string) => JSON.parse(readFileSync(path.join(SHARED, file), 'utf8'));

describe('demo metals transcribed from shared/domain', () => {
  it('has every alloy of alloys.json with the same composition limits, density and source', () => {
    const source = json('alloys.json').alloys as Array<{
      id: string;
      composition_wt_pct: Record<string, { min?: number; max?: number; remainder?: boolean }>;
      composition_source: string;
      density_g_cm3: { value: number };
    }>;
    expect(DEMO_ALLOYS.map((a) => a.code)).toEqual(source.map((a) => a.id));
    for (const a of source) {
      const demo = DEMO_ALLOYS.find((d) => d.code === a.id);
      expect(demo?.compositionSource, a.id).toBe(a.composition_source);
      expect(demo?.density, a.id).toBe(a.density_g_cm3.value);
      for (const [el, lim] of Object.entries(a.composition_wt_pct)) {
        expect(demo?.composition[el]?.min, `${a.id} ${el}`).toBe(lim.min);
        expect(demo?.composition[el]?.max, `${a.id} ${el}`).toBe(lim.max);
      }
      expect(ZComposition.safeParse(demo?.composition).success, a.id).toBe(true);
      expect(ZCode.safeParse(a.id).success).toBe(true);
    }
    expect(DEMO_ALLOYS.map((a) => a.code)).toEqual(
      expect.arrayContaining([
        '1060',
        '1235',
        '3003',
        '3104',
        '5052',
        '5083',
        '6061',
        '6063',
        '8011',
        'C11000',
        'C26000',
      ]),
    );
  });

  it('has the tempers of tempers.json, citing their source', () => {
    const source = json('tempers.json').tempers as Array<{ code: string; definition: { source: string } }>;
    expect(DEMO_ALUMINIUM_TEMPERS.map((t) => t.code)).toEqual(source.map((t) => t.code));
    for (const t of source)
      expect(DEMO_ALUMINIUM_TEMPERS.find((d) => d.code === t.code)?.source).toBe(t.definition.source);
  });

  it('has the thickness tolerance tables of thickness-tolerances.json, row for row', () => {
    const source = json('thickness-tolerances.json').tables as Array<{
      id: string;
      rows: Array<{
        thickness_mm: { over: number; up_to: number };
        tolerance_pm_mm: Record<string, unknown>;
      }>;
    }>;
    for (const table of THICKNESS_TOLERANCE_TABLES) {
      const s = source.find((t) => t.id === table.id);
      expect(s?.rows.length, table.id).toBe(table.rows.length);
      table.rows.forEach((r, i) => {
        const sr = s?.rows[i];
        expect([r.over, r.upTo]).toEqual([sr?.thickness_mm.over, sr?.thickness_mm.up_to]);
        for (const [band, v] of Object.entries(sr?.tolerance_pm_mm ?? {})) {
          const mine = r.pm[band as keyof typeof r.pm];
          if (v && typeof v === 'object') {
            const g = v as { group_I: number | null; group_II: number | null };
            expect(mine).toEqual({ groupI: g.group_I, groupII: g.group_II });
          } else expect(mine).toBe(v);
        }
      });
    }
  });
});

describe('demo order books', () => {
  it('gives every spec a tolerance that the tables can answer, and names a basis for every rate', () => {
    for (const book of DEMO_ORDER_BOOKS) {
      for (const s of book.specs) {
        if (s.tolerance.kind === 'en485') {
          const t = lookupThicknessTolerance({
            alloyCode: s.alloy,
            thicknessMm: s.thicknessMm,
            widthMm: s.widthMm ?? 0,
            grade: 'en485',
          });
          expect(t.found, s.code).toBe(true);
        }
        expect(ZCode.safeParse(s.code).success, s.code).toBe(true);
      }
      for (const r of book.routings)
        for (const step of r.steps) {
          expect(step.yield).toBeGreaterThan(0);
          expect(step.yield).toBeLessThanOrEqual(1);
          expect(step.yieldBasis.length, `${r.code} ${step.op}`).toBeGreaterThan(0);
          for (const rate of step.rates)
            expect(rate.basis.length, `${r.code} ${rate.equipment}`).toBeGreaterThan(3);
        }
    }
  });

  it('has the two routings the issue names, step for step', () => {
    const east = DEMO_ORDER_BOOKS.find((b) => b.tenantSlug === 'east-china-al');
    const ops = (code: string) => east?.routings.find((r) => r.code === code)?.steps.map((s) => s.op);
    expect(ops('R-STRIP-3003-H14')).toEqual([
      'dc_casting',
      'homogenizing',
      'hot_rolling',
      'cold_rolling',
      'intermediate_anneal',
      'cold_rolling',
      'slitting',
      'packing',
    ]);
    expect(ops('R-PROF-6063-T5')).toEqual([
      'billet_casting',
      'homogenizing',
      'extrusion',
      'quench',
      'stretching',
      'cutting',
      'ageing',
    ]);
  });
});
