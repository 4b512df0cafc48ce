/**
 * Planning against real PostgreSQL and PGlite: gather -> solve -> draft -> publish on a seeded rolling plant,
 * planner edits (move, lock) validated by the checker, capable-to-promise, equipment downtime and tenant
 * isolation.
 */
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoTenant } from '../demo/seed-demo-tenant.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TPromiseDateProvider } from '../order/promise-date-provider.ts';
import { checkSchedule } from '../scheduling/check-schedule.ts';
import { capableToPromise } from './capable-to-promise.ts';
import { lockOperation, moveOperation } from './edit-plan.ts';
import { gatherPlanningProblem } from './gather-planning-problem.ts';
import { planPlant } from './plan-plant.ts';
import { comparePlanVersions, getCurrentPlan, getPlanVersion, listPlanVersions } from './plan-queries.ts';
import { endEquipmentDowntime, recordEquipmentDowntime } from './plan-signals.ts';
import { MINUTE_MS, OPEN_DOWNTIME_ASSUMED_MIN } from './planning-rules.ts';
import { systemPlanningScope } from './planning-scope.ts';
import { publishPlan } from './publish-plan.ts';
import { seedPlanningScenario, type TPlanningScenario } from './seed-planning-scenario.ts';
import { solvePlanningProblem } from './solve-planning-problem.ts';

const EAST = tenantIdForSlug('east-china-al');
const JIANGNAN = tenantIdForSlug('jiangnan-copper');
const scope = systemPlanningScope(EAST);
const otherScope = systemPlanningScope(JIANGNAN);

