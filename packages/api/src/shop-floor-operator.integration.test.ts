/**
 * The operator's flow at the machines: the work queue from the published plan, start -> report -> finish producing
 * lots with genealogy from the input lot, the predecessor rule (and the plan-allowed overlap), mass balance and
 * yield flag, the order advancing to in_production and quality_release, breakdowns with an open end, plant
 * scope, and one audit row per mutation. PostgreSQL and PGlite.
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { callerFor, createCaller, EAST, EAST_ADMIN, type TCaller } from './test-support/demo-callers.ts';
import {
  auditActions,
  createProductionFixture,
  type TProductionFixture,
} from './test-support/lots-fixtures.ts';
import { recordingPlanGateway } from './test-support/recording-plan-gateway.ts';

const A = tenantIdForSlug(EAST);

async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; field: string | null }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return {
      code: e.code,
      message: e.message,
      field: (e.cause as { field?: string } | undefined)?.field ?? null,
    };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('shop floor', (t) => {
  let admin: TCaller;
  let operator: TCaller;
  let epOperator: TCaller;
  let rp: string;
  let ep: string;
  let f: TProductionFixture;
  let slabId: string;
  const orderStatus = async (orderId: string) =>
    (
      await t.database.ownerQuery<{ status: string }>(
        'SELECT status::text AS status FROM sales_order WHERE id = $1',
        [orderId],
      )
    )[0]?.status;
  async function audited<T>(action: string, call: () => Promise<T>): Promise<T> {
    const before = (await auditActions(t.database, A)).length;
    const out = await call();
    const after = await auditActions(t.database, A);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.action).toBe(action);
    return out;
  }
  const op = (i: number) => {
    const o = f.operations[i];
    if (!o) throw new Error(`no operation ${i}`);
    return o;
  };

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    ep = seeded.tenants[EAST]?.plants.EP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    await admin.member.add({
      email: 'rp-op@east-china-al.demo',
      displayName: '轧制操作工',
      roles: ['operator'],
      plantIds: [rp],
    });
    await admin.member.add({
      email: 'ep-op@east-china-al.demo',
      displayName: '挤压操作工',
      roles: ['operator'],
      plantIds: [ep],
    });
    operator = callerFor(t.db, 'rp-op@east-china-al.demo', EAST);
    epOperator = callerFor(t.db, 'ep-op@east-china-al.demo', EAST);
    f = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: 'SO-OP-1',
      steps: [
        { code: 'hot_rolling', equipmentCode: 'HM-1', yield: 0.96 },
        { code: 'cold_rolling', equipmentCode: 'CM-1', yield: 0.98 },
        { code: 'slitting', equipmentCode: 'SL-1', yield: 0.97 },
      ],
    });
    const slab = await operator.lot.create({
      plantId: rp,
      kind: 'slab',
      weightKg: 24_000,
      alloyId: f.alloyId,
      heatNo: 'H26-1001',
      castNo: 'C26-1001-01',
      location: '板锭库 3 区',
    });
    slabId = slab.id;
  });

  describe('the work queue', () => {
    it("lists the published plan's operations per machine with order, spec, slot, setup and input lot suggestions", async () => {
      const q = await operator.shopFloor.queue({ equipmentId: op(0).equipmentId });
      expect(q.equipment.code).toBe('HM-1');
      expect(q.plan?.id).toBe(f.planId);
      expect(q.down).toBeNull();
      expect(q.inProgress).toEqual([]);
      const item = q.queued.find((i) => i.operationId === op(0).id);
      expect(item).toMatchObject({
        seq: 10,
        operationCode: 'hot_rolling',
        status: 'pending',
        workOrderNo: f.workOrderNo,
        orderNo: 'SO-OP-1',
        waitingFor: null,
        inputT: 24,
        routingYield: 0.96,
        planned: expect.objectContaining({ setupMinutes: 25, locked: false }),
        spec: expect.objectContaining({ alloyCode: '3003', temperCode: 'H14' }),
      });
      expect(item?.spec.summary).toBe('3003-H14 1 x 1250 mm strip_coil, coils 5000 kg');
      expect(item?.suggestedLots.map((l) => l.id)).toContain(slabId);
      const cm1 = await operator.shopFloor.queue({ equipmentId: op(1).equipmentId });
      expect(cm1.queued.find((i) => i.operationId === op(1).id)?.waitingFor).toEqual({
        seq: 10,
        operationCode: 'hot_rolling',
        status: 'pending',
      });
    });
  });

  describe('start -> report -> finish', () => {
    it('refuses a start before the previous operation is done, and on a machine not eligible for the step', async () => {
      const early = await failure(
        operator.shopFloor.start({ operationId: op(1).id, equipmentId: op(1).equipmentId }),
      );
      expect(early).toMatchObject({ code: 'CONFLICT', field: 'operationId' });
      expect(early.message).toContain('seq 10, hot_rolling');
      const wrong = await failure(
        operator.shopFloor.start({
          operationId: op(0).id,
          equipmentId: op(1).equipmentId,
          inputLotIds: [slabId],
        }),
      );
      expect(wrong).toMatchObject({ code: 'BAD_REQUEST', field: 'equipmentId' });
      expect(wrong.message).toContain('eligible: HM-1');
    });

    it('starts the first operation: input lot in process at the machine, work order started, order in production', async () => {
      const started = await audited('operation.start', () =>
        operator.shopFloor.start({
          operationId: op(0).id,
          equipmentId: op(0).equipmentId,
          inputLotIds: [slabId],
        }),
      );
      expect(started).toMatchObject({
        operationId: op(0).id,
        orderId: f.orderId,
        orderNo: 'SO-OP-1',
        workOrderStarted: true,
        orderAdvanced: true,
        orderStatus: 'in_production',
        overlapped: false,
      });
      expect(started.inputLots).toEqual([
        expect.objectContaining({ id: slabId, status: 'in_process', location: 'HM-1' }),
      ]);
      expect(await orderStatus(f.orderId)).toBe('in_production');
      const timeline = await t.database.ownerQuery<{ from_status: string; to_status: string }>(
        "SELECT from_status::text, to_status::text FROM sales_order_event WHERE order_id = $1 AND kind = 'status_changed' ORDER BY at",
        [f.orderId],
      );
      expect(timeline).toEqual([{ from_status: 'planned', to_status: 'in_production' }]);
      const q = await operator.shopFloor.queue({ equipmentId: op(0).equipmentId });
      expect(q.inProgress.map((i) => i.operationId)).toEqual([op(0).id]);
      expect(q.inProgress[0]?.inputLots.map((l) => l.id)).toEqual([slabId]);
      expect(q.queued.map((i) => i.operationId)).not.toContain(op(0).id);
      const again = await failure(
        operator.shopFloor.start({ operationId: op(0).id, equipmentId: op(0).equipmentId }),
      );
      expect(again).toMatchObject({ code: 'CONFLICT', field: 'operationId' });
    });

    it('takes partial reports, refusing more than went in, and keeps the plan-less successor waiting', async () => {
      const r1 = await audited('operation.report', () =>
        operator.shopFloor.report({ operationId: op(0).id, goodT: 11, scrapT: 0.2, note: '头部切损' }),
      );
      expect(r1).toMatchObject({ goodT: 11, scrapT: 0.2, orderNo: 'SO-OP-1' });
      const tooMuch = await failure(operator.shopFloor.report({ operationId: op(0).id, goodT: 13 }));
      expect(tooMuch).toMatchObject({ code: 'BAD_REQUEST', field: 'goodT' });
      expect(tooMuch.message).toContain('24 t');
      // Running with output reported, but the plan does not overlap hot and cold rolling: still refused.
      const overlap = await failure(
        operator.shopFloor.start({ operationId: op(1).id, equipmentId: op(1).equipmentId }),
      );
      expect(overlap).toMatchObject({ code: 'CONFLICT', field: 'operationId' });
      expect(overlap.message).toContain('does not overlap');
    });

    it('finishes with a weighed coil linked to the slab, consuming it, with goodT/scrapT totals and the yield', async () => {
      const done = await audited('operation.finish', () =>
        operator.shopFloor.finish({ operationId: op(0).id, outputs: [{ weightKg: 23_300 }], scrapT: 0.3 }),
      );
      expect(done).toMatchObject({
        goodT: 23.3,
        scrapT: 0.5,
        workOrderCompleted: false,
        orderCompleted: false,
      });
      expect(done.yield).toMatchObject({ routing: 0.96, flagged: false });
      expect(done.yield.actual).toBeCloseTo(23.3 / 24, 6);
      const [coil] = done.outputLots;
      expect(coil).toMatchObject({
        kind: 'coil',
        weightKg: 23_300,
        status: 'available',
        heatNo: 'H26-1001',
        castNo: 'C26-1001-01',
        alloyCode: '3003',
        location: 'HM-1',
        workOrderNo: f.workOrderNo,
        operationCode: 'hot_rolling',
      });
      expect(coil?.lotNo).toMatch(/^RP-CL\d{4}-\d{4}$/);
      expect(done.consumedLots).toEqual([expect.objectContaining({ id: slabId, status: 'consumed' })]);
      const detail = await operator.shopFloor.operation({ operationId: op(0).id });
      expect(detail).toMatchObject({ status: 'done', goodT: 23.3, scrapT: 0.5 });
      expect(detail.actualEnd).toBeInstanceOf(Date);
      expect(detail.reports.map((r) => r.kind)).toEqual(['start', 'input', 'quantity', 'output', 'finish']);
      const lot = await operator.lot.get({ id: coil?.id as string });
      expect(lot.parents).toEqual([
        expect.objectContaining({ parentLotId: slabId, kind: 'transform', weightKg: 24_000 }),
      ]);
    });

    it('runs the follow-on operations with the previous output, completes the work order and moves the order to quality release', async () => {
      const started = await operator.shopFloor.start({
        operationId: op(1).id,
        equipmentId: op(1).equipmentId,
      });
      expect(started.inputLots).toHaveLength(1);
      expect(started.inputLots[0]?.operationCode).toBe('hot_rolling');
      expect(started).toMatchObject({
        workOrderStarted: false,
        orderAdvanced: false,
        orderStatus: 'in_production',
      });
      await operator.shopFloor.report({ operationId: op(1).id, goodT: 22.9, scrapT: 0.3 });
      const cold = await operator.shopFloor.finish({ operationId: op(1).id });
      expect(cold.outputLots).toEqual([expect.objectContaining({ weightKg: 22_900, kind: 'coil' })]);
      expect(cold.yield.flagged).toBe(false);

      await operator.shopFloor.start({ operationId: op(2).id, equipmentId: op(2).equipmentId });
      const heavy = await failure(
        operator.shopFloor.finish({
          operationId: op(2).id,
          outputs: [6000, 6000, 6000, 6000].map((weightKg) => ({ weightKg })),
        }),
      );
      expect(heavy).toMatchObject({ code: 'BAD_REQUEST', field: 'outputs' });
      expect(heavy.message).toContain('22900 kg');
      const slit = await operator.shopFloor.finish({
        operationId: op(2).id,
        outputs: [5000, 5000, 5000, 5000].map((weightKg) => ({
          weightKg,
          dimensions: { thicknessMm: 1, widthMm: 310 },
        })),
        scrapT: 2.5,
      });
      expect(slit.outputLots).toHaveLength(4);
      expect(new Set(slit.outputLots.map((l) => l.lotNo)).size).toBe(4);
      // the last operation packs the order's product with its temper
      expect(
        slit.outputLots.every((l) => l.kind === 'coil' && l.temperCode === 'H14' && l.heatNo === 'H26-1001'),
      ).toBe(true);
      expect(slit.yield).toMatchObject({ routing: 0.97, flagged: true });
      expect(slit.yield.deviation).toBeLessThan(-0.03);
      expect(slit).toMatchObject({
        workOrderCompleted: true,
        orderCompleted: true,
        orderStatus: 'quality_release',
      });
      expect(await orderStatus(f.orderId)).toBe('quality_release');

      const g = await operator.lot.genealogy({ id: slit.outputLots[0]?.id as string, direction: 'backward' });
      expect(
        g.lots.map((l) => [
          l.depth,
          l.kind,
          l.producedBy?.operationCode ?? null,
          l.producedBy?.equipmentCode ?? null,
        ]),
      ).toEqual([
        [-3, 'slab', null, null],
        [-2, 'coil', 'hot_rolling', 'HM-1'],
        [-1, 'coil', 'cold_rolling', 'CM-1'],
        [0, 'coil', 'slitting', 'SL-1'],
      ]);
      expect(g.lots.at(-1)?.producedBy).toMatchObject({
        equipmentId: op(2).equipmentId,
        workOrderNo: f.workOrderNo,
        actualStart: expect.any(Date),
        actualEnd: expect.any(Date),
      });
      const splitLinks = g.links.filter((l) => l.kind === 'split');
      expect(splitLinks).toHaveLength(1);
      expect(splitLinks[0]?.weightKg).toBeCloseTo(22_900 / 4, 3);

      const byWo = await operator.lot.search({ q: f.workOrderNo.toLowerCase() });
      expect(byWo.length).toBe(7);
      expect(byWo.map((l) => l.id)).toContain(slabId);
      expect(new Set(byWo.map((l) => l.matchedBy))).toEqual(new Set(['workOrderNo']));
    });
  });

  describe('overlap, breakdowns and busy machines', () => {
    let ovl: TProductionFixture;
    let busy: TProductionFixture;
    let coilId: string;
    beforeAll(async () => {
      ovl = await createProductionFixture(t.db, {
        slug: EAST,
        plantCode: 'RP',
        orderNo: 'SO-OVL-1',
        orderStatus: 'confirmed',
        inputT: 10,
        steps: [
          { code: 'cold_rolling', equipmentCode: 'CM-2', yield: 0.98, startMin: 30, endMin: 150 },
          { code: 'intermediate_anneal', equipmentCode: 'AF-1', yield: 1, startMin: 100, endMin: 400 },
        ],
      });
      busy = await createProductionFixture(t.db, {
        slug: EAST,
        plantCode: 'RP',
        orderNo: 'SO-BUSY-1',
        steps: [{ code: 'cold_rolling', equipmentCode: 'CM-2', yield: 0.98, startMin: 200, endMin: 300 }],
      });
      const coil = await operator.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 10_000,
        alloyId: ovl.alloyId,
        heatNo: 'H-OVL',
      });
      coilId = coil.id;
    });

    it('reports a breakdown with an open end, refuses starts on the down machine, and closes it when back up', async () => {
      const cm2 = ovl.operations[0]?.equipmentId as string;
      const down = await audited('equipment.down', () =>
        operator.plan.equipmentDown({ equipmentId: cm2, reason: '主电机轴承过热' }),
      );
      expect(down).toMatchObject({
        equipmentCode: 'CM-2',
        plantId: rp,
        plantCode: 'RP',
        kind: 'breakdown',
        affectedOperationIds: [],
      });
      const open = await t.database.ownerQuery<{ end: Date | null }>(
        'SELECT "end" FROM equipment_downtime WHERE id = $1',
        [down.downtimeId],
      );
      expect(open[0]?.end).toBeNull();
      expect((await operator.shopFloor.queue({ equipmentId: cm2 })).down).toMatchObject({
        reason: '主电机轴承过热',
      });
      expect(await failure(operator.plan.equipmentDown({ equipmentId: cm2, reason: 'x' }))).toMatchObject({
        code: 'CONFLICT',
        field: 'equipmentId',
      });
      const refused = await failure(
        operator.shopFloor.start({
          operationId: ovl.operations[0]?.id as string,
          equipmentId: cm2,
          inputLotIds: [coilId],
        }),
      );
      expect(refused).toMatchObject({ code: 'CONFLICT', field: 'equipmentId' });
      expect(refused.message).toContain('down');
      const up = await audited('equipment.up', () => operator.plan.equipmentUp({ equipmentId: cm2 }));
      expect(up.downtimeId).toBe(down.downtimeId);
      expect(up.end.getTime()).toBeGreaterThanOrEqual(up.start.getTime());
      expect((await operator.shopFloor.queue({ equipmentId: cm2 })).down).toBeNull();
      expect((await failure(operator.plan.equipmentUp({ equipmentId: cm2 }))).code).toBe('CONFLICT');
    });

    it('lets the next operation overlap a running one only as the plan schedules it and after output is reported', async () => {
      const [first, second] = ovl.operations;
      if (!first || !second) throw new Error('fixture');
      const s = await operator.shopFloor.start({
        operationId: first.id,
        equipmentId: first.equipmentId,
        inputLotIds: [coilId],
      });
      // a confirmed order goes through planned to in_production
      expect(s).toMatchObject({ orderAdvanced: true, orderStatus: 'in_production' });
      const events = await t.database.ownerQuery<{ to_status: string }>(
        "SELECT to_status::text FROM sales_order_event WHERE order_id = $1 AND kind = 'status_changed' ORDER BY at, id",
        [ovl.orderId],
      );
      expect(events.map((e) => e.to_status).sort()).toEqual(['in_production', 'planned']);
      const busyMachine = await failure(
        operator.shopFloor.start({
          operationId: busy.operations[0]?.id as string,
          equipmentId: first.equipmentId,
        }),
      );
      expect(busyMachine).toMatchObject({ code: 'CONFLICT', field: 'equipmentId' });
      expect(busyMachine.message).toContain('SO-OVL-1');
      const noOutput = await failure(
        operator.shopFloor.start({ operationId: second.id, equipmentId: second.equipmentId }),
      );
      expect(noOutput.message).toContain('no good output');
      await operator.shopFloor.report({ operationId: first.id, goodT: 4.9 });
      const overlapped = await operator.shopFloor.start({
        operationId: second.id,
        equipmentId: second.equipmentId,
      });
      expect(overlapped).toMatchObject({ overlapped: true, inputLots: [] });

      // The predecessor finishes; its coil is fed to the running anneal with a report.
      const rolled = await operator.shopFloor.finish({
        operationId: first.id,
        outputs: [{ weightKg: 9_800 }],
      });
      const coil = rolled.outputLots[0];
      if (!coil) throw new Error('no output');
      const fed = await audited('operation.report', () =>
        operator.shopFloor.report({ operationId: second.id, inputLotIds: [coil.id] }),
      );
      expect(fed).toMatchObject({
        reportId: null,
        goodT: 0,
        inputLots: [expect.objectContaining({ id: coil.id, status: 'in_process', location: 'AF-1' })],
      });
      // A quality hold on the coil in the furnace blocks the finish until it is released.
      await admin.lot.hold({ id: coil.id, reason: '炉温记录异常' });
      const held = await failure(
        operator.shopFloor.finish({ operationId: second.id, outputs: [{ weightKg: 9_800 }] }),
      );
      expect(held).toMatchObject({ code: 'CONFLICT', field: 'operationId' });
      expect(held.message).toContain('quality hold');
      await admin.lot.release({ id: coil.id, reason: '温度曲线复核合格', to: 'available' });
      const annealed = await operator.shopFloor.finish({
        operationId: second.id,
        outputs: [{ weightKg: 9_800 }],
      });
      expect(annealed.consumedLots.map((l) => [l.id, l.status])).toEqual([[coil.id, 'consumed']]);
      expect(annealed.outputLots[0]?.kind).toBe('coil');
      expect(annealed).toMatchObject({
        workOrderCompleted: true,
        orderCompleted: true,
        orderStatus: 'quality_release',
      });
      const g = await operator.lot.genealogy({
        id: annealed.outputLots[0]?.id as string,
        direction: 'backward',
      });
      expect(g.lots.map((l) => l.id)).toEqual([coilId, coil.id, annealed.outputLots[0]?.id]);
    });
  });

  describe('workflow signals (a recording gateway stands in for the Temporal client)', () => {
    it('tells orderLifecycle of starts and finishes and planProduction of breakdowns, with idempotent ids', async () => {
      const { gateway, calls: sent } = recordingPlanGateway();
      const signalling = createCaller(
        createContextInner({
          db: t.db,
          identity: {
            subject: 'rp-op@east-china-al.demo',
            email: 'rp-op@east-china-al.demo',
            name: '轧制操作工',
          },
          activeTenantId: A,
          requestId: randomUUID(),
          sourceIp: null,
          planWorkflows: gateway,
        }),
      );
      const g = await createProductionFixture(t.db, {
        slug: EAST,
        plantCode: 'RP',
        orderNo: 'SO-SIG-1',
        steps: [{ code: 'slitting', equipmentCode: 'SL-1', yield: 0.97 }],
      });
      const coil = await signalling.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 6000,
        alloyId: g.alloyId,
      });
      const opId = g.operations[0]?.id as string;
      const started = await signalling.shopFloor.start({
        operationId: opId,
        equipmentId: g.equipment['SL-1'] as string,
        inputLotIds: [coil.id],
      });
      expect(started.lifecycle).toEqual({
        sent: true,
        workflowId: `${A}:order:SO-SIG-1`,
        eventId: `operation_started:${opId}`,
      });
      const finished = await signalling.shopFloor.finish({
        operationId: opId,
        outputs: [{ weightKg: 5900 }],
      });
      expect(finished.lifecycle).toMatchObject({ sent: true, eventId: `operation_finished:${opId}` });
      const down = await signalling.plan.equipmentDown({
        equipmentId: g.equipment['SL-1'] as string,
        reason: '刀轴振动',
      });
      expect(down.replan).toMatchObject({ requested: true, requestId: `down:${down.downtimeId}` });
      const up = await signalling.plan.equipmentUp({ equipmentId: g.equipment['SL-1'] as string });
      expect(up.replan).toMatchObject({ requested: true, requestId: `up:${down.downtimeId}` });
      expect(sent).toEqual([
        {
          call: 'orderEvent',
          input: expect.objectContaining({
            tenantId: A,
            orderId: g.orderId,
            orderNo: 'SO-SIG-1',
            status: 'in_production',
            event: expect.objectContaining({ kind: 'operation_started', operationId: opId }),
          }),
        },
        {
          call: 'orderEvent',
          input: expect.objectContaining({
            status: 'quality_release',
            event: expect.objectContaining({ kind: 'operation_finished', operationId: opId }),
          }),
        },
        {
          call: 'requestPlan',
          input: expect.objectContaining({
            plantId: rp,
            plantCode: 'RP',
            signal: 'equipmentDown',
            request: expect.objectContaining({ trigger: 'equipment_down', equipmentId: g.equipment['SL-1'] }),
          }),
        },
        {
          call: 'requestPlan',
          input: expect.objectContaining({
            signal: 'equipmentUp',
            request: expect.objectContaining({ trigger: 'equipment_up' }),
          }),
        },
      ]);
      // Without a workflow server the shop floor still works and says nothing was sent.
      const plain = await operator.plan.equipmentDown({
        equipmentId: g.equipment['SL-1'] as string,
        reason: 'x',
      });
      expect(plain.replan).toEqual({ requested: false, reason: 'no workflow server is configured' });
      await operator.plan.equipmentUp({ equipmentId: g.equipment['SL-1'] as string });
    });
  });

  describe('plant scope', () => {
    it("keeps an operator of the extrusion plant away from the rolling plant's queue, operations and machines", async () => {
      const missing = await failure(
        epOperator.shopFloor.queue({ equipmentId: '00000000-0000-4000-8000-000000000009' }),
      );
      for (const call of [
        () => epOperator.shopFloor.queue({ equipmentId: op(0).equipmentId }),
        () => epOperator.shopFloor.operation({ operationId: op(0).id }),
        () => epOperator.shopFloor.report({ operationId: op(0).id, goodT: 1 }),
        () => epOperator.shopFloor.finish({ operationId: op(0).id }),
        () => epOperator.plan.equipmentDown({ equipmentId: op(0).equipmentId, reason: 'x' }),
      ]) {
        expect((await failure(call())).code).toBe('NOT_FOUND');
      }
      expect(await failure(epOperator.shopFloor.queue({ equipmentId: op(0).equipmentId }))).toEqual(missing);
      const foreign = await failure(
        epOperator.shopFloor.start({ operationId: op(0).id, equipmentId: op(0).equipmentId }),
      );
      expect(foreign).toMatchObject({ code: 'NOT_FOUND', field: 'operationId' });
    });
  });
});
