/**
 * Bad input to EVERY procedure that takes input answers BAD_REQUEST, names the wrong field (dotted path) in the
 * error data the client receives, and writes nothing: no row anywhere changes, no audit row appears. The list of
 * procedures comes from the router, so a new procedure without a case here fails the coverage test.
 */

import type { TProvisionTenantInput } from '@ingot/contracts';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { allProcedures, callProcedure } from './test-support/call-procedure.ts';
import { databaseDigest } from './test-support/database-digest.ts';
import { callerFor, EAST, EAST_ADMIN, PLATFORM_ADMIN, type TCaller } from './test-support/demo-callers.ts';
import { lotBadInputs } from './test-support/lots-fixtures.ts';
import { SWEEP_EXTENSIONS } from './test-support/sweep-extensions.ts';
import { tenantFingerprint } from './test-support/tenant-fingerprint.ts';

interface TBadInput {
  path: string;
  input: unknown;
  /** The field path the error must name. */
  field: string;
  as?: 'platform';
}

function badInputs(ids: {
  plant: string;
  area: string;
  line: string;
  equipment: string;
  member: string;
}): TBadInput[] {
  const provision = {
    slug: 'new-tenant',
    name: '新租户',
    firstPlant: { code: 'P1', name: '一厂' },
    admin: { email: 'boss@new-tenant.cn', displayName: 'Boss' },
  };
  return [
    { path: 'me.setLocale', input: { locale: 'fr' }, field: 'locale' },
    { path: 'audit.list', input: { filter: { from: 'yesterday' } }, field: 'filter.from' },
    {
      path: 'audit.list',
      input: { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      field: 'filter.to',
    },
    { path: 'audit.list', input: { cursor: '-1' }, field: 'cursor' },
    { path: 'audit.export', input: { filter: { action: 'drop table;' } }, field: 'filter.action' },
    { path: 'tenant.update', input: { name: '   ' }, field: 'name' },
    { path: 'tenant.update', input: { defaultLocale: 'de' }, field: 'defaultLocale' },
    { path: 'plant.get', input: { id: 'plant-1' }, field: 'id' },
    { path: 'plant.create', input: { code: 'bad code!', name: '新厂' }, field: 'code' },
    {
      path: 'plant.create',
      input: { code: 'NP', name: '新厂', address: { country: 'CHN' } },
      field: 'address.country',
    },
    { path: 'plant.update', input: { id: ids.plant, timezone: 'Mars/Olympus' }, field: 'timezone' },
    { path: 'plant.delete', input: { id: 42 }, field: 'id' },
    { path: 'area.list', input: { plantId: 'rolling' }, field: 'plantId' },
    { path: 'area.create', input: { plantId: ids.plant, code: '', name: '新区' }, field: 'code' },
    { path: 'area.update', input: { id: ids.area, name: 'x'.repeat(121) }, field: 'name' },
    { path: 'area.delete', input: { id: 'area' }, field: 'id' },
    { path: 'workCenter.list', input: { areaId: 'x' }, field: 'areaId' },
    {
      path: 'workCenter.create',
      input: { areaId: ids.area, code: 'L9', name: '线', kind: 'conveyor' },
      field: 'kind',
    },
    { path: 'workCenter.update', input: { id: ids.line, code: 'a b' }, field: 'code' },
    { path: 'workCenter.delete', input: { id: null }, field: 'id' },
    { path: 'workCenter.move', input: { id: ids.line, areaId: 'elsewhere' }, field: 'areaId' },
    { path: 'equipment.list', input: { class: 'toaster' }, field: 'class' },
    { path: 'equipment.get', input: { id: 'CM-1' }, field: 'id' },
    { path: 'equipment.tree', input: { plantId: '' }, field: 'plantId' },
    {
      path: 'equipment.create',
      input: {
        workCenterId: ids.line,
        code: 'E9',
        name: '设备',
        class: 'other',
        attributes: { a: { nested: 1 } },
      },
      field: 'attributes.a',
    },
    { path: 'equipment.update', input: { id: ids.equipment, class: 'toaster' }, field: 'class' },
    { path: 'equipment.delete', input: { id: '' }, field: 'id' },
    { path: 'equipment.move', input: { id: ids.equipment, workCenterId: 'line-2' }, field: 'workCenterId' },
    {
      path: 'member.add',
      input: { email: 'not-an-email', displayName: '新人', roles: ['viewer'] },
      field: 'email',
    },
    {
      path: 'member.add',
      input: { email: 'new@east-china-al.demo', displayName: '新人', roles: [] },
      field: 'roles',
    },
    { path: 'member.update', input: { id: ids.member, roles: ['emperor'] }, field: 'roles.0' },
    { path: 'member.update', input: { id: ids.member, plantIds: ['rolling'] }, field: 'plantIds.0' },
    { path: 'member.remove', input: { id: 'me' }, field: 'id' },
    {
      path: 'platform.tenant.provision',
      input: { ...provision, slug: 'East China' },
      field: 'slug',
      as: 'platform',
    },
    {
      path: 'platform.tenant.provision',
      input: { ...provision, admin: { ...provision.admin, email: 'boss' } },
      field: 'admin.email',
      as: 'platform',
    },
    { path: 'platform.tenant.provisionStatus', input: { slug: 'X Y' }, field: 'slug', as: 'platform' },
    {
      path: 'platform.tenant.issueFirstPassword',
      input: { slug: 'east-china-al', email: 'boss' },
      field: 'email',
      as: 'platform',
    },
    ...orderBadInputs(ids),
    ...planBadInputs(),
    ...connectorBadInputs(ids),
    ...lotBadInputs(ids),
    ...SWEEP_EXTENSIONS.flatMap((ext) => ext.badInputs(ids)),
  ];
}

/** Planning: plan versions, edits, downtime and rush orders. */
function planBadInputs(): TBadInput[] {
  const uuid = '00000000-0000-4000-8000-000000000001';
  return [
    { path: 'plan.current', input: { plantId: 'RP' }, field: 'plantId' },
    { path: 'plan.list', input: { plantId: uuid, limit: 0 }, field: 'limit' },
    { path: 'plan.status', input: { plantId: 1 }, field: 'plantId' },
    { path: 'plan.get', input: { planVersionId: 'v3' }, field: 'planVersionId' },
    { path: 'plan.compare', input: { planVersionIds: [uuid] }, field: 'planVersionIds' },
    { path: 'plan.run', input: { plantId: uuid, timeLimitSeconds: 0 }, field: 'timeLimitSeconds' },
    { path: 'plan.publish', input: { planVersionId: '' }, field: 'planVersionId' },
    {
      path: 'plan.moveOperation',
      input: { planVersionId: uuid, operationId: uuid, equipmentId: uuid, start: 'tomorrow' },
      field: 'start',
    },
    {
      path: 'plan.lockOperation',
      input: { planVersionId: uuid, operationId: uuid, locked: 'yes' },
      field: 'locked',
    },
    {
      path: 'plan.equipmentDown',
      input: { equipmentId: uuid, start: '2026-03-02T08:00:00Z', end: '2026-03-02T06:00:00Z' },
      field: 'end',
    },
    { path: 'plan.equipmentUp', input: { equipmentId: 'CRM-1' }, field: 'equipmentId' },
    { path: 'plan.rushOrder', input: { orderId: uuid, priority: 11 }, field: 'priority' },
  ];
}

/** Connectors and their credentials and configuration. */
function connectorBadInputs(ids: { plant: string }): TBadInput[] {
  return [
    { path: 'connector.list', input: { plantId: 'x' }, field: 'plantId' },
    { path: 'connector.get', input: { id: 'c-1' }, field: 'id' },
    { path: 'connector.create', input: { plantId: ids.plant, code: 'edge/#', name: 'x' }, field: 'code' },
    { path: 'connector.issueCredentials', input: { id: 1 }, field: 'id' },
    { path: 'connector.revoke', input: { id: 'x' }, field: 'id' },
    { path: 'connector.updateConfig', input: { id: ids.plant, config: 42 }, field: 'config' },
    { path: 'connector.validateConfig', input: { config: 1 }, field: 'config' },
  ];
}

/** Issue 5: master data, routings, orders and work orders. */
function orderBadInputs(ids: { plant: string; equipment: string }): TBadInput[] {
  const uuid = '00000000-0000-4000-8000-000000000001';
  const line = { specId: uuid, quantity: 1, unit: 't', requestedDate: '2027-01-15' };
  const spec = {
    code: 'SP-1',
    productFamily: 'strip_coil',
    alloyId: uuid,
    temperId: uuid,
    thicknessMm: 1,
    thicknessTolMinus: 0.05,
    thicknessTolPlus: 0.05,
    widthMm: 1000,
    innerDiameterMm: 508,
  };
  const step = {
    operationCode: 'cold_rolling',
    name: '冷轧',
    yield: 0.98,
    equipment: [{ equipmentId: ids.equipment, rate: 10, rateUnit: 't_per_h' }],
  };
  return [
    { path: 'masterData.alloy.list', input: { family: 'steel' }, field: 'family' },
    { path: 'masterData.alloy.get', input: { id: '3003' }, field: 'id' },
    {
      path: 'masterData.alloy.create',
      input: { code: 'X1', family: 'aluminium', composition: { Mn: { min: 1.5, max: 1.0 } } },
      field: 'composition.Mn.max',
    },
    { path: 'masterData.alloy.update', input: { id: uuid, density: 80 }, field: 'density' },
    { path: 'masterData.alloy.setActive', input: { id: uuid, active: 'no' }, field: 'active' },
    { path: 'masterData.temper.list', input: { family: 'gold' }, field: 'family' },
    { path: 'masterData.temper.create', input: { code: 'h14', family: 'aluminium' }, field: 'code' },
    {
      path: 'masterData.temper.update',
      input: { id: uuid, description: 'x'.repeat(501) },
      field: 'description',
    },
    { path: 'masterData.customer.list', input: { includeInactive: 'yes' }, field: 'includeInactive' },
    { path: 'masterData.customer.get', input: { id: 'C-CAN' }, field: 'id' },
    {
      path: 'masterData.customer.create',
      input: { code: 'C9', name: '客户', country: 'China' },
      field: 'country',
    },
    {
      path: 'masterData.customer.update',
      input: { id: uuid, contact: { email: 'nope' } },
      field: 'contact.email',
    },
    { path: 'masterData.customer.setActive', input: { id: 7 }, field: 'id' },
    { path: 'masterData.spec.list', input: { productFamily: 'wire' }, field: 'productFamily' },
    { path: 'masterData.spec.get', input: { id: 'S3003' }, field: 'id' },
    { path: 'masterData.spec.create', input: { ...spec, thicknessMm: -1 }, field: 'thicknessMm' },
    { path: 'masterData.spec.create', input: { ...spec, widthMm: null }, field: 'widthMm' },
    {
      path: 'masterData.spec.update',
      input: { id: uuid, innerDiameterMm: 600, outerDiameterMm: 500 },
      field: 'outerDiameterMm',
    },
    {
      path: 'masterData.spec.toleranceLookup',
      input: { alloyCode: '3003', thicknessMm: 0, widthMm: 1000 },
      field: 'thicknessMm',
    },
    { path: 'routing.list', input: { productFamily: 'coil' }, field: 'productFamily' },
    { path: 'routing.get', input: { id: 'R-1' }, field: 'id' },
    { path: 'routing.select', input: { specId: 'S-1' }, field: 'specId' },
    {
      path: 'routing.create',
      input: { code: 'R-9', name: '路线', productFamily: 'strip_coil', steps: [{ ...step, yield: 1.2 }] },
      field: 'steps.0.yield',
    },
    {
      path: 'routing.create',
      input: { code: 'R-9', name: '路线', productFamily: 'strip_coil', steps: [{ ...step, equipment: [] }] },
      field: 'steps.0.equipment',
    },
    {
      path: 'routing.update',
      input: { id: uuid, steps: [{ ...step, operationCode: 'Cold Rolling' }] },
      field: 'steps.0.operationCode',
    },
    { path: 'routing.setActive', input: { id: 'x' }, field: 'id' },
    { path: 'order.list', input: { status: ['done'] }, field: 'status.0' },
    { path: 'order.list', input: { from: '2026-03-01', to: '2026-02-01' }, field: 'to' },
    { path: 'order.get', input: { id: 'SO-1' }, field: 'id' },
    {
      path: 'order.create',
      input: { plantId: ids.plant, customerId: uuid, lines: [{ ...line, quantity: 0 }] },
      field: 'lines.0.quantity',
    },
    {
      path: 'order.create',
      input: { plantId: ids.plant, customerId: uuid, lines: [{ ...line, requestedDate: 'soon' }] },
      field: 'lines.0.requestedDate',
    },
    { path: 'order.create', input: { plantId: ids.plant, customerId: uuid, lines: [] }, field: 'lines' },
    { path: 'order.update', input: { id: uuid, priority: 0 }, field: 'priority' },
    { path: 'order.advance', input: { id: uuid, toStatus: 'cancelled' }, field: 'toStatus' },
    { path: 'order.cancel', input: { id: uuid, reason: '' }, field: 'reason' },
    { path: 'order.confirm', input: { id: 'SO-1' }, field: 'id' },
    {
      path: 'order.ship',
      input: { orderId: uuid, lines: [{ lineId: uuid, quantity: -2 }] },
      field: 'lines.0.quantity',
    },
    { path: 'order.share', input: { orderId: uuid, partnershipId: 'supplier' }, field: 'partnershipId' },
    { path: 'order.unshare', input: { orderId: 'x', partnershipId: uuid }, field: 'orderId' },
    { path: 'workOrder.list', input: { status: ['running'] }, field: 'status.0' },
    { path: 'workOrder.get', input: { id: 'WO-1' }, field: 'id' },
    { path: 'workOrder.release', input: { id: '' }, field: 'id' },
  ];
}

describeEachDatabase('input validation', (t) => {
  let ids: { plant: string; area: string; line: string; equipment: string; member: string };
  let admin: TCaller;
  let platform: TCaller;
  const started: TProvisionTenantInput[] = [];

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    const a = await tenantFingerprint(t.database, tenantIdForSlug(EAST));
    const first = <T>(rows: T[]): T => {
      if (!rows[0]) throw new Error('demo tenant incomplete');
      return rows[0];
    };
    ids = {
      plant: first(a.rows.plants).id,
      area: first(a.rows.areas).id,
      line: first(a.rows.lines).id,
      equipment: first(a.rows.equipment).id,
      member: first(a.rows.memberships).id,
    };
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    platform = callerFor(t.db, PLATFORM_ADMIN, null, {
      startProvisionTenant: async (input) => {
        started.push(input);
        return { workflowId: 'wf', runId: 'run' };
      },
      getProvisionTenantStatus: async (slug) => ({ status: 'not_found', workflowId: slug }),
    });
  });

  it('has a bad-input case for every procedure that takes input', () => {
    const covered = new Set(badInputs(ids).map((c) => c.path));
    const missing = allProcedures()
      .filter((p) => p.takesInput)
      .map((p) => p.path)
      .filter((p) => !covered.has(p));
    expect(missing, 'procedures with input but no bad-input case: add them to badInputs').toEqual([]);
  });

  it('answers BAD_REQUEST naming the wrong field, and writes nothing', async () => {
    const failures: string[] = [];
    for (const c of badInputs(ids)) {
      const before = await databaseDigest(t.database);
      const out = await callProcedure(c.as === 'platform' ? platform : admin, c.path, c.input);
      const after = await databaseDigest(t.database);
      const label = `${c.path}(${JSON.stringify(c.input)})`;
      if (out.ok) {
        failures.push(`${label}: accepted`);
        continue;
      }
      const data = (
        out.shape as { data?: { field?: string | null; zodError?: { fieldErrors: object } | null } }
      ).data;
      const fields = Object.keys(data?.zodError?.fieldErrors ?? {});
      if (out.code !== 'BAD_REQUEST') failures.push(`${label}: ${out.code} (${out.message})`);
      else if (data?.field !== c.field || !fields.includes(c.field)) {
        failures.push(`${label}: names ${data?.field} / [${fields}] instead of ${c.field}`);
      } else if (!out.message.includes(c.field))
        failures.push(`${label}: message "${out.message}" lacks the field`);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length > 0) failures.push(`${label}: wrote to ${changed}`);
    }
    expect(failures).toEqual([]);
    expect(started).toEqual([]);
  });
});
