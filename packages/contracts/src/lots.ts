import { z } from 'zod';
import { ZId } from './tenancy.ts';

/** Material lots (coils, billets, ingots, ...) with genealogy, and the operator work queue (issue 5). */

export const LOT_KINDS = [
  'ingot',
  'billet',
  'slab',
  'coil',
  'sheet_pack',
  'foil_roll',
  'profile_bundle',
  'rod_coil',
  'tube_bundle',
  'other',
] as const;
export const ZLotKind = z.enum(LOT_KINDS);
export type TLotKind = z.infer<typeof ZLotKind>;

export const LOT_STATUSES = [
  'available',
  'in_process',
  'consumed',
  'on_hold',
  'released',
  'shipped',
  'scrapped',
] as const;
export const ZLotStatus = z.enum(LOT_STATUSES);
export type TLotStatus = z.infer<typeof ZLotStatus>;

/**
 * The status changes a lot may go through. `consumed`, `shipped` and `scrapped` are final. `in_process` is set
 * by starting an operation; `consumed` by a split, merge or transform; `shipped` only through a shipment.
 */
export const LOT_TRANSITIONS: Readonly<Record<TLotStatus, readonly TLotStatus[]>> = {
  available: ['in_process', 'consumed', 'on_hold', 'released', 'scrapped'],
  in_process: ['available', 'consumed', 'on_hold', 'scrapped'],
  on_hold: ['available', 'released', 'scrapped'],
  released: ['in_process', 'consumed', 'on_hold', 'shipped', 'scrapped'],
  consumed: [],
  shipped: [],
  scrapped: [],
};

export function isLotTransitionAllowed(from: TLotStatus, to: TLotStatus): boolean {
  return LOT_TRANSITIONS[from].includes(to);
}

/** Lot numbers as plants write them: letters, digits, "-", "_", "." and "/"; unique per tenant. */
export const ZLotNo = z
  .string()
  .trim()
  .min(1, 'lot number is required')
  .max(40, 'lot number must be at most 40 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
    'lot number may contain only letters, digits, ".", "_", "/" and "-"',
  );

const ZHeatCastNo = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'may contain only letters, digits, ".", "_", "/" and "-"');

/** Kilograms: positive, finite, at most 100 t for one lot (a slab or a hot coil weighs up to ~30 t). */
export const ZWeightKg = z
  .number('weight must be a number')
  .finite()
  .positive('weight must be greater than 0')
  .max(100_000, 'a lot weighs at most 100 000 kg');

const ZMm = z.number().finite().positive('must be greater than 0').max(100_000);
export const ZLotDimensions = z
  .object({
    thicknessMm: ZMm.optional(),
    widthMm: ZMm.optional(),
    lengthM: z.number().finite().positive('must be greater than 0').max(1_000_000).optional(),
    innerDiameterMm: ZMm.optional(),
    outerDiameterMm: ZMm.optional(),
    diameterMm: ZMm.optional(),
  })
  .strict();
export type TLotDimensions = z.infer<typeof ZLotDimensions>;

export const ZLocation = z.string().trim().max(80, 'location must be at most 80 characters');
export const ZReason = z
  .string()
  .trim()
  .min(1, 'a reason is required')
  .max(500, 'reason must be at most 500 characters');
const ZNote = z.string().trim().max(500, 'note must be at most 500 characters');

// Receiving / creating a lot
export const ZCreateLotInput = z.object({
  plantId: ZId,
  kind: ZLotKind,
  /** Generated per plant and kind (`RP-CL2611-0001`) when not given. */
  lotNo: ZLotNo.optional(),
  weightKg: ZWeightKg,
  alloyId: ZId.optional(),
  temperId: ZId.optional(),
  heatNo: ZHeatCastNo.optional(),
  castNo: ZHeatCastNo.optional(),
  dimensions: ZLotDimensions.default({}),
  location: ZLocation.default(''),
  status: z.enum(['available', 'on_hold']).default('available'),
  note: ZNote.default(''),
});
export type TCreateLotInput = z.infer<typeof ZCreateLotInput>;

