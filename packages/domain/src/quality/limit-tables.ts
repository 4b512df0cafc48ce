import type { TProductFamily } from '@ingot/contracts';
import { MECHANICAL_PROPERTY_ROWS, type TMechanicalPropertyRow } from './mechanical-property-table.ts';

/**
 * Minimum electrical conductivity (% IACS) of copper grades, from shared/domain/alloys.json
 * (`electrical_conductivity_IACS_pct_min`). Only grades a source gave are listed; others are not guessed.
 */
export const COPPER_CONDUCTIVITY_MIN: Readonly<Record<string, { min: number; source: string }>> = {
  C10200: { min: 100, source: 'alloys.json C10200 (wiki-ofc)' },
};

function productGroup(family: TProductFamily | null): TMechanicalPropertyRow['product'] | null {
  if (family === 'plate' || family === 'sheet' || family === 'strip_coil') return 'flat';
  if (family === 'foil') return 'foil';
  if (family === 'extrusion_profile' || family === 'rod_wire' || family === 'tube') return 'extrusion';
  return null;
}

/**
 * The mechanical-property row for an alloy, temper, product and thickness (EN rows preferred over ASTM/GB when
 * both cover the band), or null when the transcribed tables have none.
 */
export function lookupMechanicalProperties(input: {
  alloyCode: string;
  temperCode: string;
  productFamily: TProductFamily | null;
  thicknessMm: number;
}): TMechanicalPropertyRow | null {
  const group = productGroup(input.productFamily);
  const rows = MECHANICAL_PROPERTY_ROWS.filter(
    (r) =>
      r.alloy === input.alloyCode &&
      r.tempers.includes(input.temperCode) &&
      (group === null || r.product === group) &&
      input.thicknessMm > r.over &&
      input.thicknessMm <= r.upTo,
  );
  const rank = (r: TMechanicalPropertyRow) =>
    r.standard.startsWith('EN') ? 0 : r.standard.startsWith('GB') ? 1 : 2;
  return [...rows].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
