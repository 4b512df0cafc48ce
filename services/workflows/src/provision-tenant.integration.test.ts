/**
 * provisionTenant against the real Temporal dev server (infra/local/up) and real databases (@ingot/testing):
 * an in-process Worker per test on a task queue of its own; the crash test runs its first worker as a child
 * process and SIGKILLs it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionTenantWorkflowId, type TProvisionTenantResult } from '@ingot/contracts';
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import { createTestDatabase, type TestDatabase, testDatabases } from '@ingot/testing';
import { type Client, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from './activities/index.ts';
import {
  createTemporalClient,
  getProvisionTenantStatus,
  startProvisionTenant,
  type TProvisionTenantStartInput,
} from './client.ts';
import { createPlatformWorker, WORKFLOWS_PATH } from './platform-worker.ts';
import { requireTemporal, type TemporalTarget } from './test-support/env.ts';
import { installQuietRuntime } from './test-support/quiet-runtime.ts';
import { spawnWorkerProcess, type WorkerProcess } from './test-support/spawn-worker-process.ts';
import { FAILURE_TYPES } from './workflows/failure-types.ts';

const HISTORY_FIXTURE = fileURLToPath(new URL('./workflows/provision-tenant.history.json', import.meta.url));

let temporal: TemporalTarget;
let connection: NativeConnection;
let client: Client;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  installQuietRuntime();
  temporal = await requireTemporal();
  // One bundle for every worker of the file (bundling takes ~1 s; Worker.create with it takes milliseconds).
  bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  connection = await NativeConnection.connect({ address: temporal.address });
  client = await createTemporalClient(temporal.address, { namespace: temporal.namespace });
});

afterAll(async () => {
  await client?.connection.close();
  await connection?.close();
});

function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

function uniqueTaskQueue(): string {
  return `test-provision-tenant-${randomUUID()}`;
}

function provisionInput(
  slug: string,
  overrides: Partial<TProvisionTenantStartInput> = {},
): TProvisionTenantStartInput {
  return {
    slug,
    name: 'Jiangnan Copper',
    firstPlant: { code: 'WX-1', name: 'Wuxi rod & wire plant' },
    admin: { email: `Admin@${slug}.example`, displayName: 'Chen Jing' },
    requestedBy: 'platform@ingot.demo',
    ...overrides,
  };
}

/** Runs an in-process platform worker on `taskQueue` until `fn` settles. */
async function withWorker<T>(db: Db, taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const worker = await createPlatformWorker({
    connection,
    namespace: temporal.namespace,
    db,
    taskQueue,
    workflowBundle: bundle,
    shutdownGraceTime: '1 second',
  });
  return worker.runUntil(fn);
}

function resultOf(workflowId: string, runId: string): Promise<TProvisionTenantResult> {
  return client.workflow.getHandle(workflowId, runId, { followRuns: false }).result();
}

interface RowCounts {
  tenants: number;
  plants: number;
  memberships: number;
  users: number;
  auditEvents: number;
}

/** Counted as the owner (row-level security does not apply: every row of the database). */
async function countAsOwner(database: TestDatabase, slug: string, email: string): Promise<RowCounts> {
  const tenantId = tenantIdForSlug(slug);
  const [row] = await database.ownerQuery<Record<keyof RowCounts, number>>(
    `SELECT (SELECT count(*)::int FROM tenant WHERE slug = $1 OR id = $2::uuid) AS "tenants",
            (SELECT count(*)::int FROM plant WHERE tenant_id = $2::uuid) AS "plants",
            (SELECT count(*)::int FROM membership WHERE tenant_id = $2::uuid) AS "memberships",
            (SELECT count(*)::int FROM app_user WHERE email = lower($3)) AS "users",
            (SELECT count(*)::int FROM audit_event WHERE tenant_id = $2::uuid AND action = 'tenant.provision') AS "auditEvents"`,
    [slug, tenantId, email],
  );
  if (!row) throw new Error('count query returned no row');
  return row;
}

/** Counted as the application sees the tenant (app role, withTenant, row-level security in force). */
async function countThroughTenantScope(db: Db, slug: string): Promise<Omit<RowCounts, 'users'>> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => ({
    tenants: await tx.tenant.count(),
    plants: await tx.plant.count(),
    memberships: await tx.membership.count(),
    auditEvents: await tx.auditEvent.count({ where: { action: 'tenant.provision' } }),
  }));
}

