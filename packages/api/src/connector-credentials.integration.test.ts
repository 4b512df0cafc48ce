/**
 * Connectors through the API: create per plant with a generated globally unique username, credentials shown once
 * (scrypt hash stored; reissue replaces, revoke refuses), configuration YAML validated with key path and line,
 * status from the last heartbeat, one audit row per mutation, plant scope and tenant isolation. PostgreSQL and PGlite.
 */
import { tenantIdForSlug } from '@ingot/db';
import { ensureConnectorCredentials, seedDemoTenant, verifyConnectorPassword } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

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

const VALID_YAML = `batching:
  maxPoints: 500
  maxDelayMs: 200
sources:
  - id: cm1
    kind: opcua
    endpointUrl: opc.tcp://127.0.0.1:4840
    securityMode: SignAndEncrypt
    securityPolicy: Basic256Sha256
    tags:
      - nodeId: ns=1;s=CM1.ExitThickness
        equipment: CM-1
        tag: exit_thickness
`;

describeEachDatabase('connectors and their broker credentials', (t) => {
  let admin: TCaller;
  let planner: TCaller;
  let other: TCaller;
  let plants: Record<string, string>;
  const hashOf = async (id: string) =>
    (
      await t.database.ownerQuery<{ h: string | null }>(
        'SELECT password_hash AS h FROM connector WHERE id = $1',
        [id],
      )
    )[0]?.h ?? null;
  const audits = async (action: string) =>
    Number(
      (
        await t.database.ownerQuery<{ n: string }>(
          'SELECT count(*)::text AS n FROM audit_event WHERE tenant_id = $1 AND action = $2',
          [A, action],
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    plants = seeded.tenants[EAST]?.plants ?? {};
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    planner = callerFor(t.db, EAST_PLANNER, EAST);
    other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
  });

  describe('create, credentials, revoke', () => {
    let id: string;

    it('creates a connector with a generated username and no credentials', async () => {
      const c = await admin.connector.create({
        plantId: plants.RP as string,
        code: 'edge-rp-1',
        name: '冷轧边缘网关',
      });
      id = c.id;
      expect(c.username).toBe(`${EAST}.edge-rp-1`);
      expect(c).toMatchObject({
        hasCredentials: false,
        state: 'no-credentials',
        spoolDepth: null,
        lastSeenAt: null,
      });
      expect(c).not.toHaveProperty('passwordHash');
      expect(await audits('connector.create')).toBe(1);
      const dup = await failure(
        admin.connector.create({ plantId: plants.RP as string, code: 'edge-rp-1', name: 'x' }),
      );
      expect(dup).toMatchObject({ code: 'CONFLICT', field: 'code' });
    });

    it('refuses a code that is not a topic level', async () => {
      const bad = await failure(
        admin.connector.create({ plantId: plants.RP as string, code: 'edge/#', name: 'x' }),
      );
      expect(bad.code).toBe('BAD_REQUEST');
      expect(bad.message).toMatch(/code/);
    });

    it('issues a password once; only its scrypt hash is stored; reissue replaces it', async () => {
      const first = await admin.connector.issueCredentials({ id });
      expect(first.username).toBe(`${EAST}.edge-rp-1`);
      expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(first.connector).toMatchObject({ hasCredentials: true, state: 'never-seen' });
      const h1 = await hashOf(id);
      expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(h1).not.toContain(first.password);
      expect(await verifyConnectorPassword(first.password, h1)).toBe(true);
      expect(JSON.stringify(await admin.connector.get({ id }))).not.toContain(first.password);

      const second = await admin.connector.issueCredentials({ id });
      const h2 = await hashOf(id);
      expect(second.password).not.toBe(first.password);
      expect(await verifyConnectorPassword(first.password, h2)).toBe(false);
      expect(await verifyConnectorPassword(second.password, h2)).toBe(true);
      expect(await audits('connector.issue-credentials')).toBe(2);
      const [row] = await t.database.ownerQuery<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_event WHERE tenant_id = $1 AND action = 'connector.issue-credentials' ORDER BY seq DESC LIMIT 1",
        [A],
      );
      expect(JSON.stringify(row?.details)).not.toContain(second.password);
      expect(row?.details).toMatchObject({ replaced: true });
    });

    it('revokes: the hash is erased and the broker lookup reports it revoked', async () => {
      const c = await admin.connector.revoke({ id });
      expect(c).toMatchObject({ state: 'revoked', hasCredentials: false });
      expect(await hashOf(id)).toBeNull();
      const [creds] = await t.database.ownerQuery<{ revoked: boolean; password_hash: string | null }>(
        'SELECT revoked, password_hash FROM app_connector_credentials($1)',
        [`${EAST}.edge-rp-1`],
      );
      expect(creds).toEqual({ revoked: true, password_hash: null });
      expect(await audits('connector.revoke')).toBe(1);
      // New credentials lift the revocation.
      await admin.connector.issueCredentials({ id });
      expect((await admin.connector.get({ id })).state).toBe('never-seen');
    });

    it('shows status, spool depth and last seen from the last heartbeat', async () => {
      await t.database.ownerQuery(
        `UPDATE connector SET last_seen_at = now(), last_status = '{"kind":"heartbeat","spoolDepthBatches":12,"lagMs":300}' WHERE id = $1`,
        [id],
      );
      expect(await admin.connector.get({ id })).toMatchObject({
        state: 'online',
        spoolDepth: 12,
        lastStatus: { lagMs: 300 },
      });
      await t.database.ownerQuery(
        `UPDATE connector SET last_seen_at = now() - interval '5 minutes' WHERE id = $1`,
        [id],
      );
      expect((await admin.connector.get({ id })).state).toBe('stale');
    });

    it('another tenant sees nothing and cannot act on it (NOT_FOUND, like a missing row)', async () => {
      expect(await other.connector.list({})).toEqual([]);
      // One call at a time: promises made up front would reject before they are awaited (unhandled rejections).
      for (const call of [
        () => other.connector.get({ id }),
        () => other.connector.issueCredentials({ id }),
        () => other.connector.revoke({ id }),
      ]) {
        expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND' });
      }
    });

    it('the planner (connector.read only) may list but not manage', async () => {
      expect((await planner.connector.list({})).map((c) => c.id)).toContain(id);
      expect((await failure(planner.connector.issueCredentials({ id }))).code).toBe('FORBIDDEN');
      expect(
        (await failure(planner.connector.create({ plantId: plants.RP as string, code: 'p1', name: 'x' })))
          .code,
      ).toBe('FORBIDDEN');
    });

    it('a connector of a plant outside the member scope is invisible to a plant-scoped member', async () => {
      const ep = await admin.connector.create({
        plantId: plants.EP as string,
        code: 'edge-ep-1',
        name: '挤压网关',
      });
      expect((await planner.connector.list({})).map((c) => c.id)).not.toContain(ep.id);
      expect((await failure(planner.connector.get({ id: ep.id }))).code).toBe('NOT_FOUND');
    });
  });

  describe('configuration', () => {
    let id: string;
    beforeAll(async () => {
      id = (await admin.connector.create({ plantId: plants.RP as string, code: 'edge-cfg', name: 'cfg' })).id;
    });

    it('accepts a valid sources configuration and bumps its version', async () => {
      const c = await admin.connector.updateConfig({ id, config: VALID_YAML });
      expect(c).toMatchObject({ config: VALID_YAML, configVersion: 1 });
      expect(await audits('connector.update-config')).toBe(1);
    });

    it('refuses YAML syntax errors with the line', async () => {
      const e = await failure(
        admin.connector.updateConfig({ id, config: 'sources:\n  - id: a\n   kind: [' }),
      );
      expect(e).toMatchObject({ code: 'BAD_REQUEST', field: 'config' });
      expect(e.message).toMatch(/line \d/);
      expect(e.message).toMatch(/YAML syntax/);
    });

    it('refuses a schema violation naming the key path and its line', async () => {
      const bad = VALID_YAML.replace('maxPoints: 500', 'maxPoints: 50000');
      const e = await failure(admin.connector.updateConfig({ id, config: bad }));
      expect(e.message).toMatch(/^batching\.maxPoints \(line 2\): must be at most/);
      const v = await admin.connector.validateConfig({ config: bad });
      expect(v).toEqual({
        ok: false,
        issues: [{ path: 'batching.maxPoints', line: 2, message: expect.stringMatching(/at most/) }],
      });
      expect((await admin.connector.get({ id })).configVersion).toBe(1);
    });
  });

  it("npm start's demo connector: created once, the agent's password kept while it matches, replaced when not", async () => {
    const input = { tenantId: A, plantCode: 'RP', code: 'sim-rp', name: '模拟器网关' };
    const first = await ensureConnectorCredentials(t.db, input);
    expect(first).toMatchObject({
      username: `${EAST}.sim-rp`,
      issued: true,
      tenantSlug: EAST,
      plantCode: 'RP',
    });
    const again = await ensureConnectorCredentials(t.db, { ...input, knownPassword: first.password });
    expect(again).toMatchObject({ connectorId: first.connectorId, issued: false, password: first.password });
    const lost = await ensureConnectorCredentials(t.db, { ...input, knownPassword: 'stale' });
    expect(lost.issued).toBe(true);
    expect(lost.password).not.toBe(first.password);
    expect(await verifyConnectorPassword(lost.password, await hashOf(first.connectorId))).toBe(true);
  });
});