export const ZListLotsInput = z.object({
  plantId: ZId.optional(),
  status: z.array(ZLotStatus).max(7).optional(),
  kind: ZLotKind.optional(),
  alloyId: ZId.optional(),
  location: ZLocation.optional(),
  /** The id of the last lot of the previous page (lots come newest first). */
  cursor: ZId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListLotsInput = z.infer<typeof ZListLotsInput>;

export const ZMoveLotInput = z.object({ id: ZId, location: ZLocation.min(1, 'location is required') });
export type TMoveLotInput = z.infer<typeof ZMoveLotInput>;

export const ZHoldLotInput = z.object({ id: ZId, reason: ZReason });
export type THoldLotInput = z.infer<typeof ZHoldLotInput>;

export const ZReleaseLotInput = z.object({
  id: ZId,
  reason: ZReason,
  /** `released` (quality release, ready to ship) or back to `available` (held in production, free again). */
  to: z.enum(['released', 'available']).default('released'),
});
export type TReleaseLotInput = z.infer<typeof ZReleaseLotInput>;

export const ZChangeLotStatusInput = z.object({ id: ZId, status: ZLotStatus, reason: ZReason });
export type TChangeLotStatusInput = z.infer<typeof ZChangeLotStatusInput>;

export const ZSplitLotInput = z.object({
  id: ZId,
  children: z
    .array(
      z.object({
        weightKg: ZWeightKg,
        lotNo: ZLotNo.optional(),
        kind: ZLotKind.optional(),
        dimensions: ZLotDimensions.optional(),
        location: ZLocation.optional(),
      }),
    )
    .min(1, 'a split needs at least one child')
    .max(100, 'a split makes at most 100 children'),
  /** The operation the split belongs to (slitting, cutting), if any. */
  operationId: ZId.optional(),
  note: ZNote.default(''),
});
export type TSplitLotInput = z.infer<typeof ZSplitLotInput>;

export const ZMergeLotsInput = z.object({
  lotIds: z
    .array(ZId)
    .min(2, 'a merge needs at least two lots')
    .max(100, 'a merge takes at most 100 lots')
    .refine((ids) => new Set(ids).size === ids.length, 'a lot may appear only once'),
  lotNo: ZLotNo.optional(),
  kind: ZLotKind.optional(),
  location: ZLocation.optional(),
  dimensions: ZLotDimensions.optional(),
  operationId: ZId.optional(),
  note: ZNote.default(''),
});
export type TMergeLotsInput = z.infer<typeof ZMergeLotsInput>;

export const ZTransformLotInput = z.object({
  id: ZId,
  operationId: ZId.optional(),
  output: z.object({
    kind: ZLotKind.optional(),
    lotNo: ZLotNo.optional(),
    weightKg: ZWeightKg,
    temperId: ZId.optional(),
    dimensions: ZLotDimensions.optional(),
    location: ZLocation.optional(),
  }),
  note: ZNote.default(''),
});
export type TTransformLotInput = z.infer<typeof ZTransformLotInput>;

export const ZLotGenealogyInput = z.object({
  id: ZId,
  direction: z.enum(['backward', 'forward', 'both']).default('both'),
  /** How many generations to follow (a cast-to-shipment chain has about 10). */
  maxDepth: z.number().int().min(1).max(50).default(20),
});
export type TLotGenealogyInput = z.infer<typeof ZLotGenealogyInput>;

export const ZSearchLotsInput = z.object({
  /** A lot number (or its beginning), heat number, cast number, work order number or sales order number. */
  q: z.string().trim().min(2, 'type at least 2 characters').max(40, 'at most 40 characters'),
  plantId: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type TSearchLotsInput = z.infer<typeof ZSearchLotsInput>;

// Shop floor: the operator work queue per equipment

export const ZWorkQueueInput = z.object({
  equipmentId: ZId,
  /** Also list queued operations planned to start later than this many hours from now (default 72 h). */
  horizonHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(72),
});
export type TWorkQueueInput = z.infer<typeof ZWorkQueueInput>;

export const ZOperationByIdInput = z.object({ operationId: ZId });

export const ZStartOperationInput = z.object({
  operationId: ZId,
  equipmentId: ZId,
  /** The lots taken in (marked in_process). Empty for a first operation without input lots (casting). */
  inputLotIds: z
    .array(ZId)
    .max(50, 'at most 50 input lots')
    .refine((ids) => new Set(ids).size === ids.length, 'a lot may appear only once')
    .default([]),
  note: ZNote.default(''),
});
export type TStartOperationInput = z.infer<typeof ZStartOperationInput>;

const ZTonnes = z.number('must be a number').finite().min(0, 'must not be negative').max(1000);

export const ZReportOperationInput = z
  .object({
    operationId: ZId,
    goodT: ZTonnes.default(0),
    scrapT: ZTonnes.default(0),
    /** More lots taken in while it runs (a furnace charge topped up, an overlapping operation fed by its
     *  predecessor's output). */
    inputLotIds: z
      .array(ZId)
      .max(50, 'at most 50 input lots')
      .refine((ids) => new Set(ids).size === ids.length, 'a lot may appear only once')
      .default([]),
    note: ZNote.default(''),
  })
  .refine((r) => r.goodT > 0 || r.scrapT > 0 || r.inputLotIds.length > 0, {
    message: 'report a good or scrap quantity greater than 0, or lots taken in',
    path: ['goodT'],
  });
export type TReportOperationInput = z.infer<typeof ZReportOperationInput>;

export const ZFinishOperationInput = z.object({
  operationId: ZId,
  /** The lots produced, weighed. Omitted: one lot of the good quantity reported so far. */
  outputs: z
    .array(
      z.object({
        weightKg: ZWeightKg,
        kind: ZLotKind.optional(),
        lotNo: ZLotNo.optional(),
        dimensions: ZLotDimensions.optional(),
        location: ZLocation.optional(),
        /** A casting sets the heat and cast numbers of the lots it makes. */
        heatNo: ZHeatCastNo.optional(),
        castNo: ZHeatCastNo.optional(),
      }),
    )
    .max(100, 'at most 100 output lots')
    .default([]),
  /** Scrap at the finish, on top of what was reported before (tonnes). */
  scrapT: ZTonnes.default(0),
  note: ZNote.default(''),
});
export type TFinishOperationInput = z.infer<typeof ZFinishOperationInput>;
