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

/**
 * THE permission table: role -> the tenant actions it grants. Deny by default: an action no role of the member
 * lists is refused (FORBIDDEN) by the tenant procedure before any row is read. Plant scope (a member limited to
 * some plants) is applied on top by the domain functions, in their queries.
 *
 * Partners (supplier, customer) see the tenant's name only here; what a partnership shares with them is decided
 * by its scopes in the partner procedures of later domains (orders, certificates), never by this table.
 */
export const PERMISSION_TABLE: Readonly<Record<TRole, readonly TTenantAction[]>> = {
  tenant_admin: TENANT_ACTIONS,
  plant_manager: [...READ_HIERARCHY, ...WRITE_HIERARCHY],
  planner: READ_HIERARCHY,
  operator: READ_HIERARCHY,
  quality_engineer: READ_HIERARCHY,
  lab_technician: READ_HIERARCHY,
  maintenance: READ_HIERARCHY,
  energy_manager: READ_HIERARCHY,
  hse_officer: READ_HIERARCHY,
  viewer: READ_HIERARCHY,
  supplier: ['tenant.read'],
  customer: ['tenant.read'],
};

/** Does any of the roles grant the action? */
export function rolesAllow(roles: readonly TRole[], action: TTenantAction): boolean {
  return roles.some((role) => PERMISSION_TABLE[role]?.includes(action) ?? false);
}

/** Every tenant action the roles grant (sorted), for the portal to shape itself (it never decides). */
export function allowedActions(roles: readonly TRole[]): TTenantAction[] {
  return TENANT_ACTIONS.filter((a) => rolesAllow(roles, a));
}
