import { z } from 'zod';
import { ZProductFamily } from './orders.ts';
import { ZCode, ZId, ZName } from './tenancy.ts';

/** Total quality (issue 6): inspection plans, lab requests, results, nonconformances — API input shapes. */

// ---------------------------------------------------------------------------------------------------------
// Characteristics and where their limits come from

export const CHARACTERISTIC_CODES = [
  'thickness',
  'width',
  'flatness',
  'crown',
  'tensile_strength',
  'yield_strength',
  'elongation',
  'hardness',
  'conductivity',
  'chemistry',
  'surface_defect',
] as const;
export const ZCharacteristicCode = z.enum(CHARACTERISTIC_CODES);
export type TCharacteristicCode = z.infer<typeof ZCharacteristicCode>;

/** The unit each characteristic is measured in (flatness in I-units, conductivity in % IACS, chemistry in wt %). */
export const CHARACTERISTIC_UNITS: Readonly<Record<TCharacteristicCode, string>> = {
  thickness: 'mm',
  width: 'mm',
  flatness: 'I',
  crown: 'µm',
  tensile_strength: 'MPa',
  yield_strength: 'MPa',
  elongation: '%',
  hardness: 'HV',
  conductivity: '%IACS',
  chemistry: 'wt%',
  surface_defect: 'count',
};

/**
 * Limit sources: `manual` (the plan's own numbers), `spec` (the order's product spec: thickness, width), `alloy`
 * (the alloy's composition limits: chemistry), or a reference table kept as data.
 */
export const LIMIT_TABLES = {
  'table:EN485-4-cold-rolled': ['thickness'],
  'table:GBT3880.3-2006-ordinary': ['thickness'],
  'table:GBT3880.3-2006-high-precision': ['thickness'],
  'table:mechanical-properties': ['tensile_strength', 'yield_strength', 'elongation'],
  'table:copper-conductivity': ['conductivity'],
} as const satisfies Record<string, readonly TCharacteristicCode[]>;
export const LIMIT_SOURCES = ['manual', 'spec', 'alloy', ...Object.keys(LIMIT_TABLES)] as [
  string,
  ...string[],
];
export const ZLimitSource = z.enum(LIMIT_SOURCES as ['manual', ...string[]]);

/** Which characteristics each source can give limits for. */
export function limitSourceCovers(source: string, code: TCharacteristicCode): boolean {
  if (source === 'manual') return true;
  if (source === 'spec') return code === 'thickness' || code === 'width';
  if (source === 'alloy') return code === 'chemistry';
  const covers = (LIMIT_TABLES as Record<string, readonly string[]>)[source];
  return covers?.includes(code) ?? false;
}

export const SAMPLING_FREQUENCIES = ['every_lot', 'every_nth_lot', 'first_of_order'] as const;
export const ZSamplingFrequency = z.enum(SAMPLING_FREQUENCIES);

/** Chemical element symbols (Si, Fe, Cu, ...) plus the aggregate rows of composition tables. */
const ELEMENT = /^([A-Z][a-z]?|others_each|others_total|Cu_incl_Ag|Al)$/;
const DEFECT_TYPE = /^[a-z][a-z_]{1,30}$/;

const ZLimit = z.number().finite('must be a finite number');

export const ZCharacteristicInput = z
  .object({
    code: ZCharacteristicCode,
    /** Chemistry: the element (Si, Fe...); surface_defect: the defect type (scratch, roll_mark...); else empty. */
    element: z.string().trim().max(32, 'element must be at most 32 characters').default(''),
    unit: z.string().trim().max(16, 'unit must be at most 16 characters').optional(),
    nominal: ZLimit.nullable().optional(),
    lowerLimit: ZLimit.nullable().optional(),
    upperLimit: ZLimit.nullable().optional(),
    limitSource: ZLimitSource.default('manual'),
    method: z.string().trim().max(120, 'method must be at most 120 characters').default(''),
    samplesPerLot: z.number().int().min(1, 'at least one sample').max(20, 'at most 20 samples').default(1),
    frequency: ZSamplingFrequency.default('every_lot'),
    frequencyN: z.number().int().min(2, 'every n-th lot needs n >= 2').max(1000).nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.code === 'chemistry' && !ELEMENT.test(c.element)) {
      ctx.addIssue({
        code: 'custom',
        path: ['element'],
        message: 'chemistry needs a chemical element (Si, Fe, Cu...)',
      });
    }
    if (c.code === 'surface_defect' && !DEFECT_TYPE.test(c.element)) {
      ctx.addIssue({
        code: 'custom',
        path: ['element'],
        message: 'surface_defect needs a defect type in lower case (scratch, roll_mark...)',
      });
    }
    if (c.code !== 'chemistry' && c.code !== 'surface_defect' && c.element !== '') {
      ctx.addIssue({ code: 'custom', path: ['element'], message: `${c.code} takes no element` });
    }
    if (!limitSourceCovers(c.limitSource, c.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['limitSource'],
        message: `${c.limitSource} gives no limits for ${c.code}`,
      });
    }
    const lo = c.lowerLimit ?? null;
    const hi = c.upperLimit ?? null;
    if (c.limitSource === 'manual' && lo === null && hi === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['upperLimit'],
        message: 'manual limits need a lower or upper limit',
      });
    }
    if (lo !== null && hi !== null && lo > hi) {
      ctx.addIssue({ code: 'custom', path: ['lowerLimit'], message: 'lowerLimit is above upperLimit' });
    }
    if (c.frequency === 'every_nth_lot' && !c.frequencyN) {
      ctx.addIssue({ code: 'custom', path: ['frequencyN'], message: 'every_nth_lot needs frequencyN' });
    }
  });
