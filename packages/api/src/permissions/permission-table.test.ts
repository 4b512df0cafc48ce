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
    expect(allowedActions(['viewer'])).toEqual([
      'tenant.read',
      'plant.read',
      'area.read',
      'workCenter.read',
      'equipment.read',
    ]);
  });

  it('gives partner roles nothing of the tenant but its name', () => {
    expect(allowedActions(['supplier'])).toEqual(['tenant.read']);
    expect(allowedActions(['customer'])).toEqual(['tenant.read']);
  });

  it('unions the grants of several roles', () => {
    expect(rolesAllow(['viewer', 'plant_manager'], 'plant.create')).toBe(true);
  });
});
