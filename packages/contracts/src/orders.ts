import { z } from 'zod';
import { ZCode, ZId, ZName } from './tenancy.ts';

/**
 * Issue 5 API input shapes: master data (alloys, tempers, customers, product specifications), routing templates,
 * sales orders with shipments and partner shares, and work orders. Shared by the tRPC routers and the portal.
 */

export const METAL_FAMILIES = ['aluminium', 'copper'] as const;
export const ZMetalFamily = z.enum(METAL_FAMILIES);
export type TMetalFamily = z.infer<typeof ZMetalFamily>;

export const PRODUCT_FAMILIES = [
  'plate',
  'sheet',
  'strip_coil',
  'foil',
  'extrusion_profile',
  'rod_wire',
  'tube',
] as const;
export const ZProductFamily = z.enum(PRODUCT_FAMILIES);
export type TProductFamily = z.infer<typeof ZProductFamily>;

/** Coil products: ordered by coil weight, with inner/outer diameter. */
export const COIL_FAMILIES: readonly TProductFamily[] = ['strip_coil', 'foil', 'rod_wire'];

/** The order life cycle, in order. `cancelled` is reachable only before production starts. */
export const ORDER_STATUS_FLOW = [
  'entered',
  'confirmed',
  'planned',
  'in_production',
  'quality_release',
  'ready',
  'shipped',
] as const;
export const ORDER_STATUSES = [...ORDER_STATUS_FLOW, 'cancelled'] as const;
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

export const QUANTITY_UNITS = ['t', 'pcs'] as const;
export const ZQuantityUnit = z.enum(QUANTITY_UNITS);
export type TQuantityUnit = z.infer<typeof ZQuantityUnit>;

export const RATE_UNITS = ['t_per_h', 'm_per_min', 'h_per_batch'] as const;
export const ZRateUnit = z.enum(RATE_UNITS);
export type TRateUnit = z.infer<typeof ZRateUnit>;

export const WORK_ORDER_STATUSES = ['created', 'released', 'in_progress', 'completed', 'cancelled'] as const;
export const ZWorkOrderStatus = z.enum(WORK_ORDER_STATUSES);

const ZText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const ZPositiveMm = z.number().finite().positive('must be greater than 0').max(100_000);
const ZToleranceMm = z.number().finite().min(0, 'must be 0 or more').max(1000);

// ---------------------------------------------------------------------------------------------------------
// Alloys

/** One element's limit in mass %: a maximum, a range, or "remainder" (the balance element). */
export const ZCompositionLimit = z
  .object({
    min: z.number().finite().min(0).max(100).optional(),
    max: z.number().finite().min(0).max(100).optional(),
    remainder: z.literal(true).optional(),
    /** A typical range where the standard gives no limit (e.g. O in Cu-ETP), with where it comes from. */
    typical: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).optional(),
    source: ZText(120).optional(),
  })
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, {
    message: 'min must not exceed max',
    path: ['max'],
  })
  .refine(
    (l) => l.min !== undefined || l.max !== undefined || l.remainder || l.typical,
    'give min, max, remainder or typical',
  );
export type TCompositionLimit = z.infer<typeof ZCompositionLimit>;

/** Element symbol (Si, Fe), a sum (Si+Fe) or a group key (others_each, Cu_incl_Ag) -> limit. */
export const ZComposition = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_+]{0,31}$/, 'element must be a symbol such as Si, Si+Fe or others_each'),
    ZCompositionLimit,
  )
  .refine((c) => Object.keys(c).length <= 40, 'composition may have at most 40 elements')
  .refine(
    (c) => Object.values(c).filter((l) => l.remainder).length <= 1,
    'only one element can be the remainder',
  );
export type TComposition = z.infer<typeof ZComposition>;

export const ZCreateAlloyInput = z.object({
  code: ZCode,
  family: ZMetalFamily,
  name: ZText(200).default(''),
  standard: ZText(200).default(''),
  /** g/cm3 */
  density: z.number().finite().min(1, 'density must be in g/cm3 (1-25)').max(25).nullable().default(null),
  composition: ZComposition.default({}),
});
export type TCreateAlloyInput = z.infer<typeof ZCreateAlloyInput>;
export const ZUpdateAlloyInput = z.object({
  id: ZId,
  code: ZCode.optional(),
  name: ZText(200).optional(),
  standard: ZText(200).optional(),
  density: z.number().finite().min(1).max(25).nullable().optional(),
  composition: ZComposition.optional(),
});
export type TUpdateAlloyInput = z.infer<typeof ZUpdateAlloyInput>;
export const ZListAlloysInput = z
  .object({ family: ZMetalFamily.optional(), includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });
export type TListAlloysInput = z.infer<typeof ZListAlloysInput>;

/** Deactivate (active: false) or reactivate an alloy, customer or routing: rows in use are never deleted. */
export const ZSetActiveInput = z.object({ id: ZId, active: z.boolean().default(false) });
export type TSetActiveInput = z.infer<typeof ZSetActiveInput>;

// ---------------------------------------------------------------------------------------------------------
// Tempers

export const ZTemperCode = z
  .string()
  .trim()
  .min(1, 'code is required')
  .max(16, 'code must be at most 16 characters')
  .regex(/^[A-Z][A-Z0-9]*$/, 'code must be a temper designation such as O, H14, T5 or T651');
export const ZCreateTemperInput = z.object({
  code: ZTemperCode,
  family: ZMetalFamily,
  description: ZText(500).default(''),
});
export type TCreateTemperInput = z.infer<typeof ZCreateTemperInput>;
export const ZUpdateTemperInput = z.object({ id: ZId, description: ZText(500) });
export type TUpdateTemperInput = z.infer<typeof ZUpdateTemperInput>;
export const ZListTempersInput = z.object({ family: ZMetalFamily.optional() }).default({});

// ---------------------------------------------------------------------------------------------------------
// Customers

export const ZCustomerContact = z.object({
  person: ZText(120).default(''),
  phone: ZText(40).default(''),
  email: z.union([z.email('contact.email must be a valid address'), z.literal('')]).default(''),
  address: ZText(300).default(''),
});
export const ZCreateCustomerInput = z.object({
  code: ZCode,
  name: ZName,
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code such as CN')
    .default('CN'),
  contact: ZCustomerContact.default({ person: '', phone: '', email: '', address: '' }),
  /** The customer's organisation on the platform (its partnership), when it uses the partner portal. */
  partnershipId: ZId.nullable().default(null),
});
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;
export const ZUpdateCustomerInput = z.object({
  id: ZId,
  code: ZCode.optional(),
  name: ZName.optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code such as CN')
    .optional(),
  contact: ZCustomerContact.optional(),
  partnershipId: ZId.nullable().optional(),
});
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;
export const ZListCustomersInput = z
  .object({ search: ZText(100).optional(), includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });
export type TListCustomersInput = z.infer<typeof ZListCustomersInput>;

// ---------------------------------------------------------------------------------------------------------
// Product specifications

const specFields = {
  code: ZCode,
  productFamily: ZProductFamily,
  alloyId: ZId,
  temperId: ZId,
  customerId: ZId.nullable().default(null),
  thicknessMm: ZPositiveMm,
  thicknessTolMinus: ZToleranceMm,
  thicknessTolPlus: ZToleranceMm,
  widthMm: ZPositiveMm.nullable().default(null),
  widthTolMinus: ZToleranceMm.nullable().default(null),
  widthTolPlus: ZToleranceMm.nullable().default(null),
  lengthMm: ZPositiveMm.nullable().default(null),
  coilWeightKg: z.number().finite().positive('must be greater than 0').max(100_000).nullable().default(null),
  innerDiameterMm: ZPositiveMm.nullable().default(null),
  outerDiameterMm: ZPositiveMm.nullable().default(null),
  surface: ZText(200).default(''),
  toleranceSource: ZText(200).default(''),
  notes: ZText(2000).default(''),
};

type TSpecShape = {
  productFamily?: TProductFamily | undefined;
  thicknessMm?: number | undefined;
  thicknessTolMinus?: number | undefined;
  widthMm?: number | null | undefined;
  lengthMm?: number | null | undefined;
  innerDiameterMm?: number | null | undefined;
  outerDiameterMm?: number | null | undefined;
};

