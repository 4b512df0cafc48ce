import { Prisma } from '@ingot/db';
import { hasAllPlants } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * The tenant filter of `tenantFilter(ctx)` as a raw-SQL condition on `alias.tenant_id` (`AND ...`), for the
 * recursive genealogy queries Prisma cannot express. Empty only when the test seam switched the application
 * filter off (then row-level security alone answers, as the cross-tenant sweep demands).
 */
export function tenantCondition(ctx: Pick<TTenantContext, 'tenantId'>, alias: string): Prisma.Sql {
  const { tenantId } = tenantFilter(ctx);
  return tenantId === undefined
    ? Prisma.empty
    : Prisma.sql`AND ${Prisma.raw(alias)}.tenant_id = ${tenantId}::uuid`;
}

/** The member's plant scope as a raw-SQL condition on `alias.plant_id` (`AND ...`); empty for every plant. */
export function plantCondition(ctx: Pick<TTenantContext, 'plantIds'>, alias: string): Prisma.Sql {
  if (hasAllPlants(ctx)) return Prisma.empty;
  const ids = Prisma.join(ctx.plantIds.map((id) => Prisma.sql`${id}::uuid`));
  return Prisma.sql`AND ${Prisma.raw(alias)}.plant_id IN (${ids})`;
}