describe.each(testDatabases())('provisionTenant [$kind]', ({ create }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await create();
  });

  afterAll(async () => {
    await database?.close();
  });

  it('creates the tenant, its first plant and the admin membership', async () => {
    const slug = uniqueSlug('jiangnan');
    const taskQueue = uniqueTaskQueue();
    const input = provisionInput(slug);

    const { workflowId, runId } = await startProvisionTenant(client, input, { taskQueue });
    const result = await withWorker(database.db, taskQueue, () => resultOf(workflowId, runId));

    expect(result.tenantId).toBe(tenantIdForSlug(slug));
    const rows = await withTenant(
      database.db,
      { tenantId: result.tenantId, userId: result.adminUserId },
      async (tx) => ({
        tenant: await tx.tenant.findUnique({ where: { id: result.tenantId } }),
        plants: await tx.plant.findMany(),
        memberships: await tx.membership.findMany({ include: { user: true } }),
        audit: await tx.auditEvent.findMany(),
      }),
    );
    expect(rows.tenant).toMatchObject({
      slug,
      name: 'Jiangnan Copper',
      kind: 'company',
      defaultLocale: 'zh-CN',
      status: 'active',
    });
    expect(rows.plants).toEqual([
      expect.objectContaining({
        id: result.plantId,
        code: 'WX-1',
        name: 'Wuxi rod & wire plant',
        timezone: 'Asia/Shanghai',
      }),
    ]);
    expect(rows.memberships).toEqual([
      expect.objectContaining({
        id: result.membershipId,
        userId: result.adminUserId,
        roles: ['tenant_admin'],
        // Pending until their first sign-in binds the identity server's subject (as for an invited member).
        user: expect.objectContaining({
          email: `admin@${slug}.example`,
          subject: `pending:admin@${slug}.example`,
        }),
      }),
    ]);
    expect(rows.audit).toEqual([
      expect.objectContaining({
        action: 'tenant.provision',
        targetType: 'tenant',
        targetId: result.tenantId,
        outcome: 'success',
        requestId: `${workflowId}:${runId}`,
      }),
    ]);

    await expect(getProvisionTenantStatus(client, slug)).resolves.toMatchObject({
      status: 'completed',
      workflowId,
      runId,
      result,
    });

    // Re-record the replay fixture of src/workflows/provision-tenant.test.ts when asked to.
    if (process.env.UPDATE_HISTORY_FIXTURE === '1' && database.kind === 'postgres') {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      writeFileSync(HISTORY_FIXTURE, `${historyToJSON(history)}\n`);
    }
  });

  it('run again in sequence and started twice at once: one tenant, one plant, one membership', async () => {
    const slug = uniqueSlug('east-al');
    const taskQueue = uniqueTaskQueue();
    const input = provisionInput(slug);
    // A later run may carry another name: it is still the same tenant, returned as it is.
    const renamed = provisionInput(slug, { name: 'East China Aluminium (renamed)' });

    const { first, second, concurrent, results } = await withWorker(database.db, taskQueue, async () => {
      const first = await startProvisionTenant(client, input, { taskQueue });
      const firstResult = await resultOf(first.workflowId, first.runId);
      const second = await startProvisionTenant(client, renamed, { taskQueue });
      const secondResult = await resultOf(second.workflowId, second.runId);
      const concurrent = await Promise.all([
        startProvisionTenant(client, input, { taskQueue }),
        startProvisionTenant(client, input, { taskQueue }),
      ]);
      const concurrentResults = await Promise.all(concurrent.map((s) => resultOf(s.workflowId, s.runId)));
      return { first, second, concurrent, results: [firstResult, secondResult, ...concurrentResults] };
    });

    // A closed run allows a new one; a start while one runs attaches to it.
    expect(second.runId).not.toBe(first.runId);
    expect(concurrent[0].runId).toBe(concurrent[1].runId);
    expect(new Set([first.runId, second.runId, concurrent[0].runId]).size).toBe(3);
    // Every run answers with the same rows.
    for (const result of results) expect(result).toEqual(results[0]);

    const email = `admin@${slug}.example`;
    await expect(countAsOwner(database, slug, email)).resolves.toEqual({
      tenants: 1,
      plants: 1,
      memberships: 1,
      users: 1,
      auditEvents: 3, // one per run: three runs were started
    });
    await expect(countThroughTenantScope(database.db, slug)).resolves.toEqual({
      tenants: 1,
      plants: 1,
      memberships: 1,
      auditEvents: 3,
    });
    const tenant = await withTenant(database.db, { tenantId: tenantIdForSlug(slug) }, (tx) =>
      tx.tenant.findUniqueOrThrow({ where: { slug } }),
    );
    expect(tenant.name).toBe('Jiangnan Copper');
  });

  it('activities racing each other on the same keys converge on the same rows', async () => {
    // No Temporal here: two workers' attempts of the same activity at the same moment (a retry overlapping a
    // slow first attempt) must both succeed with the same answer.
    const slug = uniqueSlug('race');
    const activities = createActivities({ db: database.db });
    const tenantArgs = { slug, name: 'Race', kind: 'company', defaultLocale: 'zh-CN' } as const;
    const [t1, t2] = await Promise.all([
      activities.createTenant(tenantArgs),
      activities.createTenant(tenantArgs),
    ]);
    expect(t1).toEqual(t2);
    const plantArgs = { tenantId: t1.tenantId, code: 'P1', name: 'Plant', timezone: 'Asia/Shanghai' };
    const [p1, p2] = await Promise.all([
      activities.createFirstPlant(plantArgs),
      activities.createFirstPlant(plantArgs),
    ]);
    expect(p1).toEqual(p2);
    const adminArgs = { tenantId: t1.tenantId, email: `admin@${slug}.example`, displayName: 'A' };
    const [m1, m2] = await Promise.all([
      activities.ensureAdminMembership(adminArgs),
      activities.ensureAdminMembership(adminArgs),
    ]);
    expect(m1).toEqual(m2);
    await expect(countAsOwner(database, slug, adminArgs.email)).resolves.toMatchObject({
      tenants: 1,
      plants: 1,
      memberships: 1,
      users: 1,
    });
  });

  it('fails at once, without retrying, on invalid input', async () => {
    const slug = uniqueSlug('bad');
    const taskQueue = uniqueTaskQueue();
    // The client validates too; start the workflow directly to reach the workflow's own check.
    const handle = await client.workflow.start('provisionTenant', {
      taskQueue,
      workflowId: provisionTenantWorkflowId(slug),
      args: [{ ...provisionInput(slug), admin: { email: 'not an email', displayName: 'X' } }],
    });
    const failure = await withWorker(database.db, taskQueue, () =>
      handle.result().then(
        () => undefined,
        (err: unknown) => err,
      ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: FAILURE_TYPES.validation, nonRetryable: true });
    expect(cause?.message).toContain('admin.email');
    await expect(getProvisionTenantStatus(client, slug)).resolves.toMatchObject({
      status: 'failed',
      reason: 'FAILED',
      error: expect.stringContaining('admin.email must be a valid address'),
    });
    await expect(countAsOwner(database, slug, 'not an email')).resolves.toMatchObject({ tenants: 0 });
    await expect(startProvisionTenant(client, provisionInput('Not A Slug'))).rejects.toThrow(/slug/);
  });
});