/** Cross-field rules of a spec (dimensions that belong to the product family; tolerances within the size). */
export function specIssues(s: TSpecShape): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  if (
    s.thicknessMm !== undefined &&
    s.thicknessTolMinus !== undefined &&
    s.thicknessTolMinus >= s.thicknessMm
  )
    out.push({ path: 'thicknessTolMinus', message: 'thicknessTolMinus must be smaller than the thickness' });
  if (s.innerDiameterMm != null && s.outerDiameterMm != null && s.outerDiameterMm <= s.innerDiameterMm)
    out.push({ path: 'outerDiameterMm', message: 'outerDiameterMm must be larger than innerDiameterMm' });
  const f = s.productFamily;
  if ((f === 'plate' || f === 'sheet' || f === 'strip_coil' || f === 'foil') && s.widthMm === null)
    out.push({ path: 'widthMm', message: `widthMm is required for ${f}` });
  if ((f === 'plate' || f === 'sheet' || f === 'extrusion_profile') && s.lengthMm === null)
    out.push({ path: 'lengthMm', message: `lengthMm is required for ${f}` });
  if ((f === 'strip_coil' || f === 'foil') && s.innerDiameterMm === null)
    out.push({ path: 'innerDiameterMm', message: `innerDiameterMm is required for ${f}` });
  return out;
}

