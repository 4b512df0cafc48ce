/**
 * The lab flow through the API: an operation finishes at the shop floor -> a matching inspection plan raises a
 * request with resolved limits -> the sample is received by scanning -> results (one out of spec) -> evaluation
 * -> nonconformance, lot on hold -> concession with the customer's reference -> lot released -> report approved;
 * corrections supersede; CSV import errors per line with nothing stored; plant scope and another tenant's rows
 * answering NOT_FOUND. PostgreSQL and PGlite.
 */
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, EAST, EAST_ADMIN, JIANGNAN_ADMIN, type TCaller } from './test-support/demo-callers.ts';
import {
  auditActions,
  createProductionFixture,
  type TProductionFixture,
} from './test-support/lots-fixtures.ts';

const A = tenantIdForSlug(EAST);

async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; field: string | null }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause as { field?: string; issues?: Array<{ path: PropertyKey[] }> } | undefined;
    const zodPath = cause?.issues?.[0]?.path.map(String).join('.');
    return { code: e.code, message: e.message, field: cause?.field ?? zodPath ?? null };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('quality: lab flow', (t) => {
  let admin: TCaller;
  let epMember: TCaller;
  let other: TCaller;
  let rp: string;
  let f: TProductionFixture;
  let planId: string;
  let requestId: string;
  let lotId: string;

  const lotStatus = async (id: string) =>
    (
      await t.database.ownerQuery<{ status: string }>(
        'SELECT status::text AS status FROM material_lot WHERE id = $1',
        [id],
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

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    const ep = seeded.tenants[EAST]?.plants.EP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    other = callerFor(t.db, JIANGNAN_ADMIN, 'jiangnan-copper');
    await admin.member.add({
      email: 'ep-qe@east-china-al.demo',
      displayName: '挤压质检',
      roles: ['quality_engineer'],
      plantIds: [ep],
    });
    epMember = callerFor(t.db, 'ep-qe@east-china-al.demo', EAST);
    f = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: 'SO-QL-1',
      steps: [{ code: 'cold_rolling', equipmentCode: 'CM-1', yield: 0.98 }],
    });
  });

  describe('inspection plans', () => {
    it('has the demo final-inspection plans, seeded once however often the seed runs', async () => {
      await seedDemoTenant(t.db);
      const plans = await admin.inspectionPlan.list({});
      expect(plans.filter((p) => p.code === 'QP-3003-STRIP-FINAL')).toHaveLength(1);
      const plan = plans.find((p) => p.code === 'QP-3003-STRIP-FINAL');
      expect(plan?.characteristics.map((c) => (c.element ? `${c.code}:${c.element}` : c.code))).toContain(
        'chemistry:Mn',
      );
      const copper = await other.inspectionPlan.list({});
      expect(copper.map((p) => p.code)).toEqual(['QP-C11000-STRIP-FINAL']);
      expect(copper[0]?.characteristics.find((c) => c.code === 'conductivity')).toMatchObject({
        unit: '%IACS',
        lowerLimit: 100,
      });
    });

    it('creates a plan for the spec after cold rolling, with limits from spec, tables and alloy', async () => {
      const [spec] = await t.database.ownerQuery<{ id: string }>(
        "SELECT id::text AS id FROM product_spec WHERE tenant_id = $1 AND code = 'FX-3003-H14-1.0x1250'",
        [A],
      );
      const plan = await audited('inspectionPlan.create', () =>
        admin.inspectionPlan.create({
          code: 'QP-FX-CR',
          name: '冷轧成品检验 FX 3003-H14',
          productSpecId: spec?.id as string,
          operationCode: 'cold_rolling',
          characteristics: [
            { code: 'thickness', limitSource: 'spec', method: 'GB/T 3880.3', samplesPerLot: 1 },
            { code: 'width', limitSource: 'spec' },
            { code: 'flatness', limitSource: 'manual', upperLimit: 10 },
            {
              code: 'tensile_strength',
              limitSource: 'table:mechanical-properties',
              method: 'GB/T 228.1-2021',
            },
            { code: 'chemistry', element: 'Si', limitSource: 'alloy' },
          ],
        }),
      );
      planId = plan.id;
      expect(plan.characteristics.map((c) => [c.code, c.unit])).toEqual([
        ['thickness', 'mm'],
        ['width', 'mm'],
        ['flatness', 'I'],
        ['tensile_strength', 'MPa'],
        ['chemistry', 'wt%'],
      ]);
      const bad = await failure(
        admin.inspectionPlan.create({
          code: 'QP-BAD',
          name: 'bad',
          characteristics: [{ code: 'chemistry', element: 'Si', limitSource: 'spec' }],
        }),
      );
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', field: 'characteristics.0.limitSource' });
      const dup = await failure(
        admin.inspectionPlan.create({
          code: 'QP-FX-CR',
          name: 'again',
          characteristics: [{ code: 'flatness', upperLimit: 5 }],
        }),
      );
      expect(dup).toMatchObject({ code: 'CONFLICT', field: 'code' });
      expect((await admin.inspectionPlan.list({})).map((p) => p.code)).toContain('QP-FX-CR');
    });
  });

  describe('from the operation finish to a released lot', () => {
    it('raises the request with resolved limits when the cold rolling finishes', async () => {
      const coil = await admin.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 8000,
        alloyId: f.alloyId,
        heatNo: 'H-QL-1',
      });
      const op = f.operations[0] as TProductionFixture['operations'][number];
      await admin.shopFloor.start({
        operationId: op.id,
        equipmentId: op.equipmentId,
        inputLotIds: [coil.id],
      });
      const finished = await audited('operation.finish', () =>
        admin.shopFloor.finish({ operationId: op.id, outputs: [{ weightKg: 7800 }] }),
      );
      expect(finished.inspectionRequests).toHaveLength(1);
      const raised = finished.inspectionRequests[0];
      expect(raised?.planCode).toBe('QP-FX-CR');
      requestId = raised?.id as string;
      lotId = finished.outputLots[0]?.id as string;
      const request = await admin.lab.get({ id: requestId });
      expect(request).toMatchObject({
        status: 'requested',
        origin: 'operation_complete',
        lot: { id: lotId },
      });
      expect(request.sampleList).toHaveLength(1);
      const limit = (code: string) => request.limits.find((l) => l.code === code);
      expect(limit('thickness')).toMatchObject({ lower: 0.97, upper: 1.03, nominal: 1, unresolved: null });
      expect(limit('width')).toMatchObject({ lower: 1250, upper: 1252 });
      expect(limit('tensile_strength')).toMatchObject({ lower: 145, upper: 185 });
      expect(limit('chemistry')).toMatchObject({ element: 'Si', lower: null, upper: 0.6 });
      expect((await admin.lab.list({ status: ['requested'] })).map((r) => r.id)).toContain(requestId);
    });

    it('receives the sample by its number (once)', async () => {
      const request = await admin.lab.get({ id: requestId });
      const sampleNo = request.sampleList[0]?.sampleNo as string;
      expect(sampleNo).toMatch(/^QI-RP-\d{4}-\d{4}-S1$/);
      const early = await failure(
        admin.lab.enterResults({
          requestId,
          results: [
            {
              sampleId: request.sampleList[0]?.id as string,
              characteristicId: request.limits[0]?.characteristicId as string,
              value: 1,
            },
          ],
        }),
      );
      expect(early).toMatchObject({ code: 'CONFLICT', field: 'requestId' });
      const received = await audited('lab.receive', () => admin.lab.receive({ sampleNo }));
      expect(received).toMatchObject({ allReceived: true, status: 'received', workflow: { sent: false } });
      expect(await failure(admin.lab.receive({ sampleNo }))).toMatchObject({
        code: 'CONFLICT',
        field: 'sampleNo',
      });
      expect(await failure(admin.lab.receive({ sampleNo: 'QI-NOPE-1' }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'sampleNo',
      });
    });

    it('evaluates results: one out of spec fails the report, opens a nonconformance and holds the lot', async () => {
      const request = await admin.lab.get({ id: requestId });
      const sampleId = request.sampleList[0]?.id as string;
      const id = (code: string) => request.limits.find((l) => l.code === code)?.characteristicId as string;
      const partial = await admin.lab.enterResults({
        requestId,
        results: [{ sampleId, characteristicId: id('thickness'), value: 1.061 }],
      });
      expect(partial).toMatchObject({ evaluated: false, verdict: null, stored: 1 });
      expect(partial.request.status).toBe('results_entered');
      const out = await audited('lab.results', () =>
        admin.lab.enterResults({
          requestId,
          results: [
            { sampleId, characteristicId: id('width'), value: 1251 },
            { sampleId, characteristicId: id('flatness'), value: 6 },
            { sampleId, characteristicId: id('tensile_strength'), value: 162 },
            { sampleId, characteristicId: id('chemistry'), value: 0.21 },
          ],
        }),
      );
      expect(out).toMatchObject({ evaluated: true, verdict: 'fail' });
      expect(out.request.status).toBe('evaluated');
      expect(out.openedNonconformances).toHaveLength(1);
      const verdicts = Object.fromEntries(
        out.request.results.map((r) => [
          out.request.limits.find((l) => l.characteristicId === r.characteristicId)?.code,
          r.verdict,
        ]),
      );
      expect(verdicts).toEqual({
        thickness: 'fail',
        width: 'pass',
        flatness: 'pass',
        tensile_strength: 'pass',
        chemistry: 'pass',
      });
      expect(await lotStatus(lotId)).toBe('on_hold');
      const ncs = await admin.nonconformance.list({ lotId });
      expect(ncs).toHaveLength(1);
      expect(ncs[0]).toMatchObject({ defectCode: 'thickness', status: 'open', request: { id: requestId } });
      expect(ncs[0]?.description).toContain('1.061 mm');
      // A duplicate result for the same sample and characteristic must be a correction.
      const dup = await failure(
        admin.lab.enterResults({
          requestId,
          results: [{ sampleId, characteristicId: id('width'), value: 1250.5 }],
        }),
      );
      expect(dup).toMatchObject({ code: 'CONFLICT', field: 'results.0.supersedesId' });
    });

    it('keeps results append-only: a correction supersedes the earlier value', async () => {
      const request = await admin.lab.get({ id: requestId });
      const width = request.results.find((r) => r.value === 1251);
      const out = await admin.lab.enterResults({
        requestId,
        results: [
          {
            sampleId: width?.sampleId as string,
            characteristicId: width?.characteristicId as string,
            value: 1251.5,
            supersedesId: width?.id as string,
          },
        ],
      });
      const rows = out.request.results.filter((r) => r.characteristicId === width?.characteristicId);
      expect(rows.map((r) => [r.value, r.supersededById === null])).toEqual([
        [1251, false],
        [1251.5, true],
      ]);
      expect(out.verdict).toBe('fail');
      const [{ n }] = (await t.database.ownerQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM inspection_result WHERE request_id = $1',
        [requestId],
      )) as [{ n: number }];
      expect(n).toBe(6);
    });

    it('refuses to release a failed report before the nonconformance is dispositioned', async () => {
      const refused = await failure(admin.lab.approve({ id: requestId, decision: 'release' }));
      expect(refused).toMatchObject({ code: 'CONFLICT', field: 'decision' });
    });

    it('a concession needs the customer reference, then releases the lot with the NC noted', async () => {
      const [nc] = await admin.nonconformance.list({ lotId });
      const noRef = await failure(
        admin.nonconformance.disposition({ id: nc?.id as string, disposition: 'concession' }),
      );
      expect(noRef).toMatchObject({ code: 'BAD_REQUEST', field: 'concessionRef' });
      const out = await audited('nonconformance.disposition', () =>
        admin.nonconformance.disposition({
          id: nc?.id as string,
          disposition: 'concession',
          concessionRef: 'FX-DEV-2026-031',
          note: '客户同意 +0.031 mm 让步接收',
        }),
      );
      expect(out.lotChange).toMatchObject({ from: 'on_hold', to: 'released', changed: true });
      expect(out.nonconformance).toMatchObject({ status: 'dispositioned', concessionRef: 'FX-DEV-2026-031' });
      expect(await lotStatus(lotId)).toBe('released');
      const again = await failure(
        admin.nonconformance.disposition({ id: nc?.id as string, disposition: 'scrap' }),
      );
      expect(again).toMatchObject({ code: 'CONFLICT', field: 'disposition' });
    });

    it('approves the report (release) and refuses results after the decision', async () => {
      const out = await audited('lab.approve', () =>
        admin.lab.approve({ id: requestId, decision: 'release' }),
      );
      expect(out.request).toMatchObject({ status: 'approved', decision: 'release' });
      expect(out.lotChange).toMatchObject({ to: 'released', changed: false });
      expect(await lotStatus(lotId)).toBe('released');
      const request = await admin.lab.get({ id: requestId });
      const late = await failure(
        admin.lab.enterResults({
          requestId,
          results: [
            {
              sampleId: request.sampleList[0]?.id as string,
              characteristicId: request.limits[0]?.characteristicId as string,
              value: 1,
              supersedesId: request.results[0]?.id as string,
            },
          ],
        }),
      );
      expect(late).toMatchObject({ code: 'CONFLICT', field: 'requestId' });
    });

    it('closes the nonconformance only with a corrective action, owner and due date', async () => {
      const [nc] = await admin.nonconformance.list({ lotId });
      const early = await failure(admin.nonconformance.close({ id: nc?.id as string }));
      expect(early).toMatchObject({ code: 'CONFLICT', field: 'id' });
      const [me] = await t.database.ownerQuery<{ id: string }>(
        'SELECT id::text AS id FROM app_user WHERE email = $1',
        [EAST_ADMIN],
      );
      await audited('nonconformance.correctiveAction', () =>
        admin.nonconformance.setCorrectiveAction({
          id: nc?.id as string,
          action: '校准 CM-1 测厚仪并复核 AGC 设定',
          ownerUserId: me?.id as string,
          dueAt: new Date(Date.now() + 7 * 86_400_000),
        }),
      );
      const closed = await audited('nonconformance.close', () =>
        admin.nonconformance.close({ id: nc?.id as string }),
      );
      expect(closed.status).toBe('closed');
      expect(closed.correctiveOwner?.email).toBe(EAST_ADMIN);
    });
  });

  describe('plan edits after results', () => {
    it('keeps characteristics with results: no removal, no change of what they measure; limits may change', async () => {
      const plan = await admin.inspectionPlan.get({ id: planId });
      const rows = plan.characteristics.map((c) => ({
        code: c.code,
        element: c.element,
        limitSource: c.limitSource,
        lowerLimit: c.lowerLimit,
        upperLimit: c.upperLimit,
      }));
      const dropped = await failure(
        admin.inspectionPlan.update({ id: planId, characteristics: rows.slice(1) }),
      );
      expect(dropped).toMatchObject({ code: 'CONFLICT', field: 'characteristics' });
      const changed = await failure(
        admin.inspectionPlan.update({
          id: planId,
          characteristics: [{ code: 'crown', upperLimit: 20 }, ...rows.slice(1)],
        }),
      );
      expect(changed).toMatchObject({ code: 'CONFLICT', field: 'characteristics' });
      const flatness = rows.findIndex((r) => r.code === 'flatness');
      const updated = await audited('inspectionPlan.update', () =>
        admin.inspectionPlan.update({
          id: planId,
          characteristics: rows.map((r, i) => (i === flatness ? { ...r, upperLimit: 8 } : r)),
        }),
      );
      expect(updated.characteristics.map((c) => c.id)).toEqual(plan.characteristics.map((c) => c.id));
      expect(updated.characteristics[flatness]?.upperLimit).toBe(8);
      // The request raised earlier keeps the limits resolved then.
      const request = await admin.lab.get({ id: requestId });
      expect(request.limits.find((l) => l.code === 'flatness')?.upper).toBe(10);
    });
  });

  describe('instrument CSV import', () => {
    it('reports every bad line and column and stores nothing; a good file is stored', async () => {
      const lot = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 5000, alloyId: f.alloyId });
      const raised = await audited('lab.request', () => admin.lab.request({ lotId: lot.id, planId }));
      expect(raised.workflow).toEqual({ sent: false, reason: 'no workflow server is configured' });
      const sampleNo = raised.sampleNos[0] as string;
      await admin.lab.receive({ sampleNo });
      const bad = [
        'sampleNo,characteristic,element,value',
        `${sampleNo},thickness,,0.99`,
        `${sampleNo},width,,12x0`,
        `${sampleNo},hardness,,40`,
        `${sampleNo},chemistry,Zr,0.1`,
      ].join('\n');
      const refused = await failure(
        admin.lab.importResults({ requestId: raised.id, fileName: 'ls-2026.csv', csv: bad }),
      );
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', field: 'csv' });
      expect(refused.message).toContain('line 3, column value');
      expect(refused.message).toContain('line 4, column characteristic');
      expect(refused.message).toContain('line 5, column element');
      expect((await admin.lab.get({ id: raised.id })).results).toHaveLength(0);
      const good = [
        'sampleNo,characteristic,element,value',
        `${sampleNo},thickness,,0.99`,
        `${sampleNo},width,,1251`,
        `${sampleNo},flatness,,4`,
        `${sampleNo},tensile_strength,,160`,
        `${sampleNo},chemistry,Si,0.3`,
      ].join('\r\n');
      const out = await admin.lab.importResults({ requestId: raised.id, fileName: 'ls-2026.csv', csv: good });
      expect(out.stored).toBe(5);
      expect(out.request.results.every((r) => r.source === 'csv:ls-2026.csv')).toBe(true);
      // A lot made for no order: the spec limits come from the plan's own product spec.
      expect(out.request.limits.find((l) => l.code === 'thickness')).toMatchObject({
        lower: 0.97,
        unresolved: null,
      });
      expect(out).toMatchObject({ evaluated: true, verdict: 'pass', openedNonconformances: [] });
    });
  });

  describe('cancelling', () => {
    it('withdraws an undecided request (audited) and refuses a decided one', async () => {
      const lot = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 3000, alloyId: f.alloyId });
      const raised = await admin.lab.request({ lotId: lot.id, planId });
      const out = await audited('lab.cancel', () => admin.lab.cancel({ id: raised.id, reason: '委托重复' }));
      expect(out.request.status).toBe('cancelled');
      expect(await lotStatus(lot.id)).toBe('available');
      expect(await failure(admin.lab.receive({ sampleNo: raised.sampleNos[0] as string }))).toMatchObject({
        code: 'CONFLICT',
        field: 'sampleNo',
      });
      expect(await failure(admin.lab.cancel({ id: requestId, reason: 'late' }))).toMatchObject({
        code: 'CONFLICT',
        field: 'id',
      });
      // A new request for the lot and plan may be raised again.
      expect((await admin.lab.request({ lotId: lot.id, planId })).requestNo).not.toBe(raised.requestNo);
    });
  });

  describe('scope', () => {
    it("hides requests and nonconformances of plants outside the member's scope", async () => {
      expect(await failure(epMember.lab.get({ id: requestId }))).toMatchObject({ code: 'NOT_FOUND' });
      expect((await epMember.lab.list({})).map((r) => r.id)).not.toContain(requestId);
      expect(await epMember.nonconformance.list({})).toEqual([]);
      const sampleNo = (await admin.lab.get({ id: requestId })).sampleList[0]?.sampleNo as string;
      expect(await failure(epMember.lab.receive({ sampleNo }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'sampleNo',
      });
    });

    it("answers NOT_FOUND for another tenant's request, sample, plan and nonconformance", async () => {
      const request = await admin.lab.get({ id: requestId });
      const [nc] = await admin.nonconformance.list({ lotId });
      expect(await failure(other.lab.get({ id: requestId }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(
        await failure(other.lab.receive({ sampleNo: request.sampleList[0]?.sampleNo as string })),
      ).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await failure(other.inspectionPlan.get({ id: planId }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(other.nonconformance.get({ id: nc?.id as string }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await failure(other.lab.request({ lotId, planId }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'lotId',
      });
      expect((await other.lab.list({})).map((r) => r.id)).not.toContain(requestId);
    });
  });
});