describe('provisionTenant survives a worker killed mid-run [postgres]', () => {
  let database: TestDatabase;
  let workDir: string;
  let bundlePath: string;
  let child: WorkerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    workDir = mkdtempSync(path.join(tmpdir(), 'ingot-workflows-'));
    bundlePath = path.join(workDir, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
  });

  afterEach(async () => {
    await child?.dispose();
    child = undefined;
  });

  afterAll(async () => {
    await database?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('a SIGKILLed worker leaves a committed plant behind; a new worker finishes with every row exactly once', async () => {
    const url = database.url;
    if (!url) throw new Error('the postgres test database has no URL');
    const slug = uniqueSlug('killed');
    const taskQueue = uniqueTaskQueue();
    const email = `admin@${slug}.example`;

    child = spawnWorkerProcess({
      address: temporal.address,
      namespace: temporal.namespace,
      taskQueue,
      databaseUrl: url,
      workflowBundlePath: bundlePath,
      blockAfterCommit: 'createFirstPlant',
    });
    await child.waitFor((e) => e.event === 'ready');
    const { workflowId, runId } = await startProvisionTenant(client, provisionInput(slug), { taskQueue });

    // The plant's transaction has committed; the activity has not returned. Kill the process now.
    await child.waitFor((e) => e.event === 'committed' && e.activity === 'createFirstPlant');
    await expect(child.kill()).resolves.toBe('SIGKILL');

    await expect(countAsOwner(database, slug, email)).resolves.toMatchObject({
      tenants: 1,
      plants: 1,
      memberships: 0,
    });
    await expect(getProvisionTenantStatus(client, slug)).resolves.toMatchObject({ status: 'running', runId });

    // A fresh worker: the server hands it createFirstPlant again once the lost attempt times out.
    const result = await withWorker(database.db, taskQueue, () => resultOf(workflowId, runId));

    expect(result.tenantId).toBe(tenantIdForSlug(slug));
    await expect(countAsOwner(database, slug, email)).resolves.toEqual({
      tenants: 1,
      plants: 1,
      memberships: 1,
      users: 1,
      auditEvents: 1,
    });
    await expect(countThroughTenantScope(database.db, slug)).resolves.toEqual({
      tenants: 1,
      plants: 1,
      memberships: 1,
      auditEvents: 1,
    });

    // The history shows the plant activity ran a second time (attempt 2), on the new worker.
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const plantScheduled = events.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'createFirstPlant',
    );
    const plantStarted = events.find(
      (e) =>
        e.activityTaskStartedEventAttributes &&
        String(e.activityTaskStartedEventAttributes.scheduledEventId) === String(plantScheduled?.eventId),
    );
    expect(plantStarted?.activityTaskStartedEventAttributes?.attempt).toBeGreaterThanOrEqual(2);
  });
});

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn(message: string, meta?: Record<string, unknown>) {
    console.warn(message, meta ?? '');
  },
  error(message: string, meta?: Record<string, unknown>) {
    console.error(message, meta ?? '');
  },
};
