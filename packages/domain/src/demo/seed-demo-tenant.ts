import {
  type Db,
  deterministicId,
  setPlatformAdmin,
  type TenantTx,
  tenantIdForSlug,
  upsertUserBySubject,
  withTenant,
} from '@ingot/db';
import { seedDemoCustomerPartners } from '../certificate/seed-demo-customer-partners.ts';
import { seedDemoSpc } from '../spc/seed-demo-spc.ts';
import { DEMO_PLATFORM_ADMIN, DEMO_TENANTS, type TDemoPlant, type TDemoTenant } from './demo-data.ts';
import { DEMO_ORDER_BOOKS } from './demo-orders-data.ts';
import { seedDemoAlarms } from './seed-demo-alarms.ts';
import { seedDemoOrderBook } from './seed-demo-orders.ts';
import { seedDemoQuality } from './seed-demo-quality.ts';

export interface TSeededTenant {
  id: string;
  slug: string;
  plants: Record<string, string>;
  members: Record<string, { userId: string; membershipId: string }>;
}
export interface TSeedResult {
  tenants: Record<string, TSeededTenant>;
  platformAdminUserId: string;
}

/**
 * Seeds the demo: 华东铝业 (east-china-al, a rolling and an extrusion plant), 江南铜材 (jiangnan-copper, so tenant
 * isolation can be shown), their people and the platform administrator. A platform-level operation.
 *
 * Idempotent, run on every start: ids derive from the tenant slug and codes, and rows are only ever inserted
 * when missing, never updated — a plant that exists keeps whatever its users have made of it (its subtree is
 * not touched), a membership keeps its roles. A demo plant deleted by a user comes back at the next start.
 */
export async function seedDemoTenant(db: Db): Promise<TSeedResult> {
  const tenants: Record<string, TSeededTenant> = {};
  for (const demo of DEMO_TENANTS) tenants[demo.slug] = await seedTenant(db, demo);
  await seedDemoCustomerPartners(db);

  const platformAdminUserId = await upsertUserBySubject(db, {
    subject: DEMO_PLATFORM_ADMIN.email,
    email: DEMO_PLATFORM_ADMIN.email,
    displayName: DEMO_PLATFORM_ADMIN.displayName,
  });
  await setPlatformAdmin(db, { userId: platformAdminUserId, platformAdmin: true });
  return { tenants, platformAdminUserId };
}

async function seedTenant(db: Db, demo: TDemoTenant): Promise<TSeededTenant> {
  const tenantId = tenantIdForSlug(demo.slug);
  const users: Record<string, string> = {};
  for (const m of demo.members) {
    users[m.email] = await upsertUserBySubject(db, {
      subject: m.email,
      email: m.email,
      displayName: m.displayName,
    });
  }
  const firstAdmin = demo.members.find((m) => m.roles.includes('tenant_admin'));
  const actorUserId = firstAdmin ? users[firstAdmin.email] : undefined;

  return withTenant(db, { tenantId, userId: actorUserId }, async (tx) => {
    await tx.tenant.createMany({
      data: [
        {
          id: tenantId,
          slug: demo.slug,
          name: demo.name,
          kind: demo.kind,
          defaultLocale: demo.defaultLocale,
        },
      ],
      skipDuplicates: true,
    });
    const plants: Record<string, string> = {};
    for (const plant of demo.plants) plants[plant.code] = await seedPlant(tx, tenantId, plant);

    const members: TSeededTenant['members'] = {};
    for (const m of demo.members) {
      const userId = users[m.email] as string;
      const membershipId = deterministicId(tenantId, `membership:${userId}`);
      const inserted = await tx.membership.createMany({
        data: [{ id: membershipId, tenantId, userId, roles: m.roles }],
        skipDuplicates: true,
      });
      const row = await tx.membership.findUniqueOrThrow({
        where: { tenantId_userId: { tenantId, userId } },
        select: { id: true },
      });
      if (inserted.count > 0 && m.plantCodes.length > 0) {
        await tx.membershipPlant.createMany({
          data: m.plantCodes.map((code) => ({
            tenantId,
            membershipId: row.id,
            plantId: plants[code] as string,
          })),
          skipDuplicates: true,
        });
      }
      members[m.email] = { userId, membershipId: row.id };
    }
    const ctx = {
      tenantId,
      userId: actorUserId ?? '',
      membershipId: firstAdmin ? (members[firstAdmin.email]?.membershipId ?? '') : '',
      roles: ['tenant_admin' as const],
      plantIds: [],
    };
    const book = DEMO_ORDER_BOOKS.find((b) => b.tenantSlug === demo.slug);
    if (book) await seedDemoOrderBook(tx, ctx, book, plants);
    await seedDemoQuality(tx, ctx, demo.slug, plants);
    await seedDemoAlarms(tx, ctx, demo.slug, plants);
    await seedDemoSpc(tx, ctx, demo.slug, plants);
    return { id: tenantId, slug: demo.slug, plants, members };
  });
}

/** Inserts the plant and its whole hierarchy if no plant of that code exists; returns the plant's id either way. */
async function seedPlant(tx: TenantTx, tenantId: string, plant: TDemoPlant): Promise<string> {
  const existing = await tx.plant.findUnique({
    where: { tenantId_code: { tenantId, code: plant.code } },
    select: { id: true },
  });
  if (existing) return existing.id;

  const plantId = deterministicId(tenantId, `plant:${plant.code}`);
  await tx.plant.create({
    data: {
      id: plantId,
      tenantId,
      code: plant.code,
      name: plant.name,
      timezone: plant.timezone,
      address: plant.address,
    },
  });
  for (const area of plant.areas) {
    const areaId = deterministicId(tenantId, `area:${plant.code}:${area.code}`);
    await tx.area.create({ data: { id: areaId, tenantId, plantId, code: area.code, name: area.name } });
    for (const line of area.lines) {
      const lineId = deterministicId(tenantId, `work-center:${plant.code}:${line.code}`);
      await tx.workCenter.create({
        data: { id: lineId, tenantId, plantId, areaId, code: line.code, name: line.name, kind: line.kind },
      });
      await tx.equipment.createMany({
        data: line.equipment.map((e) => ({
          id: deterministicId(tenantId, `equipment:${plant.code}:${e.code}`),
          tenantId,
          plantId,
          workCenterId: lineId,
          code: e.code,
          name: e.name,
          class: e.class,
          attributes: e.attributes,
        })),
      });
    }
  }
  return plantId;
}
