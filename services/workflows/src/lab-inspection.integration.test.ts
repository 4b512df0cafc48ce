/**
 * labInspection on the real Temporal dev server and real databases: a request raised by hand starts its workflow;
 * an overrun step records a reminder and then an escalation (audit rows, once each); the steps signalled by the
 * domain's state machine move it on; on the decision the idempotent activity makes the lot follow (here it has to,
 * because the lot was moved back behind the API's back), and the workflow ends with the lot released.
 */
import { randomUUID } from 'node:crypto';
import { labInspectionWorkflowId } from '@ingot/contracts';
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import {
  cancelInspection,
  createInspectionPlan,
  decideInspection,
  enterResults,
  getInspectionRequest,
  receiveSample,
  requestInspection,
  seedDemoTenant,
  type TTenantContext,
} from '@ingot/domain';
import { type TestDatabase, testDatabases } from '@ingot/testing';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabWorkflows, createTemporalClient, getLabInspectionState } from './client.ts';
import { createPlatformWorker, WORKFLOWS_PATH } from './platform-worker.ts';
import { requireTemporal, type TemporalTarget } from './test-support/env.ts';
import { installQuietRuntime } from './test-support/quiet-runtime.ts';

const SLUG = 'east-china-al';
const TENANT = tenantIdForSlug(SLUG);

let temporal: TemporalTarget;
let connection: NativeConnection;
let client: Client;
let bundle: WorkflowBundleWithSourceMap;

const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };

beforeAll(async () => {
  installQuietRuntime();
  temporal = await requireTemporal();
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: silent });
  connection = await NativeConnection.connect({ address: temporal.address });
  client = await createTemporalClient(temporal.address, { namespace: temporal.namespace });
});

