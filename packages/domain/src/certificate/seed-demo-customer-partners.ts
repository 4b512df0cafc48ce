import { type Db, deterministicId, tenantIdForSlug, upsertUserBySubject, withTenant } from '@ingot/db';
import { DEMO_CUSTOMER_PARTNERS, type TDemoCustomerPartner } from '../demo/demo-data.ts';
import { ORDERS_READ_SCOPE } from '../order/order-access.ts';

/**
 * Seeds the demo customer organisations (DEMO_CUSTOMER_PARTNERS): the partner's own tenant row, its customer
 * partnership with the issuing tenant (scope orders.read), the member with role customer acting for it, and the
 * issuing tenant's customer linked to the partnership. Idempotent like the rest of the demo seed: deterministic ids,
 * rows inserted when missing; the customer is linked only while it has no partnership. Run after seedDemoTenant
 * (the issuing tenants and their customers must exist); a tenant or customer that is missing is skipped.
 */
export async function seedDemoCustomerPartners(
  db: Db,
  partners: readonly TDemoCustomerPartner[] = DEMO_CUSTOMER_PARTNERS,
): Promise<Record<string, { partnershipId: string; userId: string }>> {
  const out: Record<string, { partnershipId: string; userId: string }> = {};
  for (const p of partners) {
    const tenantId = tenantIdForSlug(p.tenantSlug);
    const partnerTenantId = tenantIdForSlug(p.partnerSlug);
    await withTenant(db, { tenantId: partnerTenantId }, (tx) =>
      tx.tenant.createMany({
        data: [
          { id: partnerTenantId, slug: p.partnerSlug, name: p.name, kind: 'company', defaultLocale: 'zh-CN' },
        ],
        skipDuplicates: true,
      }),
    );
    const userId = await upsertUserBySubject(db, {
      subject: p.member.email,
      email: p.member.email,
      displayName: p.member.displayName,
    });
    const linked = await withTenant(db, { tenantId }, async (tx) => {
      const customer = await tx.customer.findFirst({ where: { tenantId, code: p.customerCode } });
      if (!customer) return null;
      const partnershipId = deterministicId(tenantId, `partnership:customer:${p.partnerSlug}`);
      await tx.partnership.createMany({
        data: [
          { id: partnershipId, tenantId, partnerTenantId, kind: 'customer', scopes: [ORDERS_READ_SCOPE] },
        ],
        skipDuplicates: true,
      });
      const partnership = await tx.partnership.findFirstOrThrow({
        where: { tenantId, partnerTenantId, kind: 'customer' },
        select: { id: true },
      });
      await tx.membership.createMany({
        data: [
          {
            id: deterministicId(tenantId, `membership:${userId}`),
            tenantId,
            userId,
            roles: ['customer'],
            partnershipId: partnership.id,
          },
        ],
        skipDuplicates: true,
      });
      if (customer.partnershipId === null)
        await tx.customer.update({
          where: { id: customer.id, tenantId },
          data: { partnershipId: partnership.id },
        });
      return partnership.id;
    });
    if (linked) out[p.member.email] = { partnershipId: linked, userId };
  }
  return out;
}
