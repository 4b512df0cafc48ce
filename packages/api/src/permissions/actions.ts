/**
 * Every action a procedure can declare (`.meta({ action })`), by layer. Tenant actions are granted to roles by
 * the permission table; self actions to anyone signed in (their own profile); platform actions to platform
 * administrators. A procedure without an action, or with one outside these lists, is refused.
 */
export const TENANT_ACTIONS = [
  'tenant.read',
  'tenant.update',
  'plant.read',
  'plant.create',
  'plant.update',
  'plant.delete',
  'area.read',
  'area.create',
  'area.update',
  'area.delete',
  'workCenter.read',
  'workCenter.create',
  'workCenter.update',
  'workCenter.delete',
  'workCenter.move',
  'equipment.read',
  'equipment.create',
  'equipment.update',
  'equipment.delete',
  'equipment.move',
  'member.read',
  'member.add',
  'member.update',
  'member.remove',
  'audit.read',
  'audit.export',
  // Issue 5: master data, orders, routings, work orders, planning, shop floor, material lots.
  'masterData.read',
  'masterData.manage',
  'order.read',
  'order.create',
  'order.update',
  'order.confirm',
  'order.cancel',
  'order.ship',
  'order.share',
  'routing.read',
  'routing.manage',
  'workOrder.read',
  'workOrder.create',
  'workOrder.release',
  'plan.read',
  'plan.run',
  'plan.edit',
  'plan.publish',
  'equipment.downtime',
  'operation.read',
  'operation.report',
  'lot.read',
  'lot.create',
  'lot.split',
  'lot.merge',
  'lot.update',
  // Issue 4: connectors and their broker credentials.
  'connector.read',
  'connector.manage',
  // Issue 4: live values, trends and alarms.
  'telemetry.read',
  'alarm.read',
  'alarm.ack',
  'alarm.manage',
  // Issue 6: total quality.
  'quality.read',
  'quality.manage',
  'lab.request',
  'lab.work',
  'quality.approve',
  'certificate.issue',
  'certificate.read',
] as const;
export type TTenantAction = (typeof TENANT_ACTIONS)[number];

export const SELF_ACTIONS = ['me.read', 'me.update'] as const;
export type TSelfAction = (typeof SELF_ACTIONS)[number];

export const PLATFORM_ACTIONS = [
  'platform.tenant.read',
  'platform.tenant.provision',
  'platform.tenant.issueFirstPassword',
] as const;
export type TPlatformAction = (typeof PLATFORM_ACTIONS)[number];

export type TAction = TTenantAction | TSelfAction | TPlatformAction;

export const isTenantAction = (a: unknown): a is TTenantAction =>
  (TENANT_ACTIONS as readonly unknown[]).includes(a);
export const isSelfAction = (a: unknown): a is TSelfAction =>
  (SELF_ACTIONS as readonly unknown[]).includes(a);
export const isPlatformAction = (a: unknown): a is TPlatformAction =>
  (PLATFORM_ACTIONS as readonly unknown[]).includes(a);

/** What every procedure declares: `tenantProcedure.meta({ action: 'plant.create' })`. */
export interface TProcedureMeta {
  action: TAction;
}
