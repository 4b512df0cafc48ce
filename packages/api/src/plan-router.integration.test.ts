/**
 * plan.* through the app router on real PostgreSQL and PGlite: reading, publishing, editing and comparing plan
 * versions; downtime and rush orders that signal the planning workflow; tenant isolation and permissions.
 * The workflow gateway here RECORDS the signals it is given (a stand-in at the Temporal boundary): that the real
 * workflows react to them is proven against the real Temporal server in services/workflows
 * (plan-production.integration.test.ts).
 */
import { randomUUID } from 'node:crypto';
import type { TPlanWorkflowGateway } from '@ingot/contracts';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import {
  planPlant,
  seedDemoTenant,
  seedPlanningScenario,
  systemPlanningScope,
  type TPlanningScenario,
} from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { callProcedure } from './test-support/call-procedure.ts';
import {
  createCaller,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
} from './test-support/demo-callers.ts';
import { recordingPlanGateway } from './test-support/recording-plan-gateway.ts';

const EAST_ID = tenantIdForSlug(EAST);

describeEachDatabase('plan router', (t) => {
  let scenario: TPlanningScenario;

  const caller = (email: string, slug: string, planWorkflows: TPlanWorkflowGateway | null) =>
    createCaller(
      createContextInner({
        db: t.db,
        identity: { subject: email, email, name: email },
        activeTenantId: tenantIdForSlug(slug),
        requestId: randomUUID(),
        sourceIp: '192.0.2.10',
        planWorkflows,
      }),
    );

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    scenario = await withTenant(t.db, { tenantId: EAST_ID }, (tx) =>
      seedPlanningScenario(tx, { tenantId: EAST_ID, orders: 20, seed: 3, prefix: 'API' }),
    );
  });

  it('runs, lists, reads, publishes and compares plan versions', async () => {
    const { gateway, signals } = recordingPlanGateway();
    const planner = caller(EAST_ADMIN, EAST, gateway);
    expect(await planner.plan.current({ plantId: scenario.plantId })).toBeNull();
    const run = await planner.plan.run({ plantId: scenario.plantId, timeLimitSeconds: 5 });
    expect(run.workflowId).toBe(`${EAST_ID}:plan:${scenario.plantCode}`);
    expect(signals).toEqual([
      expect.objectContaining({
        tenantId: EAST_ID,
        plantId: scenario.plantId,
        plantCode: scenario.plantCode,
        signal: 'replan',
        request: expect.objectContaining({ trigger: 'manual', timeLimitMs: 5000 }),
      }),
    ]);

    // What the workflow does (gather -> solve -> draft), in-process here.
    const scope = systemPlanningScope(EAST_ID);
    const a = await withTenant(t.db, { tenantId: EAST_ID }, (tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'manual', timeLimitMs: 400 }),
    );
    const b = await withTenant(t.db, { tenantId: EAST_ID }, (tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'replan', timeLimitMs: 400 }),
    );
    const list = await planner.plan.list({ plantId: scenario.plantId });
    expect(list.map((v) => v.version).slice(0, 2)).toEqual([b.version, a.version]);
    const draft = await planner.plan.get({ planVersionId: a.planVersionId });
    expect(draft.assignments.length).toBeGreaterThan(100);
    expect(draft.equipment.map((e) => e.code)).toContain('CRM-1');

    const published = await planner.plan.publish({ planVersionId: a.planVersionId });
    expect(published).toMatchObject({ changed: true, version: a.version });
    expect((await planner.plan.current({ plantId: scenario.plantId }))?.id).toBe(a.planVersionId);
    const cmp = await planner.plan.compare({ planVersionIds: [a.planVersionId, b.planVersionId] });
    expect(cmp.versions.map((v) => v.status)).toEqual(['published', 'draft']);
    expect(cmp.kpis.find((k) => k.key === 'makespanMin')?.values).toHaveLength(2);

    // Bad input names its field.
    const bad = await callProcedure(planner, 'plan.compare', { planVersionIds: [a.planVersionId] });
    expect(bad).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: expect.stringContaining('at least two'),
    });
  });

  it('moves and locks operations as new drafts and refuses ineligible equipment with the field named', async () => {
    const planner = caller(EAST_ADMIN, EAST, null);
    const current = await planner.plan.current({ plantId: scenario.plantId });
    if (!current) throw new Error('no current plan');
    const op = current.assignments.find(
      (x) => x.operationCode === 'packing' && x.start.getTime() > Date.now() + 3600_000,
    );
    if (!op) throw new Error('no packing operation');
    const refused = await callProcedure(planner, 'plan.moveOperation', {
      planVersionId: current.id,
      operationId: op.operationId,
      equipmentId: scenario.equipment['CRM-1'],
      start: op.start.toISOString(),
    });
    expect(refused).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    if (!refused.ok) expect((refused.shape as { data: { field?: string } }).data.field).toBe('equipmentId');
    const locked = await planner.plan.lockOperation({
      planVersionId: current.id,
      operationId: op.operationId,
      locked: true,
    });
    // Pinned to its machine where the plan, retimed from now, puts it.
    expect(locked.operation).toMatchObject({ locked: true, equipmentId: op.equipmentId });
    expect(locked.operation.start.getTime()).toBeGreaterThanOrEqual(Date.now());
    const version = await planner.plan.get({ planVersionId: locked.planVersionId });
    expect(version).toMatchObject({ status: 'draft', trigger: 'edit' });
  });

  it('records downtime and rush orders and signals the planning workflow; runs need a workflow server', async () => {
    const { gateway, signals } = recordingPlanGateway();
    const planner = caller(EAST_ADMIN, EAST, gateway);
    const crm2 = scenario.equipment['CRM-2'] as string;
    const down = await planner.plan.equipmentDown({ equipmentId: crm2, reason: '轧辊断裂 roll break' });
    expect(down.replan).toEqual({
      requested: true,
      workflowId: `${EAST_ID}:plan:${scenario.plantCode}`,
      requestId: `down:${down.downtimeId}`,
    });
    expect(signals.at(-1)).toMatchObject({
      signal: 'equipmentDown',
      request: { trigger: 'equipment_down', equipmentId: crm2 },
    });
    const up = await planner.plan.equipmentUp({ equipmentId: crm2 });
    expect(up.closed).toBe(1);
    expect(signals.at(-1)).toMatchObject({ signal: 'equipmentUp' });
    const again = await callProcedure(planner, 'plan.equipmentUp', { equipmentId: crm2 });
    expect(again).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('no open downtime'),
    });

    const order = scenario.orders[0];
    if (!order) throw new Error('no order');
    const rushed = await planner.plan.rushOrder({ orderId: order.orderId, priority: 8 });
    expect(rushed).toMatchObject({ orderNo: order.orderNo, priority: 8, replan: { requested: true } });
    expect(signals.at(-1)).toMatchObject({ signal: 'rushOrder', request: { orderId: order.orderId } });
    const row = await withTenant(t.db, { tenantId: EAST_ID }, (tx) =>
      tx.salesOrder.findUniqueOrThrow({ where: { id: order.orderId } }),
    );
    expect(row.priority).toBe(8);

    // Without a workflow server: downtime is still recorded (and says no replan was requested); a run is refused.
    const offline = caller(EAST_ADMIN, EAST, null);
    const recorded = await offline.plan.equipmentDown({ equipmentId: crm2, reason: 'offline' });
    expect(recorded.replan).toMatchObject({ requested: false });
    const run = await callProcedure(offline, 'plan.run', { plantId: scenario.plantId });
    expect(run).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
  });

  it("answers NOT_FOUND for another tenant's plans, plants, equipment and orders, and signals nothing", async () => {
    const { gateway, signals } = recordingPlanGateway();
    const east = caller(EAST_ADMIN, EAST, null);
    const current = await east.plan.current({ plantId: scenario.plantId });
    if (!current) throw new Error('no current plan');
    const other = caller(JIANGNAN_ADMIN, JIANGNAN, gateway);
    const attempts: [string, unknown][] = [
      ['plan.get', { planVersionId: current.id }],
      ['plan.current', { plantId: scenario.plantId }],
      ['plan.publish', { planVersionId: current.id }],
      ['plan.run', { plantId: scenario.plantId }],
      ['plan.equipmentDown', { equipmentId: scenario.equipment['CRM-1'] }],
      ['plan.rushOrder', { orderId: scenario.orders[1]?.orderId }],
      [
        'plan.lockOperation',
        { planVersionId: current.id, operationId: current.assignments[0]?.operationId, locked: true },
      ],
    ];
    for (const [path, input] of attempts) {
      const out = await callProcedure(other, path, input);
      expect(out, path).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(signals).toEqual([]);
    // A planner limited to another plant of the same tenant (RP) does not see this plant's plans either.
    const limited = caller(EAST_PLANNER, EAST, gateway);
    for (const [path, input] of attempts.slice(0, 4)) {
      const out = await callProcedure(limited, path, input);
      expect(out, `limited ${path}`).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(signals).toEqual([]);
  });
  it('tells the order lifecycle of confirmation and cancellation', async () => {
    const { gateway, signals, orderEvents } = recordingPlanGateway();
    const admin = caller(EAST_ADMIN, EAST, gateway);
    const plant = (await admin.plant.list()).find((p) => p.code === 'RP');
    const spec = (await admin.masterData.spec.list({})).find((x) => x.code === 'S3003H14-1.0x1250');
    const customer = (await admin.masterData.customer.list({}))[0];
    if (!plant || !spec || !customer) throw new Error('demo master data missing');
    const line = {
      specId: spec.id,
      quantity: 5,
      unit: 't' as const,
      requestedDate: new Date(Date.now() + 864e5),
    };
    const order = await admin.order.create({ plantId: plant.id, customerId: customer.id, lines: [line] });
    const confirmed = await admin.order.confirm({ id: order.id });
    expect(confirmed.lifecycle).toEqual({
      sent: true,
      workflowId: `${EAST_ID}:order:${order.orderNo}`,
      eventId: `confirmed:${order.id}`,
    });
    expect(orderEvents.at(-1)).toMatchObject({
      orderId: order.id,
      status: 'confirmed',
      event: { kind: 'confirmed', eventId: `confirmed:${order.id}` },
    });
    // Replanning stays the planner's call (plan.run): no planning signal on confirmation.
    expect(signals).toEqual([]);
    const other = await admin.order.create({ plantId: plant.id, customerId: customer.id, lines: [line] });
    const cancelled = await admin.order.cancel({ id: other.id, reason: '客户取消' });
    expect(cancelled.lifecycle).toMatchObject({ sent: true, eventId: `cancelled:${other.id}` });
    // A lifecycle that never ran is started where a cancellable order begins, and ends on the event.
    expect(orderEvents.at(-1)).toMatchObject({ status: 'entered', event: { kind: 'cancelled' } });
    // Without a workflow server the order is still confirmed; the answer says nothing was sent.
    const third = await admin.order.create({ plantId: plant.id, customerId: customer.id, lines: [line] });
    const plain = await caller(EAST_ADMIN, EAST, null).order.confirm({ id: third.id });
    expect(plain.status).toBe('confirmed');
    expect(plain.lifecycle).toEqual({ sent: false, reason: 'no workflow server is configured' });
  });
});
