/**
 * The worker process (src/worker.ts) as the launcher runs it, against the real Temporal dev server and a fresh
 * PostgreSQL database: it serves provisionTenant, drains and exits 0 on SIGTERM, and exits 1 when Temporal
 * is unreachable instead of hanging.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { tenantIdForSlug } from '@ingot/db';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import type { Client } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, startProvisionTenant } from './client.ts';
import { requireTemporal, type TemporalTarget } from './test-support/env.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startWorkerProcess(env: Record<string, string>): Running {
  // node --import tsx (not the tsx CLI): the signal reaches the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(running: Running, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let exited = false;
  void running.exited.then(() => {
    exited = true;
  });
  while (!pattern.test(running.output())) {
    if (exited) throw new Error(`worker exited before printing ${pattern}:\n${running.output()}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`no ${pattern} in ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('worker process (src/worker.ts)', () => {
  let temporal: TemporalTarget;
  let client: Client;
  let database: TestDatabase;
  let running: Running | undefined;

  beforeAll(async () => {
    temporal = await requireTemporal();
    client = await createTemporalClient(temporal.address, { namespace: temporal.namespace });
    database = await createTestDatabase('postgres');
  });

  afterEach(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = undefined;
  });

  afterAll(async () => {
    await client?.connection.close();
    await database?.close();
  });

  it('serves provisionTenant, then drains and exits 0 on SIGTERM', async () => {
    const taskQueue = `test-worker-process-${randomUUID()}`;
    const slug = `proc-${randomUUID().slice(0, 8)}`;
    running = startWorkerProcess({
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: database.url ?? '',
      WORKER_SHUTDOWN_GRACE_MS: '2000',
    });
    await waitForOutput(running, /worker polling/);

    const { workflowId, runId } = await startProvisionTenant(
      client,
      {
        slug,
        name: 'Process Test Copper',
        firstPlant: { code: 'P1', name: 'Plant 1' },
        admin: { email: `admin@${slug}.example`, displayName: 'Admin' },
        requestedBy: 'platform@ingot.demo',
      },
      { taskQueue },
    );
    const result = await client.workflow.getHandle(workflowId, runId).result();
    expect(result.tenantId).toBe(tenantIdForSlug(slug));

    running.child.kill('SIGTERM');
    await expect(running.exited).resolves.toBe(0);
    expect(running.output()).toMatch(/SIGTERM: draining/);
    expect(running.output()).toMatch(/worker stopped/);
  });

  it('exits 1 with a hint when Temporal is unreachable', async () => {
    running = startWorkerProcess({
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATABASE_URL: database.url ?? '',
    });
    await expect(running.exited).resolves.toBe(1);
    expect(running.output()).toMatch(/cannot connect to Temporal at 127\.0\.0\.1:1.*infra\/local\/up/);
  });

  it('exits 1 when TEMPORAL_ADDRESS is missing', async () => {
    running = startWorkerProcess({ DATABASE_URL: database.url ?? '' });
    await expect(running.exited).resolves.toBe(1);
    expect(running.output()).toMatch(/TEMPORAL_ADDRESS is required/);
  });
});
