import type { TestDatabase } from '@ingot/testing';

export interface TTenantFingerprint {
  tenantId: string;
  /** Every id of the tenant's rows (tenant, plants, areas, lines, equipment, memberships, member users, orders...). */
  ids: string[];
  /** Every name, code, slug and member e-mail / display name of the tenant. */
  words: string[];
  /** All of the tenant's rows, canonical JSON: equal before and after means nothing changed. */
  snapshot: string;
  rows: {
    plants: Array<{ id: string; code: string; name: string }>;
    areas: Array<{ id: string; plant_id: string; code: string; name: string }>;
    lines: Array<{ id: string; plant_id: string; area_id: string; code: string; name: string }>;
    equipment: Array<{ id: string; plant_id: string; work_center_id: string; code: string; name: string }>;
    memberships: Array<{ id: string; user_id: string; email: string; display_name: string }>;
  };
}

/** Reads a tenant's rows as the owner (bypassing RLS): what must neither leak nor change. */
export async function tenantFingerprint(
  database: TestDatabase,
  tenantId: string,
): Promise<TTenantFingerprint> {
  const q = <R>(sql: string) => database.ownerQuery<R>(sql, [tenantId]);
  const [tenant] = await q<{ id: string; slug: string; name: string }>(
    'SELECT id::text, slug, name FROM tenant WHERE id = $1',
  );
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const plants = await q<{ id: string; code: string; name: string }>(
    'SELECT id::text, code, name FROM plant WHERE tenant_id = $1 ORDER BY id',
  );
  const areas = await q<{ id: string; plant_id: string; code: string; name: string }>(
    'SELECT id::text, plant_id::text, code, name FROM area WHERE tenant_id = $1 ORDER BY id',
  );
  const lines = await q<{ id: string; plant_id: string; area_id: string; code: string; name: string }>(
    'SELECT id::text, plant_id::text, area_id::text, code, name FROM work_center WHERE tenant_id = $1 ORDER BY id',
  );
  const equipment = await q<{
    id: string;
    plant_id: string;
    work_center_id: string;
    code: string;
    name: string;
  }>(
    `SELECT id::text, plant_id::text, work_center_id::text, code, name, class::text, attributes::text
       FROM equipment WHERE tenant_id = $1 ORDER BY id`,
  );
  const memberships = await q<{ id: string; user_id: string; email: string; display_name: string }>(
    `SELECT m.id::text, m.user_id::text, u.email, u.display_name, m.roles::text AS roles,
            (SELECT string_agg(plant_id::text, ',' ORDER BY plant_id) FROM membership_plant mp
              WHERE mp.membership_id = m.id) AS plant_ids
       FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.tenant_id = $1 ORDER BY m.id`,
  );
  // Issue 5: master data, routings, orders and work orders (codes, names and numbers are secrets of the tenant).
  const orderBook = await q<{ id: string; words: string | null; row: string }>(
    `SELECT id::text, concat_ws('|', code, name) AS words, t::text AS row FROM customer t WHERE tenant_id = $1
     UNION ALL SELECT id::text, code, t::text FROM alloy t WHERE tenant_id = $1
     UNION ALL SELECT id::text, code, t::text FROM product_spec t WHERE tenant_id = $1
     UNION ALL SELECT id::text, concat_ws('|', code, name), t::text FROM routing_template t WHERE tenant_id = $1
     UNION ALL SELECT id::text, concat_ws('|', order_no, nullif(customer_po, '')), t::text FROM sales_order t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM sales_order_line t WHERE tenant_id = $1
     UNION ALL SELECT id::text, work_order_no, t::text FROM work_order t WHERE tenant_id = $1
     UNION ALL SELECT id::text, shipment_no, t::text FROM shipment t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM partner_share t WHERE tenant_id = $1
     UNION ALL SELECT id::text, concat_ws('|', lot_no, heat_no, cast_no), t::text FROM material_lot t WHERE tenant_id = $1
     UNION ALL SELECT child_lot_id::text, NULL, t::text FROM lot_link t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM work_order_operation t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM operation_report t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM equipment_downtime t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM plan_version t WHERE tenant_id = $1
     UNION ALL SELECT id::text, NULL, t::text FROM plan_assignment t WHERE tenant_id = $1
     UNION ALL SELECT id::text, concat_ws('|', code, name, username), t::text FROM connector t WHERE tenant_id = $1
     ORDER BY 1`,
  );
  const [audit] = await q<{ n: string }>('SELECT count(*)::text AS n FROM audit_event WHERE tenant_id = $1');
  const tenantRow = await q<Record<string, unknown>>(
    'SELECT id::text, slug, name, kind::text, default_locale, status::text FROM tenant WHERE id = $1',
  );
  const ids = [
    tenant.id,
    ...plants.map((r) => r.id),
    ...areas.map((r) => r.id),
    ...lines.map((r) => r.id),
    ...equipment.map((r) => r.id),
    ...memberships.flatMap((r) => [r.id, r.user_id]),
    ...orderBook.map((r) => r.id),
  ];
  const words = [
    tenant.slug,
    tenant.name,
    ...[...plants, ...areas, ...lines, ...equipment].flatMap((r) => [r.code, r.name]),
    ...memberships.flatMap((r) => [r.email, r.display_name]),
    ...orderBook.flatMap((r) => (r.words ? r.words.split('|') : [])),
  ];
  return {
    tenantId,
    ids,
    words,
    snapshot: JSON.stringify({
      tenantRow,
      plants,
      areas,
      lines,
      equipment,
      memberships,
      orderBook: orderBook.map((r) => r.row),
      audit: audit?.n,
    }),
    rows: { plants, areas, lines, equipment, memberships },
  };
}

/**
 * The strings of tenant B that must never reach a member of tenant A: B's ids, and B's names/codes that A does
 * not happen to use itself (both demo tenants have a "冷轧车间" and a "CM-1").
 */
export function secretsOf(b: TTenantFingerprint, a: TTenantFingerprint): string[] {
  const ofA = new Set([...a.words, ...a.ids]);
  return [...new Set([...b.ids, ...b.words.filter((w) => !ofA.has(w) && w.length >= 2)])];
}

/** The secrets found in `value` (serialised as the client would receive it). */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
  const text =
    typeof value === 'string'
      ? value
      : JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v));
  return secrets.filter((s) => text?.includes(s));
}