afterAll(async () => {
  await client?.connection.close();
  await connection?.close();
});

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(testDatabases())('labInspection [$kind]', ({ create }) => {
  let database: TestDatabase;
  let ctx: TTenantContext;
  const tx = <T>(fn: (t: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>) =>
    withTenant(database.db as Db, { tenantId: TENANT, userId: ctx.userId }, fn);

  beforeAll(async () => {
    database = await create();
    await seedDemoTenant(database.db);
    const [admin] = await database.ownerQuery<{ user_id: string; id: string }>(
      `SELECT m.user_id::text AS user_id, m.id::text AS id FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND u.email = 'admin@east-china-al.demo'`,
      [TENANT],
    );
    ctx = {
      tenantId: TENANT,
      userId: admin?.user_id as string,
      membershipId: admin?.id as string,
      roles: ['tenant_admin'],
      plantIds: [],
    };
  });

  afterAll(async () => {
    await database?.close();
  });

  it('reminds, escalates, follows the steps and releases the lot on the decision', async () => {
    const taskQueue = `test-lab-${randomUUID()}`;
    const labWorkflows = createLabWorkflows(client, {
      taskQueue,
      deadlines: { sampled: 1_200, received: 60_000, results_entered: 60_000, decided: 60_000 },
    });
    const { request, sampleNo } = await tx(async (t) => {
      const plant = await t.plant.findFirstOrThrow({ where: { tenantId: TENANT, code: 'RP' } });
      const alloy = await t.alloy.findFirstOrThrow({ where: { tenantId: TENANT, code: '3003' } });
      const plan = await createInspectionPlan(t, ctx, {
        code: `QP-WF-${randomUUID().slice(0, 6)}`,
        name: '工作流检验',
        productSpecId: null,
        productFamily: null,
        alloyId: alloy.id,
        operationCode: null,
        characteristics: [
          {
            code: 'flatness',
            element: '',
            limitSource: 'manual',
            upperLimit: 10,
            method: '',
            samplesPerLot: 1,
            frequency: 'every_lot',
          },
        ],
      });
      const lot = await t.materialLot.create({
        data: {
          tenantId: TENANT,
          plantId: plant.id,
          lotNo: `WF-${randomUUID().slice(0, 8)}`,
          kind: 'coil',
          weightKg: 4000,
          alloyId: alloy.id,
        },
      });
      const raised = await requestInspection(t, ctx, { lotId: lot.id, planId: plan.id });
      return { request: raised, sampleNo: raised.sampleNos[0] as string };
    });
    const audits = (action: string) =>
      database.ownerQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = $1 AND target_id = $2 AND action = $3',
        [TENANT, request.id, action],
      );

    const worker = await createPlatformWorker({
      connection,
      namespace: temporal.namespace,
      db: database.db,
      taskQueue,
      workflowBundle: bundle,
      shutdownGraceTime: '1 second',
    });
    await worker.runUntil(async () => {
      const started = await labWorkflows.startInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
      });
      expect(started.workflowId).toBe(labInspectionWorkflowId(TENANT, request.requestNo));
      // A second start keeps the running workflow.
      const again = await labWorkflows.startInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
      });
      expect(again.runId).toBe(started.runId);

      // Nobody confirms the sampling: a reminder after 1.2 s, an escalation after 2.4 s.
      await waitFor('the escalation', async () => ((await audits('lab.escalation'))[0]?.n ?? 0) > 0);
      expect((await audits('lab.reminder'))[0]?.n).toBe(1);
      const waiting = await getLabInspectionState(client, TENANT, request.requestNo);
      expect(waiting).toMatchObject({
        step: null,
        waitingFor: 'sampled',
        escalations: ['sampled:reminder', 'sampled:escalation'],
      });

      // The lab receives the sample (implies sampled) and enters a passing result.
      const received = await tx((t) => receiveSample(t, ctx, { sampleNo }));
      await labWorkflows.signalInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
        step: 'received',
      });
      const detail = await tx((t) => getInspectionRequest(t, ctx, { id: received.requestId }));
      await tx((t) =>
        enterResults(t, ctx, {
          requestId: request.id,
          results: [
            {
              sampleId: detail.sampleList[0]?.id as string,
              characteristicId: detail.limits[0]?.characteristicId as string,
              value: 4,
            },
          ],
        }),
      );
      await labWorkflows.signalInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
        step: 'results_entered',
      });
      await waitFor('results_entered', async () =>
        (await getLabInspectionState(client, TENANT, request.requestNo))?.waitingFor === 'decided'
          ? true
          : null,
      );

      // The engineer releases; then the lot is moved back behind the API's back, and the activity must restore it.
      await tx((t) => decideInspection(t, ctx, { id: request.id, decision: 'release', note: '' }));
      await database.ownerQuery("UPDATE material_lot SET status = 'available' WHERE id = $1", [
        detail.lot.id,
      ]);
      await labWorkflows.signalInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
        step: 'decided',
      });
      const result = await client.workflow.getHandle(started.workflowId).result();
      expect(result).toMatchObject({ step: 'decided', waitingFor: null, lotStatus: 'released' });
      const [lot] = await database.ownerQuery<{ status: string }>(
        'SELECT status::text AS status FROM material_lot WHERE id = $1',
        [detail.lot.id],
      );
      expect(lot?.status).toBe('released');
      const [applied] = await database.ownerQuery<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = $1 AND target_id = $2 AND action = 'lab.applyDecision'",
        [TENANT, detail.lot.id],
      );
      expect(applied?.n).toBe(1);
      // Reminder and escalation were recorded once each, whatever the replays.
      expect((await audits('lab.reminder'))[0]?.n).toBe(1);
      expect((await audits('lab.escalation'))[0]?.n).toBe(1);
    });
  }, 90_000);

  it('ends without touching the lot when the request is cancelled', async () => {
    const taskQueue = `test-lab-${randomUUID()}`;
    const labWorkflows = createLabWorkflows(client, { taskQueue });
    const { request, lotId } = await tx(async (t) => {
      const plant = await t.plant.findFirstOrThrow({ where: { tenantId: TENANT, code: 'RP' } });
      const plan = await t.inspectionPlan.findFirstOrThrow({
        where: { tenantId: TENANT, code: { startsWith: 'QP-WF-' } },
      });
      const lot = await t.materialLot.create({
        data: {
          tenantId: TENANT,
          plantId: plant.id,
          lotNo: `WF-${randomUUID().slice(0, 8)}`,
          kind: 'coil',
          weightKg: 4000,
        },
      });
      return { request: await requestInspection(t, ctx, { lotId: lot.id, planId: plan.id }), lotId: lot.id };
    });
    const worker = await createPlatformWorker({
      connection,
      namespace: temporal.namespace,
      db: database.db,
      taskQueue,
      workflowBundle: bundle,
      shutdownGraceTime: '1 second',
    });
    await worker.runUntil(async () => {
      const started = await labWorkflows.startInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
      });
      await tx((t) => cancelInspection(t, ctx, { id: request.id, reason: 'raised twice' }));
      await labWorkflows.signalInspection({
        tenantId: TENANT,
        requestId: request.id,
        requestNo: request.requestNo,
        step: 'decided',
      });
      const result = await client.workflow.getHandle(started.workflowId).result();
      expect(result).toMatchObject({ step: 'decided', waitingFor: null, lotStatus: 'available' });
    });
    const [lot] = await database.ownerQuery<{ status: string }>(
      'SELECT status::text AS status FROM material_lot WHERE id = $1',
      [lotId],
    );
    expect(lot?.status).toBe('available');
  }, 60_000);
});
