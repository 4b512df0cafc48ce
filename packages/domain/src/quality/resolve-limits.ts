import type { TCharacteristicCode, TProductFamily, TResolvedLimit } from '@ingot/contracts';
import { lookupThicknessTolerance } from '../master-data/thickness-tolerance.ts';
import { COPPER_CONDUCTIVITY_MIN, lookupMechanicalProperties } from './limit-tables.ts';

/** A plan characteristic as stored. */
export interface TPlanCharacteristic {
  id: string;
  code: string;
  element: string;
  unit: string;
  nominal: number | null;
  lowerLimit: number | null;
  upperLimit: number | null;
  limitSource: string;
  method: string;
  samplesPerLot: number;
}

/** What the limits are resolved against: the order's spec when the lot was made for one, else the lot itself. */
export interface TLimitContext {
  spec: {
    code: string;
    thicknessMm: number;
    thicknessTolMinus: number;
    thicknessTolPlus: number;
    widthMm: number | null;
    widthTolMinus: number | null;
    widthTolPlus: number | null;
  } | null;
  productFamily: TProductFamily | null;
  alloy: { code: string; composition: Record<string, { min?: number; max?: number } | undefined> } | null;
  temperCode: string | null;
  thicknessMm: number | null;
  widthMm: number | null;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
type TLimits = Pick<TResolvedLimit, 'nominal' | 'lower' | 'upper' | 'source' | 'unresolved'>;
const unresolved = (source: string, why: string): TLimits => ({
  nominal: null,
  lower: null,
  upper: null,
  source,
  unresolved: why,
});

const GRADE_OF_TABLE: Record<string, 'en485' | 'gb-ordinary' | 'gb-high'> = {
  'table:EN485-4-cold-rolled': 'en485',
  'table:GBT3880.3-2006-ordinary': 'gb-ordinary',
  'table:GBT3880.3-2006-high-precision': 'gb-high',
};

function limitsOf(c: TPlanCharacteristic, x: TLimitContext): TLimits {
  const src = c.limitSource;
  const code = c.code as TCharacteristicCode;
  if (src === 'manual') {
    return {
      nominal: c.nominal,
      lower: c.lowerLimit,
      upper: c.upperLimit,
      source: 'manual',
      unresolved: null,
    };
  }
  if (src === 'spec') {
    const s = x.spec;
    if (!s) return unresolved(src, 'the lot was made for no order, so there is no product spec');
    if (code === 'thickness') {
      return {
        nominal: s.thicknessMm,
        lower: r6(s.thicknessMm - s.thicknessTolMinus),
        upper: r6(s.thicknessMm + s.thicknessTolPlus),
        source: `spec:${s.code}`,
        unresolved: null,
      };
    }
    if (code === 'width') {
      if (s.widthMm === null) return unresolved(src, `spec ${s.code} has no width`);
      return {
        nominal: s.widthMm,
        lower: r6(s.widthMm - (s.widthTolMinus ?? 0)),
        upper: r6(s.widthMm + (s.widthTolPlus ?? 0)),
        source: `spec:${s.code}`,
        unresolved: null,
      };
    }
    return unresolved(src, `a product spec gives no limits for ${code}`);
  }
  if (src === 'alloy') {
    if (!x.alloy) return unresolved(src, 'the lot has no alloy');
    const row = x.alloy.composition[c.element];
    if (!row || (row.min === undefined && row.max === undefined)) {
      return unresolved(src, `alloy ${x.alloy.code} has no composition limit for ${c.element}`);
    }
    return {
      nominal: null,
      lower: row.min ?? null,
      upper: row.max ?? null,
      source: `alloy:${x.alloy.code}`,
      unresolved: null,
    };
  }
  const grade = GRADE_OF_TABLE[src];
  if (grade) {
    const t = x.spec?.thicknessMm ?? x.thicknessMm;
    const w = x.spec?.widthMm ?? x.widthMm;
    if (!x.alloy || t === null || w === null) {
      return unresolved(src, 'the tolerance table needs the alloy, thickness and width');
    }
    const tol = lookupThicknessTolerance({ alloyCode: x.alloy.code, thicknessMm: t, widthMm: w, grade });
    if (!tol.found) return unresolved(src, tol.reason);
    return {
      nominal: t,
      lower: r6(t - tol.plusMinusMm),
      upper: r6(t + tol.plusMinusMm),
      source: `${src} (${tol.note})`,
      unresolved: null,
    };
  }
  if (src === 'table:mechanical-properties') {
    const t = x.spec?.thicknessMm ?? x.thicknessMm;
    if (!x.alloy || !x.temperCode || t === null) {
      return unresolved(src, 'the mechanical-property table needs the alloy, temper and thickness');
    }
    const row = lookupMechanicalProperties({
      alloyCode: x.alloy.code,
      temperCode: x.temperCode,
      productFamily: x.productFamily,
      thicknessMm: t,
    });
    const what = `${x.alloy.code}-${x.temperCode} ${t} mm`;
    if (!row) return unresolved(src, `no mechanical-property row for ${what}`);
    const source = `${src} (${row.standard}, ${row.over} < t <= ${row.upTo} mm)`;
    if (code === 'tensile_strength' && row.rmMin !== null) {
      return { nominal: null, lower: row.rmMin, upper: row.rmMax, source, unresolved: null };
    }
    if (code === 'yield_strength' && row.rp02Min !== null) {
      return { nominal: null, lower: row.rp02Min, upper: null, source, unresolved: null };
    }
    if (code === 'elongation' && row.elongationMin !== null) {
      return { nominal: null, lower: row.elongationMin, upper: null, source, unresolved: null };
    }
    return unresolved(src, `the row for ${what} has no ${code} figure`);
  }
  if (src === 'table:copper-conductivity') {
    const row = x.alloy ? COPPER_CONDUCTIVITY_MIN[x.alloy.code] : undefined;
    if (!x.alloy || !row) return unresolved(src, `no conductivity minimum for ${x.alloy?.code ?? 'the lot'}`);
    return { nominal: null, lower: row.min, upper: null, source: `${src} (${row.source})`, unresolved: null };
  }
  return unresolved(src, `unknown limit source ${src}`);
}

/**
 * The limits in force for each characteristic, resolved from the plan, the order's spec, the alloy and the
 * reference tables. A characteristic whose limits cannot be resolved is kept with `unresolved` set (its results
 * never pass), so a lot is never released against a limit nobody has checked.
 */
export function resolveLimits(
  characteristics: readonly TPlanCharacteristic[],
  context: TLimitContext,
): TResolvedLimit[] {
  return characteristics.map((c) => ({
    characteristicId: c.id,
    code: c.code as TCharacteristicCode,
    element: c.element,
    unit: c.unit,
    ...limitsOf(c, context),
    samplesRequired: c.samplesPerLot,
    method: c.method,
  }));
}
