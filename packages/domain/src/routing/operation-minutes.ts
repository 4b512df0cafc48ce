import type { TRateUnit } from '@ingot/contracts';

export interface TRateInput {
  rate: number;
  rateUnit: TRateUnit;
  fixedMinutes: number;
  /** Furnace charge limit in tonnes (equipment attribute `batchCapacityT`); unknown = the lot is one charge. */
  batchCapacityT?: number | null | undefined;
}

export interface TLoadInput {
  /** Tonnes entering the operation. */
  inputT: number;
  /** Strip/sheet cross-section at the finished size, for m/min rates. */
  thicknessMm: number;
  widthMm: number | null;
  /** g/cm3 (= t/m3) */
  density: number | null;
}

/**
 * Minutes an operation occupies an equipment, from its routing rate:
 * - t/h: input tonnes / rate;
 * - m/min: length of the input at the FINISHED cross-section (tonnes / (thickness x width x density)) / speed —
 *   the strip is thicker, so shorter, at earlier passes: this over-estimates intermediate passes (conservative);
 * - h per batch: number of charges (input / batch capacity, rounded up) x hours per charge;
 * plus the fixed minutes per lot. Null when an m/min rate meets a product without width or density.
 */
export function routingOperationMinutes(rate: TRateInput, load: TLoadInput): number | null {
  let minutes: number;
  switch (rate.rateUnit) {
    case 't_per_h':
      minutes = (load.inputT / rate.rate) * 60;
      break;
    case 'm_per_min': {
      if (load.widthMm === null || load.density === null) return null;
      const tonnesPerMetre = (load.thicknessMm / 1000) * (load.widthMm / 1000) * load.density;
      minutes = load.inputT / tonnesPerMetre / rate.rate;
      break;
    }
    case 'h_per_batch': {
      const capacity = rate.batchCapacityT && rate.batchCapacityT > 0 ? rate.batchCapacityT : null;
      const charges = capacity ? Math.max(1, Math.ceil(load.inputT / capacity - 1e-9)) : 1;
      minutes = charges * rate.rate * 60;
      break;
    }
  }
  return minutes + rate.fixedMinutes;
}