export const ZCreateProductSpecInput = z.object(specFields).superRefine((s, ctx) => {
  for (const i of specIssues(s)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
});
export type TCreateProductSpecInput = z.infer<typeof ZCreateProductSpecInput>;
export const ZUpdateProductSpecInput = z
  .object({
    id: ZId,
    code: ZCode.optional(),
    customerId: ZId.nullable().optional(),
    thicknessMm: ZPositiveMm.optional(),
    thicknessTolMinus: ZToleranceMm.optional(),
    thicknessTolPlus: ZToleranceMm.optional(),
    widthMm: ZPositiveMm.nullable().optional(),
    widthTolMinus: ZToleranceMm.nullable().optional(),
    widthTolPlus: ZToleranceMm.nullable().optional(),
    lengthMm: ZPositiveMm.nullable().optional(),
    coilWeightKg: z.number().finite().positive().max(100_000).nullable().optional(),
    innerDiameterMm: ZPositiveMm.nullable().optional(),
    outerDiameterMm: ZPositiveMm.nullable().optional(),
    surface: ZText(200).optional(),
    toleranceSource: ZText(200).optional(),
    notes: ZText(2000).optional(),
  })
  .superRefine((s, ctx) => {
    for (const i of specIssues(s)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });
export type TUpdateProductSpecInput = z.infer<typeof ZUpdateProductSpecInput>;
export const ZListProductSpecsInput = z
  .object({
    productFamily: ZProductFamily.optional(),
    alloyId: ZId.optional(),
    customerId: ZId.optional(),
    search: ZText(100).optional(),
  })
  .default({});
export type TListProductSpecsInput = z.infer<typeof ZListProductSpecsInput>;

/** Looks up the standard thickness tolerance for an alloy, thickness and width (EN 485-4 / GB/T 3880.3). */
export const ZToleranceLookupInput = z.object({
  alloyCode: ZCode,
  thicknessMm: ZPositiveMm,
  widthMm: ZPositiveMm,
  grade: z.enum(['en485', 'gb-ordinary', 'gb-high']).default('en485'),
});
export type TToleranceLookupInput = z.infer<typeof ZToleranceLookupInput>;

// ---------------------------------------------------------------------------------------------------------
// Routing templates

export const ZOperationCode = z
  .string()
  .trim()
  .min(1, 'operationCode is required')
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'operationCode must be snake_case such as cold_rolling');

export const ZRoutingStepEquipmentInput = z.object({
  equipmentId: ZId,
  rate: z.number().finite().positive('rate must be greater than 0').max(100_000),
  rateUnit: ZRateUnit,
  fixedMinutes: z.number().finite().min(0).max(10_000).default(0),
});
export const ZRoutingStepInput = z.object({
  operationCode: ZOperationCode,
  name: ZName,
  yield: z.number().finite().gt(0, 'yield must be greater than 0').max(1, 'yield must be at most 1'),
  recipe: ZText(80).nullable().default(null),
  equipment: z
    .array(ZRoutingStepEquipmentInput)
    .min(1, 'each step needs at least one eligible equipment')
    .max(50)
    .refine(
      (list) => new Set(list.map((e) => e.equipmentId)).size === list.length,
      'an equipment may be listed once per step',
    ),
});
export type TRoutingStepInput = z.infer<typeof ZRoutingStepInput>;
export const ZCreateRoutingInput = z.object({
  code: ZCode,
  name: ZName,
  productFamily: ZProductFamily,
  alloyId: ZId.nullable().default(null),
  temperId: ZId.nullable().default(null),
  steps: z.array(ZRoutingStepInput).min(1, 'a routing needs at least one step').max(60),
});
export type TCreateRoutingInput = z.infer<typeof ZCreateRoutingInput>;
export const ZUpdateRoutingInput = z.object({
  id: ZId,
  name: ZName.optional(),
  /** Replaces every step; refused once work orders use the routing (make a new routing instead). */
  steps: z.array(ZRoutingStepInput).min(1, 'a routing needs at least one step').max(60).optional(),
});
export type TUpdateRoutingInput = z.infer<typeof ZUpdateRoutingInput>;
export const ZListRoutingsInput = z
  .object({ productFamily: ZProductFamily.optional(), includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });
export type TListRoutingsInput = z.infer<typeof ZListRoutingsInput>;
export const ZSelectRoutingInput = z.object({ specId: ZId });

// ---------------------------------------------------------------------------------------------------------
// Sales orders

const ZDateInput = z.coerce.date({ error: 'must be a date' });

export const ZOrderLineInput = z.object({
  specId: ZId,
  quantity: z.number().finite().positive('quantity must be greater than 0').max(1_000_000),
  unit: ZQuantityUnit.default('t'),
  requestedDate: ZDateInput,
});
export type TOrderLineInput = z.infer<typeof ZOrderLineInput>;

export const ZCreateOrderInput = z.object({
  plantId: ZId,
  customerId: ZId,
  /** Optional: generated (SO-yyyymm-nnnn) when empty. */
  orderNo: ZCode.optional(),
  customerPo: ZText(60).default(''),
  priority: z.number().int().min(1, 'priority is 1 (normal) or more').max(10).default(1),
  notes: ZText(2000).default(''),
  lines: z.array(ZOrderLineInput).min(1, 'an order needs at least one line').max(200),
});
export type TCreateOrderInput = z.infer<typeof ZCreateOrderInput>;

export const ZUpdateOrderInput = z.object({
  id: ZId,
  customerPo: ZText(60).optional(),
  priority: z.number().int().min(1).max(10).optional(),
  notes: ZText(2000).optional(),
  /** Replaces all lines (only while the order is entered). */
  lines: z.array(ZOrderLineInput).min(1, 'an order needs at least one line').max(200).optional(),
});
export type TUpdateOrderInput = z.infer<typeof ZUpdateOrderInput>;

export const ZListOrdersInput = z
  .object({
    status: z.array(ZOrderStatus).max(8).optional(),
    customerId: ZId.optional(),
    plantId: ZId.optional(),
    /** Requested date range (inclusive). */
    from: ZDateInput.optional(),
    to: ZDateInput.optional(),
    /** Order no., customer PO or customer name. */
    search: ZText(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.number().int().min(0, 'cursor must be 0 or more').default(0),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'to must not be before from', path: ['to'] })
  .default({ limit: 50, cursor: 0 });
export type TListOrdersInput = z.infer<typeof ZListOrdersInput>;

export const ZCancelOrderInput = z.object({ id: ZId, reason: ZText(500).min(1, 'reason is required') });
export type TCancelOrderInput = z.infer<typeof ZCancelOrderInput>;

export const ZAdvanceOrderInput = z.object({
  id: ZId,
  toStatus: z.enum(ORDER_STATUS_FLOW),
  reason: ZText(500).default(''),
});
export type TAdvanceOrderInput = z.infer<typeof ZAdvanceOrderInput>;

export const ZShipOrderInput = z.object({
  orderId: ZId,
  shippedAt: ZDateInput.optional(),
  carrier: ZText(120).default(''),
  vehicleNo: ZText(40).default(''),
  lines: z
    .array(
      z.object({
        lineId: ZId,
        quantity: z.number().finite().positive('quantity must be greater than 0').max(1_000_000),
        lotId: ZId.nullable().default(null),
      }),
    )
    .min(1, 'a shipment needs at least one line')
    .max(200),
});
export type TShipOrderInput = z.infer<typeof ZShipOrderInput>;

export const ZShareOrderInput = z.object({ orderId: ZId, partnershipId: ZId });
export type TShareOrderInput = z.infer<typeof ZShareOrderInput>;

// ---------------------------------------------------------------------------------------------------------
// Work orders

export const ZListWorkOrdersInput = z
  .object({
    plantId: ZId.optional(),
    orderId: ZId.optional(),
    status: z.array(ZWorkOrderStatus).max(5).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z.number().int().min(0).default(0),
  })
  .default({ limit: 100, cursor: 0 });
export type TListWorkOrdersInput = z.infer<typeof ZListWorkOrdersInput>;
export const ZGenerateWorkOrdersInput = z.object({ orderId: ZId });
