import { z } from 'zod';
import { ZId } from './tenancy.ts';

/**
 * Issue 5 planning: API input shapes of the `plan.*` procedures and the KPI record a plan version carries.
 * Times are instants (the portal sends ISO strings or Dates; superjson keeps Dates).
 */

/** What asked for a plan version (PlanVersion.trigger). */
export const PLAN_TRIGGERS = [
  'manual',
  'order_confirmed',
  'equipment_down',
  'equipment_up',
  'rush_order',
  'replan',
  'edit',
] as const;
export const ZPlanTrigger = z.enum(PLAN_TRIGGERS);
export type TPlanTrigger = z.infer<typeof ZPlanTrigger>;

/** KPIs of a plan version (PlanVersion.kpis). Minutes and hours from the plan's horizon start. */
export const ZPlanKpis = z.object({
  /** Last operation end − horizon start, minutes. */
  makespanMin: z.number(),
  /** Σ priority weight × minutes late, over work orders. */
  weightedTardinessMin: z.number(),
  /** Sales orders with at least one late work order. */
  lateOrders: z.number().int(),
  /** Late work orders. */
  lateWorkOrders: z.number().int(),
  /** Σ setup minutes / 60. */
  setupHours: z.number(),
  /** Busy time (processing + setup) / available time (horizon minus downtimes) up to the makespan, 0..1. */
  utilisation: z.number(),
  /** Per equipment code: busy share of its available time up to the makespan. */
  utilisationByEquipment: z.record(z.string(), z.number()),
  operations: z.number().int(),
  workOrders: z.number().int(),
});
export type TPlanKpis = z.infer<typeof ZPlanKpis>;

const ZInstant = z.coerce.date({ error: 'must be a date-time' });

export const ZPlantPlanInput = z.object({ plantId: ZId });
export type TPlantPlanInput = z.infer<typeof ZPlantPlanInput>;

export const ZPlanVersionInput = z.object({ planVersionId: ZId });
export type TPlanVersionInput = z.infer<typeof ZPlanVersionInput>;

export const ZListPlanVersionsInput = z.object({
  plantId: ZId,
  limit: z.number().int().min(1).max(100).default(20),
});
export type TListPlanVersionsInput = z.infer<typeof ZListPlanVersionsInput>;

export const ZComparePlanVersionsInput = z.object({
  planVersionIds: z
    .array(ZId)
    .min(2, 'compare at least two plan versions')
    .max(6, 'compare at most six plan versions'),
});
export type TComparePlanVersionsInput = z.infer<typeof ZComparePlanVersionsInput>;

export const ZRunPlanInput = z.object({
  plantId: ZId,
  /** Solver budget; the workflow's default when absent. */
  timeLimitSeconds: z.number().int().min(1).max(300).optional(),
});
export type TRunPlanInput = z.infer<typeof ZRunPlanInput>;

export const ZMoveOperationInput = z.object({
  /** The version edited (draft or published); the edit becomes a new draft version. */
  planVersionId: ZId,
  operationId: ZId,
  /** Target equipment: must be eligible for the operation's routing step. */
  equipmentId: ZId,
  /** New start; the end follows from the duration on the target equipment. */
  start: ZInstant,
  /** Pin it there (default): later runs keep machine and start. */
  lock: z.boolean().default(true),
});
export type TMoveOperationInput = z.infer<typeof ZMoveOperationInput>;

export const ZLockOperationInput = z.object({
  planVersionId: ZId,
  operationId: ZId,
  locked: z.boolean(),
});
export type TLockOperationInput = z.infer<typeof ZLockOperationInput>;

/** EquipmentDowntime.kind as the planning board records it (the shop floor uses the same two). */
export const PLAN_DOWNTIME_KINDS = ['breakdown', 'maintenance'] as const;
export const ZPlanDowntimeKind = z.enum(PLAN_DOWNTIME_KINDS);

export const ZPlanEquipmentDownInput = z
  .object({
    equipmentId: ZId,
    kind: ZPlanDowntimeKind.default('breakdown'),
    /** Default: now. */
    start: ZInstant.optional(),
    /** Null or absent: down until further notice (equipmentUp ends it). */
    end: ZInstant.nullable().optional(),
    reason: z.string().trim().max(500, 'reason must be at most 500 characters').default(''),
  })
  .refine((d) => !d.start || !d.end || d.end > d.start, {
    message: 'end must be after start',
    path: ['end'],
  });
export type TPlanEquipmentDownInput = z.infer<typeof ZPlanEquipmentDownInput>;

export const ZPlanEquipmentUpInput = z.object({
  equipmentId: ZId,
  /** When it came back (default now): ends every open downtime of the equipment. */
  at: ZInstant.optional(),
  note: z.string().trim().max(500, 'note must be at most 500 characters').default(''),
});
export type TPlanEquipmentUpInput = z.infer<typeof ZPlanEquipmentUpInput>;

/** Priority weights: 1 normal; a rush order gets more (the scheduler's tardiness weight). */
export const ZOrderPriority = z
  .number()
  .int()
  .min(1, 'priority must be 1-10')
  .max(10, 'priority must be 1-10');

export const ZRushOrderInput = z.object({
  orderId: ZId,
  priority: ZOrderPriority.default(5),
});
export type TRushOrderInput = z.infer<typeof ZRushOrderInput>;
