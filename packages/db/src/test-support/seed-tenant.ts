// Test data for the isolation suites: a tenant with one row in every tenant-owned table, created the way the
// application does it (as ingot_app, inside withTenant).
import type { Db } from '../create-db.ts';
import { deterministicId, tenantIdForSlug } from '../ids.ts';
import { upsertUserBySubject } from '../platform.ts';
import { withTenant } from '../scope.ts';

export interface SeededTenant {
  tenantId: string;
  slug: string;
  adminUserId: string;
  plantId: string;
  areaId: string;
  workCenterId: string;
  equipmentId: string;
  membershipId: string;
  auditEventId: string;
}

export async function seedTenant(db: Db, slug: string): Promise<SeededTenant> {
  const tenantId = tenantIdForSlug(slug);
  const adminUserId = await upsertUserBySubject(db, {
    subject: `sub-${slug}-admin`,
    email: `admin@${slug}.example`,
    displayName: `${slug} admin`,
  });
  const id = (key: string) => deterministicId(tenantId, key);
  const ids = {
    plantId: id('plant:P1'),
    areaId: id('area:P1:A1'),
    workCenterId: id('work-center:P1:L1'),
    equipmentId: id('equipment:P1:E1'),
    membershipId: id(`membership:${adminUserId}`),
    auditEventId: id('audit:seed'),
  };
  await withTenant(db, { tenantId, userId: adminUserId }, async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, slug, name: `Tenant ${slug}` } });
    await tx.plant.create({ data: { id: ids.plantId, tenantId, code: 'P1', name: 'Rolling mill' } });
    await tx.area.create({
      data: { id: ids.areaId, tenantId, plantId: ids.plantId, code: 'A1', name: 'Hot rolling' },
    });
    await tx.workCenter.create({
      data: {
        id: ids.workCenterId,
        tenantId,
        plantId: ids.plantId,
        areaId: ids.areaId,
        code: 'L1',
        name: 'Hot line',
      },
    });
    await tx.equipment.create({
      data: {
        id: ids.equipmentId,
        tenantId,
        plantId: ids.plantId,
        workCenterId: ids.workCenterId,
        code: 'E1',
        name: 'Reversing mill',
        class: 'hot_mill',
      },
    });
    await tx.membership.create({
      data: { id: ids.membershipId, tenantId, userId: adminUserId, roles: ['tenant_admin'] },
    });
    await tx.membershipPlant.create({
      data: { tenantId, membershipId: ids.membershipId, plantId: ids.plantId },
    });
    await tx.auditEvent.create({
      data: {
        id: ids.auditEventId,
        tenantId,
        actorUserId: adminUserId,
        action: 'tenant.seed',
        targetType: 'tenant',
        targetId: tenantId,
        outcome: 'success',
      },
    });
  });
  return { tenantId, slug, adminUserId, ...ids };
}
