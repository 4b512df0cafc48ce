import type { TLotKind } from '@ingot/contracts';

/** Equipment that runs several operations at once (a furnace charge): starting one more is not a conflict. */
export const BATCH_EQUIPMENT_CLASSES: ReadonlySet<string> = new Set([
  'annealing_furnace',
  'homogenizing_furnace',
  'ageing_oven',
]);

/**
 * How far the actual yield (good output / input) may stray from the routing step's yield before the finish is
 * flagged for the planner and quality: 3 percentage points. Rolling and slitting yields sit around 0.93-0.99, so a
 * larger gap points at a weighing error, an unreported scrap or a process problem.
 */
export const YIELD_TOLERANCE = 0.03;

/** Weighing tolerance of a mass balance (scales at entry and exit differ by a few tenths of a percent). */
export const MASS_BALANCE_TOLERANCE = 0.005;

/** What an operation makes, when the operator does not say, by operation code. */
const OUTPUT_KIND_BY_OPERATION: Readonly<Record<string, TLotKind>> = {
  casting: 'slab',
  dc_casting: 'slab',
  billet_casting: 'billet',
  twin_roll_casting: 'coil',
  hot_rolling: 'coil',
  cold_rolling: 'coil',
  foil_rolling: 'foil_roll',
  slitting: 'coil',
  extrusion: 'profile_bundle',
  drawing: 'rod_coil',
  cut_to_length: 'sheet_pack',
};

/** What the finished product is packed as, by product family (the last operation's output). */
const OUTPUT_KIND_BY_FAMILY: Readonly<Record<string, TLotKind>> = {
  plate: 'sheet_pack',
  sheet: 'sheet_pack',
  strip_coil: 'coil',
  foil: 'foil_roll',
  extrusion_profile: 'profile_bundle',
  rod_wire: 'rod_coil',
  tube: 'tube_bundle',
};

/**
 * The kind of an operation's output lot: the product's packing form on the last operation, the operation's
 * natural output where it changes the form (casting -> slab, hot rolling -> coil, extrusion -> profiles), else
 * the input's kind (annealing, homogenizing, stretching keep the form).
 */
export function outputKindFor(opts: {
  operationCode: string;
  isLast: boolean;
  productFamily: string;
  inputKind: TLotKind | null;
}): TLotKind {
  if (opts.isLast) {
    const byFamily = OUTPUT_KIND_BY_FAMILY[opts.productFamily];
    if (byFamily) return byFamily;
  }
  return OUTPUT_KIND_BY_OPERATION[opts.operationCode] ?? opts.inputKind ?? 'other';
}

/** A one-line description of what the order wants: `3003-H14 1.0 x 1250 mm strip_coil`. */
export function specSummary(spec: {
  productFamily: string;
  thicknessMm: number;
  widthMm: number | null;
  lengthMm: number | null;
  coilWeightKg: number | null;
  alloy: { code: string };
  temper: { code: string };
}): string {
  const size = [spec.thicknessMm, spec.widthMm, spec.lengthMm]
    .filter((v): v is number => v !== null)
    .join(' x ');
  const coil = spec.coilWeightKg ? `, coils ${spec.coilWeightKg} kg` : '';
  return `${spec.alloy.code}-${spec.temper.code} ${size} mm ${spec.productFamily}${coil}`;
}