export type TCharacteristicInput = z.input<typeof ZCharacteristicInput>;
export type TCharacteristic = z.infer<typeof ZCharacteristicInput>;

const ZCharacteristics = z
  .array(ZCharacteristicInput)
  .min(1, 'a plan needs at least one characteristic')
  .max(80, 'at most 80 characteristics')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      const key = `${c.code}:${c.element}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${key} is listed twice` });
      }
      seen.add(key);
    });
  });

// ---------------------------------------------------------------------------------------------------------
// Inspection plans

const ZOperationCodeOrFinal = z
  .string()
  .trim()
  .min(1)
  .max(40, 'operationCode must be at most 40 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'operationCode is a routing operation code such as cold_rolling')
  .nullable();

export const ZCreateInspectionPlanInput = z.object({
  code: ZCode,
  name: ZName,
  productSpecId: ZId.nullable().default(null),
  productFamily: ZProductFamily.nullable().default(null),
  alloyId: ZId.nullable().default(null),
  /** The routing operation after which to inspect; null = the final operation of the work order. */
  operationCode: ZOperationCodeOrFinal.default(null),
  characteristics: ZCharacteristics,
});
export type TCreateInspectionPlanInput = z.infer<typeof ZCreateInspectionPlanInput>;

export const ZUpdateInspectionPlanInput = z.object({
  id: ZId,
  name: ZName.optional(),
  operationCode: ZOperationCodeOrFinal.optional(),
  /** The whole list, in order: rows are matched by position (seq); a row with results cannot be removed. */
  characteristics: ZCharacteristics.optional(),
});
export type TUpdateInspectionPlanInput = z.infer<typeof ZUpdateInspectionPlanInput>;

export const ZSetInspectionPlanActiveInput = z.object({ id: ZId, active: z.boolean() });
export type TSetInspectionPlanActiveInput = z.infer<typeof ZSetInspectionPlanActiveInput>;

export const ZListInspectionPlansInput = z.object({
  includeInactive: z.boolean().default(false),
  operationCode: z.string().trim().max(40).optional(),
});
export type TListInspectionPlansInput = z.infer<typeof ZListInspectionPlansInput>;

export const ZGetInspectionPlanInput = z.object({ id: ZId });
export type TGetInspectionPlanInput = z.infer<typeof ZGetInspectionPlanInput>;

/** The limits a plan would give for a lot, without raising anything (the plan editor's preview). */
export const ZPreviewInspectionLimitsInput = z.object({ planId: ZId, lotId: ZId });
export type TPreviewInspectionLimitsInput = z.infer<typeof ZPreviewInspectionLimitsInput>;

// ---------------------------------------------------------------------------------------------------------
// Lab requests, samples and results

export const INSPECTION_STATUSES = [
  'requested',
  'sampled',
  'received',
  'results_entered',
  'evaluated',
  'approved',
  'rejected',
  'cancelled',
] as const;
export const ZInspectionStatus = z.enum(INSPECTION_STATUSES);
export type TInspectionStatus = z.infer<typeof ZInspectionStatus>;

export const ZRequestInspectionInput = z.object({
  lotId: ZId,
  /** Without a plan, the best matching active plan of the lot's product is taken. */
  planId: ZId.optional(),
});
export type TRequestInspectionInput = z.infer<typeof ZRequestInspectionInput>;

export const ZListInspectionRequestsInput = z.object({
  plantId: ZId.optional(),
  status: z.array(ZInspectionStatus).max(8).optional(),
  lotId: ZId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListInspectionRequestsInput = z.infer<typeof ZListInspectionRequestsInput>;

export const ZGetInspectionRequestInput = z.object({ id: ZId });
export type TGetInspectionRequestInput = z.infer<typeof ZGetInspectionRequestInput>;

export const ZConfirmSamplingInput = z.object({ id: ZId });
export type TConfirmSamplingInput = z.infer<typeof ZConfirmSamplingInput>;

/** What a barcode scanner types: the sample number from the label's QR code. */
export const ZSampleNo = z
  .string()
  .trim()
  .min(1, 'sampleNo is required')
  .max(60, 'sampleNo must be at most 60 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'sampleNo may contain only letters, digits, ".", "_" and "-"');

export const ZReceiveSampleInput = z.object({ sampleNo: ZSampleNo });
export type TReceiveSampleInput = z.infer<typeof ZReceiveSampleInput>;

export const ZResultEntry = z.object({
  sampleId: ZId,
  characteristicId: ZId,
  value: z.number().finite('value must be a finite number'),
  /** A correction names the result it replaces (results are append-only). */
  supersedesId: ZId.optional(),
});
export type TResultEntry = z.infer<typeof ZResultEntry>;

export const ZEnterResultsInput = z.object({
  requestId: ZId,
  results: z.array(ZResultEntry).min(1, 'enter at least one result').max(500, 'at most 500 results at once'),
});
export type TEnterResultsInput = z.infer<typeof ZEnterResultsInput>;

/**
 * An instrument's CSV export (UTF-8, comma separated, header line required):
 * `sampleNo,characteristic,element,value` — characteristic is a code of CHARACTERISTIC_CODES, element the chemical
 * element or defect type (empty otherwise), value a decimal number with a point.
 */
export const ZImportResultsCsvInput = z.object({
  requestId: ZId,
  fileName: z
    .string()
    .trim()
    .min(1, 'fileName is required')
    .max(120, 'fileName must be at most 120 characters'),
  csv: z.string().min(1, 'the file is empty').max(1_000_000, 'the file must be at most 1 MB'),
});
export type TImportResultsCsvInput = z.infer<typeof ZImportResultsCsvInput>;

export const ZDecideInspectionInput = z.object({
  id: ZId,
  /** `release`: the lot is released; `hold`: it is put on hold. */
  decision: z.enum(['release', 'hold']),
  note: z.string().trim().max(500, 'note must be at most 500 characters').default(''),
});
export type TDecideInspectionInput = z.infer<typeof ZDecideInspectionInput>;

/** Withdraws a request raised in error (not once decided); the lot is left as it is. */
export const ZCancelInspectionInput = z.object({
  id: ZId,
  reason: z.string().trim().min(1, 'a reason is required').max(500, 'reason must be at most 500 characters'),
});
export type TCancelInspectionInput = z.infer<typeof ZCancelInspectionInput>;

// ---------------------------------------------------------------------------------------------------------
// Nonconformances

export const DISPOSITIONS = ['rework', 'downgrade', 'scrap', 'concession'] as const;
export const ZDisposition = z.enum(DISPOSITIONS);
export type TDisposition = z.infer<typeof ZDisposition>;

export const NONCONFORMANCE_STATUSES = ['open', 'dispositioned', 'closed'] as const;
export const ZNonconformanceStatus = z.enum(NONCONFORMANCE_STATUSES);

export const ZDefectCode = z
  .string()
  .trim()
  .min(1, 'defectCode is required')
  .max(60, 'defectCode must be at most 60 characters')
  .regex(
    /^[a-z][a-z_]*(:[A-Za-z][A-Za-z_]*)?$/,
    'defectCode is a code such as thickness or surface_defect:scratch',
  );

export const ZOpenNonconformanceInput = z.object({
  lotId: ZId,
  defectCode: ZDefectCode,
  description: z.string().trim().min(1, 'description is required').max(2000),
});
export type TOpenNonconformanceInput = z.infer<typeof ZOpenNonconformanceInput>;

export const ZListNonconformancesInput = z.object({
  plantId: ZId.optional(),
  status: z.array(ZNonconformanceStatus).max(3).optional(),
  lotId: ZId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListNonconformancesInput = z.infer<typeof ZListNonconformancesInput>;

export const ZGetNonconformanceInput = z.object({ id: ZId });
export type TGetNonconformanceInput = z.infer<typeof ZGetNonconformanceInput>;

export const ZDispositionNonconformanceInput = z
  .object({
    id: ZId,
    disposition: ZDisposition,
    note: z.string().trim().max(1000, 'note must be at most 1000 characters').default(''),
    /** A concession needs the customer's reference for its acceptance (deviation permit no., e-mail ref...). */
    concessionRef: z.string().trim().max(120, 'concessionRef must be at most 120 characters').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.disposition === 'concession' && v.concessionRef === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['concessionRef'],
        message: "a concession needs the customer's reference",
      });
    }
  });
export type TDispositionNonconformanceInput = z.infer<typeof ZDispositionNonconformanceInput>;

export const ZSetCorrectiveActionInput = z.object({
  id: ZId,
  action: z.string().trim().min(1, 'action is required').max(2000),
  ownerUserId: ZId,
  dueAt: z.coerce.date('dueAt must be a date'),
});
export type TSetCorrectiveActionInput = z.infer<typeof ZSetCorrectiveActionInput>;

export const ZCloseNonconformanceInput = z.object({
  id: ZId,
  note: z.string().trim().max(1000).default(''),
});
export type TCloseNonconformanceInput = z.infer<typeof ZCloseNonconformanceInput>;

/** The limits in force for one characteristic of a request (InspectionRequest.limits). */
export interface TResolvedLimit {
  characteristicId: string;
  code: TCharacteristicCode;
  element: string;
  unit: string;
  nominal: number | null;
  lower: number | null;
  upper: number | null;
  /** Where they came from: manual, spec:<code>, alloy:<code>, table:<id> (+ row note). */
  source: string;
  /** Set when no limit could be resolved: results against it cannot pass until a plan fixes it. */
  unresolved: string | null;
  samplesRequired: number;
  method: string;
}
