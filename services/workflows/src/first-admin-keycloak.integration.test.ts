/**
 * provisionTenant with Keycloak configured: the new tenant's first administrator gets their Keycloak account (realm
 * role tenant-admin, so a second factor; the tenant's group), created by the `ingot-workflows` service account,
 * while our user row stays pending until their first sign-in binds it. Real Temporal, PostgreSQL and Keycloak.
 */
import { randomUUID } from 'node:crypto';
import {
  createKeycloakAdmin,
  createKeycloakDirectory,
  TENANTS_GROUP,
  type TIdentityDirectory,
} from '@ingot/auth';
import { readKeycloakTestEnv } from '@ingot/auth/test-support';
import { withTenant } from '@ingot/db';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, startProvisionTenant } from './client.ts';
import { createPlatformWorker } from './platform-worker.ts';
import { requireTemporal, type TemporalTarget } from './test-support/env.ts';
import { installQuietRuntime } from './test-support/quiet-runtime.ts';

const keycloak = readKeycloakTestEnv();
const master = createKeycloakAdmin({
  baseUrl: keycloak.baseUrl,
  credentials: { kind: 'password', username: keycloak.adminUsername, password: keycloak.adminPassword },
});

let temporal: TemporalTarget;
let connection: NativeConnection;
let client: Client;
let database: TestDatabase;
let directory: TIdentityDirectory;
const emails: string[] = [];

beforeAll(async () => {
  installQuietRuntime();
  temporal = await requireTemporal();
  connection = await NativeConnection.connect({ address: temporal.address });
  client = await createTemporalClient(temporal.address, { namespace: temporal.namespace });
  database = await createTestDatabase('postgres');
  const [account] = await master.clients.find({ clientId: 'ingot-workflows' });
  const { value: secret } = await master.clients.getClientSecret({ id: account?.id ?? '' });
  directory = createKeycloakDirectory({
    admin: createKeycloakAdmin({
      baseUrl: keycloak.baseUrl,
      credentials: { kind: 'client', clientId: 'ingot-workflows', clientSecret: secret ?? '' },
    }),
  });
});

afterAll(async () => {
  for (const email of emails) {
    const [user] = await master.users.find({ email, exact: true });
    if (user?.id) await master.users.del({ id: user.id }).catch(() => undefined);
  }
  await client?.connection.close();
  await connection?.close();
  await database?.close();
});

describe('provisionTenant with Keycloak [postgres]', () => {
  it("creates the first administrator's Keycloak account with tenant-admin and the tenant's group", async () => {
    const slug = `kc-first-admin-${randomUUID().slice(0, 8)}`;
    const email = `admin@${slug}.example`;
    emails.push(email);
    const taskQueue = `test-first-admin-${randomUUID()}`;
    const worker = await createPlatformWorker({
      connection,
      namespace: temporal.namespace,
      db: database.db,
      taskQueue,
      directory,
      shutdownGraceTime: '1 second',
    });
    const { workflowId, runId } = await startProvisionTenant(
      client,
      {
        slug,
        name: '山东铝箔',
        firstPlant: { code: 'FP', name: '铝箔厂' },
        admin: { email, displayName: '张伟' },
        requestedBy: 'platform@ingot.demo',
      },
      { taskQueue },
    );
    const result = await worker.runUntil(() => client.workflow.getHandle(workflowId, runId).result());

    const [user] = await master.users.find({ email, exact: true });
    expect(user).toMatchObject({ email, firstName: '张伟', emailVerified: true, enabled: true });
    const roles = (await master.users.listRealmRoleMappings({ id: user?.id ?? '' })).map((r) => r.name);
    expect(roles).toContain('tenant-admin');
    const groups = (await master.users.listGroups({ id: user?.id ?? '' })).map((g) => g.path);
    expect(groups).toContain(`/${TENANTS_GROUP}/${slug}`);

    const row = await withTenant(
      database.db,
      { tenantId: result.tenantId, userId: result.adminUserId },
      (tx) => tx.user.findUnique({ where: { id: result.adminUserId } }),
    );
    // Bound to Keycloak's subject at the first sign-in, like any invited member.
    expect(row?.subject).toBe(`pending:${email}`);
  });
});
