import type { TRole } from '@ingot/contracts';
import { TENANT_ACTIONS, type TTenantAction } from './actions.ts';

const READ_HIERARCHY = [
  'tenant.read',
  'plant.read',
  'area.read',
  'workCenter.read',
  'equipment.read',
] as const satisfies readonly TTenantAction[];

const WRITE_HIERARCHY = [
  'plant.create',
  'plant.update',
  'plant.delete',
  'area.create',
  'area.update',
  'area.delete',
  'workCenter.create',
  'workCenter.update',
  'workCenter.delete',
  'workCenter.move',
  'equipment.create',
  'equipment.update',
  'equipment.delete',
  'equipment.move',
] as const satisfies readonly TTenantAction[];

/** Everything a plant's staff may look at in production: orders, plans, work orders, lots. */
const READ_PRODUCTION = [
  'masterData.read',
  'order.read',
  'routing.read',
  'workOrder.read',
  'plan.read',
  'operation.read',
  'lot.read',
  'connector.read',
  'telemetry.read',
  'alarm.read',
  'quality.read',
  'certificate.read',
] as const satisfies readonly TTenantAction[];

const READ_ALL = [...READ_HIERARCHY, ...READ_PRODUCTION] as const;

const PLAN_PRODUCTION = [
  'order.create',
  'order.update',
  'order.confirm',
  'order.cancel',
  'order.ship',
  'order.share',
  'routing.manage',
  'workOrder.create',
  'workOrder.release',
  'plan.run',
  'plan.edit',
  'plan.publish',
  'equipment.downtime',
] as const satisfies readonly TTenantAction[];

/** A quality engineer's work: plans, SPC charts, lab results, report approval, nonconformances, certificates. */
const QUALITY = [
  'quality.manage',
  'lab.request',
  'lab.work',
  'quality.approve',
  'certificate.issue',
] as const satisfies readonly TTenantAction[];

const SHOP_FLOOR = [
  'operation.report',
  'alarm.ack',
  'lab.request',
  'lot.create',
  'lot.split',
  'lot.merge',
  'equipment.downtime',
] as const satisfies readonly TTenantAction[];

/**
 * THE permission table: role -> the tenant actions it grants. Deny by default: an action no role of the member
 * lists is refused (FORBIDDEN) by the tenant procedure before any row is read. Plant scope (a member limited to
 * some plants) is applied on top by the domain functions, in their queries.
 *
 * Partners (supplier, customer) hold `order.read` here, but what they read is narrowed in the domain queries to
 * what their partnership shares (its scopes and share rows); anything else answers NOT_FOUND. A customer's
 * `certificate.read` is narrowed the same way: certificates of shipments of its own orders only.
 */
export const PERMISSION_TABLE: Readonly<Record<TRole, readonly TTenantAction[]>> = {
  tenant_admin: TENANT_ACTIONS,
  plant_manager: [
    ...READ_ALL,
    ...WRITE_HIERARCHY,
    ...PLAN_PRODUCTION,
    'masterData.manage',
    'operation.report',
    'lot.create',
    'lot.split',
    'lot.merge',
    'lot.update',
    'connector.manage',
    'alarm.ack',
    'alarm.manage',
    ...QUALITY,
  ],
  planner: [...READ_ALL, ...PLAN_PRODUCTION, 'masterData.manage'],
  operator: [...READ_ALL, ...SHOP_FLOOR],
  quality_engineer: [...READ_ALL, 'masterData.manage', 'lot.update', 'alarm.ack', ...QUALITY],
  lab_technician: [...READ_ALL, 'lab.request', 'lab.work'],
  maintenance: [...READ_ALL, 'equipment.downtime', 'alarm.ack', 'alarm.manage'],
  energy_manager: READ_ALL,
  hse_officer: READ_ALL,
  viewer: READ_ALL,
  supplier: ['tenant.read', 'order.read'],
  customer: ['tenant.read', 'order.read', 'certificate.read'],
};

/** Does any of the roles grant the action? */
export function rolesAllow(roles: readonly TRole[], action: TTenantAction): boolean {
  return roles.some((role) => PERMISSION_TABLE[role]?.includes(action) ?? false);
}

/** Every tenant action the roles grant (sorted), for the portal to shape itself (it never decides). */
export function allowedActions(roles: readonly TRole[]): TTenantAction[] {
  return TENANT_ACTIONS.filter((a) => rolesAllow(roles, a));
}
