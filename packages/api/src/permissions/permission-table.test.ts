import { ROLES } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { TENANT_ACTIONS } from './actions.ts';
import { allowedActions, PERMISSION_TABLE, rolesAllow } from './permission-table.ts';

describe('permission table', () => {
  it('has a row for every role, naming only known actions', () => {
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...ROLES].sort());
    for (const actions of Object.values(PERMISSION_TABLE)) {
      for (const a of actions) expect(TENANT_ACTIONS).toContain(a);
    }
  });

  it('denies by default: no roles, no actions', () => {
    expect(allowedActions([])).toEqual([]);
    expect(rolesAllow([], 'tenant.read')).toBe(false);
  });

  it('lets only tenant admins manage members, settings and the audit trail', () => {
    for (const action of [
      'member.add',
      'member.update',
      'member.remove',
      'member.read',
      'tenant.update',
      'audit.read',
      'audit.export',
    ] as const) {
      const holders = ROLES.filter((r) => rolesAllow([r], action));
      expect(holders, action).toEqual(['tenant_admin']);
    }
  });

  it('lets tenant admins and plant managers change the plant hierarchy; viewers only read', () => {
    expect(ROLES.filter((r) => rolesAllow([r], 'equipment.move'))).toEqual(['tenant_admin', 'plant_manager']);
    const viewer = allowedActions(['viewer']);
    expect(viewer.every((a) => a.endsWith('.read'))).toBe(true);
    expect(viewer).toEqual(
      expect.arrayContaining(['plant.read', 'equipment.read', 'order.read', 'plan.read']),
    );
  });

  it('gives partner roles the tenant name, order reads and (customers) certificates only, narrowed to their partnership', () => {
    expect(allowedActions(['supplier'])).toEqual(['tenant.read', 'order.read']);
    expect(allowedActions(['customer'])).toEqual(['tenant.read', 'order.read', 'certificate.read']);
  });

  it('lets only planners, plant managers and admins publish plans; operators report at the machine', () => {
    expect(ROLES.filter((r) => rolesAllow([r], 'plan.publish'))).toEqual([
      'tenant_admin',
      'plant_manager',
      'planner',
    ]);
    expect(rolesAllow(['operator'], 'operation.report')).toBe(true);
    expect(rolesAllow(['operator'], 'plan.publish')).toBe(false);
    expect(rolesAllow(['viewer'], 'operation.report')).toBe(false);
  });

  it('unions the grants of several roles', () => {
    expect(rolesAllow(['viewer', 'plant_manager'], 'plant.create')).toBe(true);
  });
});
