// Tenant isolation as the application experiences it (role ingot_app, through withTenant/withUser), on
// PostgreSQL and PGlite alike.
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isForeignKeyViolation,
  isNotFound,
  isRowLevelSecurityViolation,
  isUniqueViolation,
  sqlStateOf,
} from './errors.ts';
import { deterministicId } from './ids.ts';
import { upsertUserBySubject } from './platform.ts';
import { type TenantTx, withTenant, withUser } from './scope.ts';
import { type SeededTenant, seedTenant } from './test-support/seed-tenant.ts';

/** Every tenant-owned model, read through Prisma. */
const READERS: Record<string, (tx: TenantTx) => Promise<Array<{ tenantId: string }>>> = {
  plant: (tx) => tx.plant.findMany(),
  area: (tx) => tx.area.findMany(),
  work_center: (tx) => tx.workCenter.findMany(),
  equipment: (tx) => tx.equipment.findMany(),
  membership: (tx) => tx.membership.findMany(),
  membership_plant: (tx) => tx.membershipPlant.findMany(),
  partnership: (tx) => tx.partnership.findMany(),
  audit_event: (tx) => tx.auditEvent.findMany(),
};

async function expectRejected(promise: Promise<unknown>, check: (e: unknown) => boolean, what: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${what}: expected a rejection`).toBeDefined();
  expect(check(error), `${what}: unexpected error ${String(error)}`).toBe(true);
}

describeEachDatabase('tenant isolation', (t) => {
  let a: SeededTenant;
  let b: SeededTenant;
  let c: SeededTenant;
  /** Member of A and of B (the tenant switcher case). */
  let bothUserId: string;
  /** The tables with a tenant_id column, from the catalogue (so new tables are covered without editing). */
  let tenantTables: string[];

  beforeAll(async () => {
    a = await seedTenant(t.db, 'iso-a');
    b = await seedTenant(t.db, 'iso-b');
    c = await seedTenant(t.db, 'iso-c');
    bothUserId = await upsertUserBySubject(t.db, {
      subject: 'sub-both',
      email: 'both@example.com',
      displayName: 'Both',
    });
    for (const tenant of [a, b]) {
      await withTenant(t.db, { tenantId: tenant.tenantId }, (tx) =>
        tx.membership.create({ data: { tenantId: tenant.tenantId, userId: bothUserId, roles: ['viewer'] } }),
      );
    }
    // B supplies C; A has no part in it. C is B's customer-side partner.
    await withTenant(t.db, { tenantId: b.tenantId }, (tx) =>
      tx.partnership.create({
        data: {
          tenantId: b.tenantId,
          partnerTenantId: c.tenantId,
          kind: 'customer',
          scopes: ['orders:read'],
        },
      }),
    );
    const rows = await t.database.ownerQuery<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
        ORDER BY 1`,
    );
    tenantTables = rows.map((r) => r.table);
  });

  describe('reads', () => {
    it("shows tenant A only its own rows in every tenant-owned model (and never B's)", async () => {
      await withTenant(t.db, { tenantId: a.tenantId }, async (tx) => {
        for (const [name, read] of Object.entries(READERS)) {
          const rows = await read(tx);
          if (name !== 'partnership') expect(rows.length, `${name} rows of A`).toBeGreaterThan(0);
          expect(
            rows.filter((r) => r.tenantId !== a.tenantId),
            `${name}: rows of other tenants`,
          ).toEqual([]);
        }
        expect(await tx.plant.findUnique({ where: { id: b.plantId } })).toBeNull();
        expect(await tx.equipment.findFirst({ where: { tenantId: b.tenantId } })).toBeNull();
      });
    });

    it('hides other tenants in every table with a tenant_id, whatever the SQL asks', async () => {
      expect(tenantTables).toEqual(expect.arrayContaining(Object.keys(READERS)));
      await withTenant(t.db, { tenantId: a.tenantId }, async (tx) => {
        for (const table of tenantTables) {
          const [row] = await tx.$queryRawUnsafe<Array<{ other: number; own: number }>>(
            `SELECT count(*) FILTER (WHERE tenant_id <> $1::uuid)::int AS other,
                    count(*) FILTER (WHERE tenant_id = $1::uuid)::int AS own FROM "${table}"`,
            a.tenantId,
          );
          expect(row?.other, `${table}: rows of other tenants visible`).toBe(0);
        }
      });
      // The owner sees everything: the rows are there, RLS is what hides them.
      const [all] = await t.database.ownerQuery<{ n: number }>(
        'SELECT count(DISTINCT tenant_id)::int AS n FROM plant',
      );
      expect(all?.n).toBe(3);
    });

    it('returns zero rows, without error, when no scope is set', async () => {
      expect(await t.db.prisma.plant.findMany()).toEqual([]);
      expect(await t.db.prisma.tenant.count()).toBe(0);
      expect(await t.db.prisma.user.count()).toBe(0);
      for (const table of tenantTables) {
        const [row] = await t.db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM "${table}"`,
        );
        expect(row?.n, table).toBe(0);
      }
      // Also inside a transaction that set nothing (the settings are then '' rather than absent).
      const n = await t.db.prisma.$transaction(async (tx) => {
        if (t.kind === 'pglite') await tx.$executeRawUnsafe('SET LOCAL ROLE ingot_app');
        await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', '', true)`);
        return tx.plant.count();
      });
      expect(n).toBe(0);
    });

    it('leaves nothing behind after a scoped transaction', async () => {
      await withTenant(t.db, { tenantId: a.tenantId, userId: a.adminUserId }, (tx) => tx.plant.count());
      const rows = await t.db.prisma.$queryRaw<Array<{ tenant: string | null; user: string | null }>>`
        SELECT current_setting('app.tenant_id', true) AS tenant, current_setting('app.user_id', true) AS user`;
      expect(rows[0]?.tenant ?? '').toBe('');
      expect(rows[0]?.user ?? '').toBe('');
      expect(await t.db.prisma.plant.count()).toBe(0);
    });
  });

  describe('writes', () => {
    it("refuses inserts carrying tenant B's tenant_id, in every model", async () => {
      const bId = b.tenantId;
      const attempts: Record<string, (tx: TenantTx) => Promise<unknown>> = {
        tenant: (tx) =>
          tx.tenant.create({ data: { id: deterministicId(bId, 'x'), slug: 'iso-x', name: 'X' } }),
        plant: (tx) => tx.plant.create({ data: { tenantId: bId, code: 'EVIL', name: 'x' } }),
        area: (tx) =>
          tx.area.create({ data: { tenantId: bId, plantId: b.plantId, code: 'EVIL', name: 'x' } }),
        work_center: (tx) =>
          tx.workCenter.create({
            data: { tenantId: bId, plantId: b.plantId, areaId: b.areaId, code: 'EVIL', name: 'x' },
          }),
        equipment: (tx) =>
          tx.equipment.create({
            data: {
              tenantId: bId,
              plantId: b.plantId,
              workCenterId: b.workCenterId,
              code: 'EVIL',
              name: 'x',
              class: 'other',
            },
          }),
        membership: (tx) =>
          tx.membership.create({ data: { tenantId: bId, userId: a.adminUserId, roles: ['viewer'] } }),
        membership_plant: (tx) =>
          tx.membershipPlant.create({
            data: { tenantId: bId, membershipId: b.membershipId, plantId: b.plantId },
          }),
        partnership: (tx) =>
          tx.partnership.create({
            data: { tenantId: bId, partnerTenantId: a.tenantId, kind: 'supplier', scopes: [] },
          }),
        audit_event: (tx) =>
          tx.auditEvent.create({ data: { tenantId: bId, action: 'x', targetType: 'x', outcome: 'x' } }),
      };
      for (const [name, attempt] of Object.entries(attempts)) {
        await expectRejected(
          withTenant(t.db, { tenantId: a.tenantId, userId: a.adminUserId }, attempt),
          isRowLevelSecurityViolation,
          `insert into ${name} with B's tenant_id`,
        );
      }
    });

    it("refuses to hang a row under B's parent even with A's tenant_id (composite foreign keys)", async () => {
      const scope = { tenantId: a.tenantId, userId: a.adminUserId };
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.area.create({ data: { tenantId: a.tenantId, plantId: b.plantId, code: 'EVIL', name: 'x' } }),
        ),
        isForeignKeyViolation,
        "area under B's plant",
      );
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.workCenter.create({
            data: { tenantId: a.tenantId, plantId: b.plantId, areaId: b.areaId, code: 'EVIL', name: 'x' },
          }),
        ),
        isForeignKeyViolation,
        "work centre under B's area",
      );
      // Mixing A's plant with B's area does not pass either.
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.workCenter.create({
            data: { tenantId: a.tenantId, plantId: a.plantId, areaId: b.areaId, code: 'EVIL', name: 'x' },
          }),
        ),
        isForeignKeyViolation,
        "work centre in A's plant under B's area",
      );
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.equipment.create({
            data: {
              tenantId: a.tenantId,
              plantId: b.plantId,
              workCenterId: b.workCenterId,
              code: 'EVIL',
              name: 'x',
              class: 'other',
            },
          }),
        ),
        isForeignKeyViolation,
        "equipment on B's line",
      );
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.membershipPlant.create({
            data: { tenantId: a.tenantId, membershipId: a.membershipId, plantId: b.plantId },
          }),
        ),
        isForeignKeyViolation,
        "membership scoped to B's plant",
      );
      // And with B's tenant_id the policy refuses before the key is even checked.
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.area.create({ data: { tenantId: b.tenantId, plantId: b.plantId, code: 'EVIL', name: 'x' } }),
        ),
        isRowLevelSecurityViolation,
        "area with B's tenant_id",
      );
    });

    it("cannot update or delete B's rows (they are not found), nor move A's rows to B", async () => {
      const scope = { tenantId: a.tenantId };
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.plant.update({ where: { id: b.plantId }, data: { name: 'pwned' } }),
        ),
        isNotFound,
        "update B's plant",
      );
      await expectRejected(
        withTenant(t.db, scope, (tx) => tx.equipment.delete({ where: { id: b.equipmentId } })),
        isNotFound,
        "delete B's equipment",
      );
      const counts = await withTenant(t.db, scope, async (tx) => ({
        updated: (await tx.area.updateMany({ where: { tenantId: b.tenantId }, data: { name: 'pwned' } }))
          .count,
        deleted: (await tx.equipment.deleteMany({ where: { tenantId: b.tenantId } })).count,
      }));
      expect(counts).toEqual({ updated: 0, deleted: 0 });
      await expectRejected(
        withTenant(t.db, scope, (tx) =>
          tx.partnership.create({
            data: { tenantId: b.tenantId, partnerTenantId: a.tenantId, kind: 'supplier', scopes: [] },
          }),
        ),
        isRowLevelSecurityViolation,
        "write a row under B's tenant_id",
      );
      const [untouched] = await t.database.ownerQuery<{ name: string }>(
        'SELECT name FROM plant WHERE id = $1',
        [b.plantId],
      );
      expect(untouched?.name).toBe('Rolling mill');
    });

    it('rolls back everything of a failed transaction', async () => {
      await expect(
        withTenant(t.db, { tenantId: a.tenantId }, async (tx) => {
          await tx.plant.create({ data: { tenantId: a.tenantId, code: 'TMP', name: 'temporary' } });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const n = await withTenant(t.db, { tenantId: a.tenantId }, (tx) =>
        tx.plant.count({ where: { code: 'TMP' } }),
      );
      expect(n).toBe(0);
    });

    it('reports unique violations within the tenant', async () => {
      await expectRejected(
        withTenant(t.db, { tenantId: a.tenantId }, (tx) =>
          tx.plant.create({ data: { tenantId: a.tenantId, code: 'P1', name: 'again' } }),
        ),
        isUniqueViolation,
        'duplicate plant code',
      );
    });
  });

  describe('tenants, memberships, partnerships and users', () => {
    it('shows the current tenant, plus the tenants the user belongs to; writes only the current one', async () => {
      const seen = await withTenant(t.db, { tenantId: a.tenantId }, (tx) =>
        tx.tenant.findMany({ select: { id: true } }),
      );
      expect(seen.map((r) => r.id)).toEqual([a.tenantId]);

      const switcher = await withTenant(t.db, { tenantId: a.tenantId, userId: bothUserId }, (tx) =>
        tx.tenant.findMany({ select: { id: true }, orderBy: { slug: 'asc' } }),
      );
      expect(switcher.map((r) => r.id)).toEqual([a.tenantId, b.tenantId]);

      await expectRejected(
        withTenant(t.db, { tenantId: a.tenantId, userId: bothUserId }, (tx) =>
          tx.tenant.update({ where: { id: b.tenantId }, data: { name: 'pwned' } }),
        ),
        isNotFound,
        'update a tenant the user merely belongs to',
      );
      const renamed = await withTenant(t.db, { tenantId: a.tenantId }, (tx) =>
        tx.tenant.update({ where: { id: a.tenantId }, data: { defaultLocale: 'en' } }),
      );
      expect(renamed.defaultLocale).toBe('en');
    });

    it('lets a user see their own memberships and tenants with no tenant scope (withUser), and nothing else', async () => {
      await withUser(t.db, { userId: bothUserId }, async (tx) => {
        const memberships = await tx.membership.findMany({ include: { tenant: true } });
        expect(memberships.map((m) => m.tenant.slug).sort()).toEqual(['iso-a', 'iso-b']);
        expect(memberships.every((m) => m.userId === bothUserId)).toBe(true);
        expect(await tx.plant.count()).toBe(0);
        expect(await tx.auditEvent.count()).toBe(0);
        const users = await tx.user.findMany();
        expect(users.map((u) => u.id)).toEqual([bothUserId]);
      });
    });

    it("shows memberships of the tenant and the user's own elsewhere; writes only the tenant's", async () => {
      const rows = await withTenant(t.db, { tenantId: a.tenantId, userId: b.adminUserId }, (tx) =>
        tx.membership.findMany(),
      );
      const tenants = new Set(rows.map((r) => r.tenantId));
      expect(tenants).toEqual(new Set([a.tenantId, b.tenantId]));
      expect(rows.filter((r) => r.tenantId === b.tenantId).map((r) => r.userId)).toEqual([b.adminUserId]);
      await expectRejected(
        withTenant(t.db, { tenantId: a.tenantId, userId: b.adminUserId }, (tx) =>
          tx.membership.update({ where: { id: b.membershipId }, data: { roles: ['viewer'] } }),
        ),
        isNotFound,
        "update own membership of another tenant from A's scope",
      );
    });

    it('shows a partnership to both sides and lets only the owning side write it', async () => {
      const asPartner = await withTenant(t.db, { tenantId: c.tenantId }, (tx) => tx.partnership.findMany());
      expect(asPartner.map((p) => [p.tenantId, p.partnerTenantId])).toEqual([[b.tenantId, c.tenantId]]);
      const asOwner = await withTenant(t.db, { tenantId: b.tenantId }, (tx) => tx.partnership.findMany());
      expect(asOwner).toHaveLength(1);
      const asStranger = await withTenant(t.db, { tenantId: a.tenantId }, (tx) => tx.partnership.findMany());
      expect(asStranger).toEqual([]);
      const partnershipId = asOwner[0]?.id ?? '';
      await expectRejected(
        withTenant(t.db, { tenantId: c.tenantId }, (tx) =>
          tx.partnership.update({ where: { id: partnershipId }, data: { active: false } }),
        ),
        isNotFound,
        'partner side updates the partnership',
      );
      await expectRejected(
        withTenant(t.db, { tenantId: c.tenantId }, (tx) =>
          tx.partnership.delete({ where: { id: partnershipId } }),
        ),
        isNotFound,
        'partner side deletes the partnership',
      );
      const updated = await withTenant(t.db, { tenantId: b.tenantId }, (tx) =>
        tx.partnership.update({
          where: { id: partnershipId },
          data: { scopes: ['orders:read', 'coils:read'] },
        }),
      );
      expect(updated.scopes).toEqual(['orders:read', 'coils:read']);
    });

    it("shows the tenant's members and oneself, never other users", async () => {
      const users = await withTenant(t.db, { tenantId: a.tenantId, userId: a.adminUserId }, (tx) =>
        tx.user.findMany({ select: { id: true } }),
      );
      expect(new Set(users.map((u) => u.id))).toEqual(new Set([a.adminUserId, bothUserId]));
      const fromC = await withTenant(t.db, { tenantId: c.tenantId, userId: c.adminUserId }, (tx) =>
        tx.user.findUnique({ where: { id: bothUserId } }),
      );
      expect(fromC).toBeNull();
    });

    it('lets users edit their own profile only, never platform_admin, and never create users directly', async () => {
      const renamed = await withUser(t.db, { userId: a.adminUserId }, (tx) =>
        tx.user.update({ where: { id: a.adminUserId }, data: { displayName: 'Renamed', locale: 'en' } }),
      );
      expect(renamed).toMatchObject({ displayName: 'Renamed', locale: 'en' });
      // A fellow member is visible but not editable.
      await expectRejected(
        withTenant(t.db, { tenantId: a.tenantId, userId: a.adminUserId }, (tx) =>
          tx.user.update({ where: { id: bothUserId }, data: { displayName: 'pwned' } }),
        ),
        isNotFound,
        "update another member's profile",
      );
      await expectRejected(
        withUser(t.db, { userId: a.adminUserId }, (tx) =>
          tx.user.update({ where: { id: a.adminUserId }, data: { platformAdmin: true } }),
        ),
        (e) => sqlStateOf(e) === '42501',
        'self-promotion to platform admin',
      );
      await expectRejected(
        withUser(t.db, { userId: a.adminUserId }, (tx) =>
          tx.user.create({
            data: { id: deterministicId(a.tenantId, 'u'), subject: 's', email: 'e@x', displayName: 'd' },
          }),
        ),
        isRowLevelSecurityViolation,
        'create a user directly',
      );
    });
  });

  it('rejects malformed scope ids before touching the database', async () => {
    await expect(withTenant(t.db, { tenantId: 'acme' }, (tx) => tx.plant.count())).rejects.toThrow(
      /must be a UUID/,
    );
    await expect(withUser(t.db, { userId: '' }, (tx) => tx.plant.count())).rejects.toThrow(/must be a UUID/);
  });
});
