import type { Db } from '@ingot/db';

/**
 * Every (tenant, plant) with an enabled stale-data rule, across tenants, through the SECURITY DEFINER function
 * app_plants_with_stale_rules (ingest watches these from its start, also when their connectors are silent).
 * Only the pairs cross the tenant boundary; the rules are then read per tenant under RLS.
 */
export async function listPlantsWithStaleRules(
  db: Db,
): Promise<Array<{ tenantId: string; plantId: string }>> {
  const rows = await db.prisma.$queryRaw<Array<{ tenant_id: string; plant_id: string }>>`
    SELECT tenant_id::text AS tenant_id, plant_id::text AS plant_id FROM app_plants_with_stale_rules()`;
  return rows.map((r) => ({ tenantId: r.tenant_id, plantId: r.plant_id }));
}
