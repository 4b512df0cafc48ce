import type { TestDatabase } from '@ingot/testing';

const TABLES = [
  'tenant',
  'app_user',
  'plant',
  'area',
  'work_center',
  'equipment',
  'membership',
  'membership_plant',
  'partnership',
  'audit_event',
  'alloy',
  'temper',
  'customer',
  'product_spec',
  'routing_template',
  'routing_step',
  'routing_step_equipment',
  'sales_order',
  'sales_order_line',
  'sales_order_event',
  'shipment',
  'shipment_line',
  'work_order',
  'work_order_operation',
  'partner_share',
  'operation_report',
  'equipment_downtime',
  'plan_version',
  'plan_assignment',
  'material_lot',
  'lot_link',
  'connector',
] as const;

/**
 * A digest of every row of every table (as the owner, across tenants): equal digests mean nothing was written.
 * `except` leaves tables out (the permission sweep counts the audit trail's `denied` rows itself).
 */
export async function databaseDigest(
  database: TestDatabase,
  options: { except?: ReadonlyArray<(typeof TABLES)[number]> } = {},
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    if (options.except?.includes(table)) continue;
    const [row] = await database.ownerQuery<{ n: string; digest: string | null }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    out[table] = `${row?.n}:${row?.digest}`;
  }
  return out;
}