describeEachDatabase('planning', (t) => {
  let scenario: TPlanningScenario;
  const inTx = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { tenantId: EAST }, fn);

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    scenario = await inTx((tx) => seedPlanningScenario(tx, { tenantId: EAST, orders: 30, seed: 7 }));
  });

  it('gathers open work orders into a checked model: routing options, m/min durations, furnace batches, setups, calendars', async () => {
    const problem = await inTx((tx) => gatherPlanningProblem(tx, scope, { plantId: scenario.plantId }));
    expect(problem.instance.jobs).toHaveLength(30);
    expect(problem.warnings).toEqual([]);
    const byCode = Object.fromEntries(Object.entries(problem.equipment).map(([id, e]) => [e.code, id]));
    const machine = (code: string) => problem.instance.machines.find((m) => m.id === byCode[code]);
    expect(machine('ANN-1')?.batch).toEqual({ capacity: 40 });
    // The foil furnace cools 5-6 h between any two charges: 330 min even for the same recipe.
    expect(machine('ANN-3')?.setup?.times['FOIL-FINAL']?.['FOIL-FINAL']).toBe(330);
    // Finishing lines work two shifts: 8 h off every night at least.
    expect((machine('SLIT-1')?.downtimes ?? []).length).toBeGreaterThan(50);
    expect(machine('CRM-1')?.downtimes ?? []).toEqual([]);
    // Products wider than 1400 mm never get the narrow mill.
    const ops = problem.instance.jobs.flatMap((j) => j.operations);
    const narrow = byCode['CRM-3'];
    for (const j of problem.instance.jobs) {
      for (const op of j.operations) {
        if (op.options.some((o) => o.machineId === narrow)) expect(op.family).toMatch(/^R\|/);
      }
    }
    expect(ops.some((o) => o.batch?.recipe === 'O-415')).toBe(true);
    // Slitting durations come from strip length: positive, finite minutes.
    const slit = ops.find((o) => o.options.some((x) => x.machineId === byCode['SLIT-1']));
    expect(slit?.options.every((o) => Number.isInteger(o.duration) && o.duration > 0)).toBe(true);
    const solution = solvePlanningProblem(problem, { timeLimitMs: 500 });
    expect(checkSchedule(problem.instance, solution.schedule).violations).toEqual([]);
  });

  it('saves a draft with KPIs and explanations, publishes it, supersedes the previous one and moves orders to planned', async () => {
    const first = await inTx((tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'manual', timeLimitMs: 800 }),
    );
    const draft = await inTx((tx) => getPlanVersion(tx, scope, { planVersionId: first.planVersionId }));
    expect(draft.status).toBe('draft');
    expect(draft.assignments.length).toBe(scenario.orders.reduce((n, o) => n + o.operationIds.length, 0));
    expect(draft.kpis).toMatchObject({
      workOrders: 30,
      makespanMin: expect.any(Number),
      setupHours: expect.any(Number),
    });
    expect((draft.kpis as { utilisation: number }).utilisation).toBeGreaterThan(0);
    for (const x of draft.explanations) {
      expect(x.orderNo).toMatch(/^S7-SO-/);
      expect(x.summary.zh).toContain(x.workOrderNo);
    }
    const pub = await inTx((tx) => publishPlan(tx, scope, { planVersionId: first.planVersionId }));
    expect(pub.changed).toBe(true);
    expect(pub.plannedOrderNos).toHaveLength(30);
    const again = await inTx((tx) => publishPlan(tx, scope, { planVersionId: first.planVersionId }));
    expect(again.changed).toBe(false);

    const statuses = await inTx((tx) =>
      tx.salesOrder.findMany({ where: { plantId: scenario.plantId }, select: { status: true } }),
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['planned']));

    const second = await inTx((tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'replan', timeLimitMs: 500 }),
    );
    await inTx((tx) => publishPlan(tx, scope, { planVersionId: second.planVersionId }));
    const versions = await inTx((tx) => listPlanVersions(tx, scope, { plantId: scenario.plantId }));
    expect(versions.slice(0, 2).map((v) => [v.version, v.status])).toEqual([
      [second.version, 'published'],
      [first.version, 'superseded'],
    ]);
    await expect(
      inTx((tx) => publishPlan(tx, scope, { planVersionId: first.planVersionId })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const cmp = await inTx((tx) =>
      comparePlanVersions(tx, scope, { planVersionIds: [first.planVersionId, second.planVersionId] }),
    );
    expect(cmp.kpis.map((k) => k.key)).toContain('weightedTardinessMin');
    expect(cmp.kpis[0]?.values).toHaveLength(2);
    // Idempotent by request key: a retried save returns the first version.
    const k1 = await inTx((tx) =>
      planPlant(tx, scope, {
        plantId: scenario.plantId,
        trigger: 'replan',
        timeLimitMs: 300,
        requestKey: 'retry-1',
      }),
    );
    const k2 = await inTx((tx) =>
      planPlant(tx, scope, {
        plantId: scenario.plantId,
        trigger: 'replan',
        timeLimitMs: 300,
        requestKey: 'retry-1',
      }),
    );
    expect(k2).toMatchObject({ planVersionId: k1.planVersionId, created: false });
  });

  it('keeps the frozen horizon of the published plan when replanning', async () => {
    const current = await inTx((tx) => getCurrentPlan(tx, scope, { plantId: scenario.plantId }));
    if (!current) throw new Error('no current plan');
    const now = new Date();
    const frozenUntil = now.getTime() + 1440 * 60_000; // a 24 h horizon, so the window always holds work
    const next = await inTx((tx) =>
      planPlant(tx, scope, {
        plantId: scenario.plantId,
        trigger: 'replan',
        timeLimitMs: 500,
        now,
        frozenMinutes: 1440,
      }),
    );
    const plan = await inTx((tx) => getPlanVersion(tx, scope, { planVersionId: next.planVersionId }));
    const before = new Map(current.assignments.map((a) => [a.operationId, a]));
    const nowCeil = Math.ceil(now.getTime() / 60_000) * 60_000;
    // Work orders the old plan had started (or should have) before now have floating operations; their successors
    // are free to move. Only work orders wholly ahead of now must keep their operations inside the horizon.
    const firstStart = new Map<string, number>();
    for (const b of current.assignments) {
      firstStart.set(
        b.workOrderId,
        Math.min(firstStart.get(b.workOrderId) ?? Number.POSITIVE_INFINITY, b.start.getTime()),
      );
    }
    let frozen = 0;
    for (const a of plan.assignments) {
      const b = before.get(a.operationId);
      if (
        !b ||
        (firstStart.get(b.workOrderId) ?? 0) < nowCeil ||
        b.start.getTime() < nowCeil ||
        b.start.getTime() >= frozenUntil - 60_000
      )
        continue;
      // Every operation the published plan started within the horizon keeps equipment and start.
      if (b.operationStatus === 'pending') {
        expect([a.equipmentCode, a.start.getTime()]).toEqual([b.equipmentCode, b.start.getTime()]);
        frozen++;
      }
    }
    expect(frozen).toBeGreaterThan(0);
  });

  it('moves an operation to another eligible machine as a new draft, refuses ineligible and infeasible moves, locks and unlocks', async () => {
    const current = await inTx((tx) => getCurrentPlan(tx, scope, { plantId: scenario.plantId }));
    if (!current) throw new Error('no current plan');
    const cold = current.assignments.find(
      (a) => a.operationCode === 'cold_rolling' && a.start.getTime() > Date.now() + 6 * 3600_000,
    );
    if (!cold) throw new Error('no cold rolling operation to move');
    const other = ['CRM-1', 'CRM-2'].find((c) => c !== cold.equipmentCode) as string;
    // Ineligible: a packing line for a rolling operation.
    await expect(
      inTx((tx) =>
        moveOperation(tx, scope, {
          planVersionId: current.id,
          operationId: cold.operationId,
          equipmentId: scenario.equipment['PACK-1'] as string,
          start: cold.start,
        }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'equipmentId' });
    // Infeasible: before its predecessor can possibly end (right now).
    const early = inTx((tx) =>
      moveOperation(tx, scope, {
        planVersionId: current.id,
        operationId: cold.operationId,
        equipmentId: scenario.equipment[other] as string,
        start: new Date(Date.now() + 60_000),
      }),
    );
    await expect(early).rejects.toBeInstanceOf(DomainError);
    await expect(early).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('infeasible'),
    });
    // The reason names work orders and equipment by number and code, never by database id.
    const reason = await early.then(
      () => '',
      (e: Error) => e.message,
    );
    expect(reason).toMatch(/S7-WO-\d+ operation \d+ \(cold_rolling\) would start before/);
    expect(reason).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    // Feasible: a day later than planned, on the other mill.
    const target = new Date(cold.start.getTime() + 24 * 3600_000);
    const moved = await inTx((tx) =>
      moveOperation(tx, scope, {
        planVersionId: current.id,
        operationId: cold.operationId,
        equipmentId: scenario.equipment[other] as string,
        start: target,
      }),
    );
    expect(moved.operation).toMatchObject({ equipmentId: scenario.equipment[other], locked: true });
    expect(moved.operation.start.getTime()).toBe(Math.round(target.getTime() / 60_000) * 60_000);
    const draft = await inTx((tx) => getPlanVersion(tx, scope, { planVersionId: moved.planVersionId }));
    expect(draft.status).toBe('draft');
    expect(draft.trigger).toBe('edit');
    expect(draft.assignments.find((a) => a.operationId === cold.operationId)).toMatchObject({
      equipmentCode: other,
      locked: true,
    });
    // A new solve keeps the lock.
    const rerun = await inTx((tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'replan', timeLimitMs: 400 }),
    );
    const rerunPlan = await inTx((tx) => getPlanVersion(tx, scope, { planVersionId: rerun.planVersionId }));
    expect(rerunPlan.assignments.find((a) => a.operationId === cold.operationId)).toMatchObject({
      equipmentCode: other,
      start: moved.operation.start,
      locked: true,
    });
    const unlocked = await inTx((tx) =>
      lockOperation(tx, scope, {
        planVersionId: moved.planVersionId,
        operationId: cold.operationId,
        locked: false,
      }),
    );
    expect(unlocked.operation.locked).toBe(false);
    const op = await inTx((tx) =>
      tx.workOrderOperation.findUniqueOrThrow({ where: { id: cold.operationId } }),
    );
    expect(op.locked).toBe(false);
  });

  it('promises dates for a new order against the current plan without writing a plan', async () => {
    const extra = await inTx((tx) =>
      seedPlanningScenario(tx, { tenantId: EAST, orders: 1, seed: 99, prefix: 'CTP' }),
    );
    const order = extra.orders[0];
    if (!order) throw new Error('no order');
    const before = await inTx((tx) => tx.planVersion.count());
    const ctp = await inTx((tx) => capableToPromise(tx, scope, { orderId: order.orderId, timeLimitMs: 500 }));
    expect(ctp.orderNo).toBe(order.orderNo);
    expect(ctp.lines).toHaveLength(1);
    expect(ctp.lines[0]?.workOrders[0]?.workOrderNo).toBe(order.workOrderNo);
    expect(ctp.promisedDate.getTime()).toBeGreaterThan(Date.now());
    expect(ctp.basedOnPlanVersionId).not.toBeNull();
    expect(await inTx((tx) => tx.planVersion.count())).toBe(before);
    // Order confirmation's promise-date provider shape (packages/domain/src/order/promise-date-provider.ts).
    const provider: TPromiseDateProvider = capableToPromise;
    expect(ctp.perLine).toEqual([
      {
        lineId: order.lineId,
        promisedDate: ctp.promisedDate,
        earliestFinish: ctp.lines[0]?.earliestCompletion,
      },
    ]);
    expect(ctp.method).toBe('finite-capacity-on-published-plan');
    expect(typeof provider).toBe('function');
  });

  it('records a breakdown that the next plan avoids', async () => {
    const start = new Date();
    const end = new Date(start.getTime() + 12 * 3600_000);
    await inTx((tx) =>
      recordEquipmentDowntime(tx, scope, {
        equipmentId: scenario.equipment['CRM-1'] as string,
        kind: 'breakdown',
        start,
        end,
        reason: 'test',
      }),
    );
    const plan = await inTx((tx) =>
      planPlant(tx, scope, { plantId: scenario.plantId, trigger: 'equipment_down', timeLimitMs: 500 }),
    );
    const dto = await inTx((tx) => getPlanVersion(tx, scope, { planVersionId: plan.planVersionId }));
    for (const a of dto.assignments.filter(
      (x) => x.equipmentCode === 'CRM-1' && x.operationStatus === 'pending',
    )) {
      const overlaps = a.start < end && a.end > start;
      expect(overlaps, `${a.workOrderNo} on CRM-1`).toBe(false);
    }
  });

  it("hides one tenant's plans, plants, orders and equipment from another (NOT_FOUND, as for a missing row)", async () => {
    const current = await inTx((tx) => getCurrentPlan(tx, scope, { plantId: scenario.plantId }));
    if (!current) throw new Error('no current plan');
    const other = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
      withTenant(t.db, { tenantId: JIANGNAN }, fn);
    await expect(
      other((tx) => getPlanVersion(tx, otherScope, { planVersionId: current.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other((tx) => getCurrentPlan(tx, otherScope, { plantId: scenario.plantId })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other((tx) => publishPlan(tx, otherScope, { planVersionId: current.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other((tx) => capableToPromise(tx, otherScope, { orderId: scenario.orders[0]?.orderId as string })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other((tx) =>
        recordEquipmentDowntime(tx, otherScope, {
          equipmentId: scenario.equipment['CRM-1'] as string,
          kind: 'breakdown',
          reason: '',
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A member limited to another plant does not see this one either.
    const limited = { ...scope, plantIds: ['00000000-0000-4000-8000-000000000001'] };
    await expect(
      inTx((tx) => getPlanVersion(tx, limited, { planVersionId: current.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a machine unavailable for the whole of a downtime that does not fall on whole minutes', async () => {
    // Planned "now" 5 s into a minute; the machine went down 20 s into it, open-ended (assumed 8 h) — rounding its
    // window to the nearest minute would end it 20 s before the machine is back.
    const minute = Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS;
    const now = new Date(minute + 5_000);
    const start = new Date(minute + 20_000);
    const crm2 = scenario.equipment['CRM-2'] as string;
    await inTx((tx) =>
      recordEquipmentDowntime(tx, scope, { equipmentId: crm2, kind: 'breakdown', start, reason: 'test' }),
    );
    try {
      const problem = await inTx((tx) =>
        gatherPlanningProblem(tx, scope, { plantId: scenario.plantId, now }),
      );
      const windows = problem.instance.machines.find((m) => m.id === crm2)?.downtimes ?? [];
      const assumedEnd = start.getTime() + OPEN_DOWNTIME_ASSUMED_MIN * MINUTE_MS;
      const covered = windows.some(
        (w) => minute + w.start * MINUTE_MS <= start.getTime() && minute + w.end * MINUTE_MS >= assumedEnd,
      );
      expect(covered, JSON.stringify(windows)).toBe(true);
    } finally {
      await inTx((tx) =>
        endEquipmentDowntime(tx, scope, { equipmentId: crm2, at: new Date(start.getTime() + MINUTE_MS) }),
      );
    }
  });
});
