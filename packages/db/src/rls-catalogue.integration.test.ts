// The tenant wall, read from the system catalogue: RLS enabled and forced everywhere it must be, the policies in
// place, and an application role that owns nothing and bypasses nothing. Fails as soon as a migration adds a
// tenant-owned table without its RLS lines.
import { describeEachDatabase } from '@ingot/testing';
import { expect, it } from 'vitest';

const APP_ROLE = 'ingot_app';

/** Tables that must never be missing from the check (guards against a vacuous catalogue query). */
const KNOWN_TENANT_TABLES = [
  'plant',
  'area',
  'work_center',
  'equipment',
  'membership',
  'membership_plant',
  'partnership',
  'audit_event',
  'audit_chain_head',
  'alloy',
  'temper',
  'customer',
  'product_spec',
  'sales_order',
  'sales_order_line',
  'sales_order_event',
  'shipment',
  'shipment_line',
  'routing_template',
  'routing_step',
  'routing_step_equipment',
  'work_order',
  'work_order_operation',
  'operation_report',
  'equipment_downtime',
  'plan_version',
  'plan_assignment',
  'material_lot',
  'lot_link',
  'partner_share',
  'connector',
  'alarm_rule',
  'alarm',
  'alarm_event',
  'inspection_plan',
  'inspection_characteristic',
  'inspection_request',
  'lab_sample',
  'inspection_result',
  'nonconformance',
  'spc_chart',
  'certificate',
];

const EXPECTED_POLICIES: Record<string, string[]> = {
  tenant: ['tenant_current', 'tenant_member', 'tenant_definer'],
  app_user: ['app_user_self', 'app_user_self_update', 'app_user_tenant_member', 'app_user_definer'],
  plant: ['plant_tenant'],
  area: ['area_tenant'],
  work_center: ['work_center_tenant'],
  equipment: ['equipment_tenant'],
  membership: ['membership_tenant', 'membership_own'],
  membership_plant: ['membership_plant_tenant'],
  partnership: ['partnership_tenant', 'partnership_partner'],
  audit_event: ['audit_event_tenant'],
  audit_chain_head: ['audit_chain_head_tenant', 'audit_chain_head_definer'],
  alloy: ['alloy_tenant'],
  temper: ['temper_tenant'],
  customer: ['customer_tenant'],
  product_spec: ['product_spec_tenant'],
  sales_order: ['sales_order_tenant'],
  sales_order_line: ['sales_order_line_tenant'],
  sales_order_event: ['sales_order_event_tenant'],
  shipment: ['shipment_tenant'],
  shipment_line: ['shipment_line_tenant'],
  routing_template: ['routing_template_tenant'],
  routing_step: ['routing_step_tenant'],
  routing_step_equipment: ['routing_step_equipment_tenant'],
  work_order: ['work_order_tenant'],
  work_order_operation: ['work_order_operation_tenant'],
  operation_report: ['operation_report_tenant'],
  equipment_downtime: ['equipment_downtime_tenant'],
  plan_version: ['plan_version_tenant'],
  plan_assignment: ['plan_assignment_tenant'],
  material_lot: ['material_lot_tenant'],
  lot_link: ['lot_link_tenant'],
  partner_share: ['partner_share_tenant'],
  connector: ['connector_tenant', 'connector_definer'],
  alarm_rule: ['alarm_rule_tenant', 'alarm_rule_definer'],
  alarm: ['alarm_tenant'],
  alarm_event: ['alarm_event_tenant'],
  inspection_plan: ['inspection_plan_tenant'],
  inspection_characteristic: ['inspection_characteristic_tenant'],
  inspection_request: ['inspection_request_tenant'],
  lab_sample: ['lab_sample_tenant'],
  inspection_result: ['inspection_result_tenant'],
  nonconformance: ['nonconformance_tenant'],
  spc_chart: ['spc_chart_tenant'],
  certificate: ['certificate_tenant', 'certificate_definer'],
};

const DEFINER_FUNCTIONS = [
  'app_upsert_user',
  'app_platform_tenant_exists',
  'app_platform_set_admin',
  'app_platform_list_tenants',
  // The audit chain's BEFORE INSERT trigger (writes audit_chain_head, which the app role may only read).
  'app_audit_chain',
  // The broker's connector lookup by MQTT username (before any tenant is known).
  'app_connector_credentials',
  // A first password for a tenant's first administrator who has never signed in.
  'app_platform_pending_admin',
  // The public certificate verification page: one certificate by its unguessable token, nothing else.
  'app_certificate_by_token',
  // Ingest's stale-data alarms: which (tenant, plant) pairs have an enabled stale rule, nothing else.
  'app_plants_with_stale_rules',
];

describeEachDatabase('row-level security catalogue', (t) => {
  it('has RLS enabled and forced on every table with tenant_id, and on tenant and app_user', async () => {
    const rows = await t.database.ownerQuery<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND (c.relname IN ('tenant', 'app_user')
               OR EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
        ORDER BY 1`,
    );
    const tables = rows.map((r) => r.table);
    expect(tables).toEqual(expect.arrayContaining([...KNOWN_TENANT_TABLES, 'tenant', 'app_user']));
    const unprotected = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0);
    expect(unprotected, 'tables without ENABLE + FORCE row level security and a policy').toEqual([]);
  });

  it('has every expected policy', async () => {
    const rows = await t.database.ownerQuery<{ table: string; policy: string }>(
      `SELECT c.relname AS table, p.polname AS policy
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public'`,
    );
    for (const [table, policies] of Object.entries(EXPECTED_POLICIES)) {
      const present = rows.filter((r) => r.table === table).map((r) => r.policy);
      expect(present, `policies on ${table}`).toEqual(expect.arrayContaining(policies));
    }
  });

  it('keys the policies on the transaction settings through nullif (unset = no rows, no error)', async () => {
    const [fn] = await t.database.ownerQuery<{ src: string }>(
      `SELECT prosrc AS src FROM pg_proc WHERE proname = 'app_current_tenant_id'`,
    );
    expect(fn?.src).toMatch(/nullif\(current_setting\('app\.tenant_id', true\), ''\)::uuid/);
    const plain = await t.database.ownerQuery<{ using: string; check: string }>(
      `SELECT pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check
         FROM pg_policy p WHERE p.polname = 'plant_tenant'`,
    );
    expect(plain[0]?.using).toContain('app_current_tenant_id()');
    expect(plain[0]?.check).toContain('app_current_tenant_id()');
  });

  it('gives the app role no superuser, no BYPASSRLS and no ownership of anything', async () => {
    const [role] = await t.database.ownerQuery<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });

    const [owned] = await t.database.ownerQuery<{
      classes: number;
      procs: number;
      types: number;
      schemas: number;
    }>(
      `SELECT (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS classes,
              (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS procs,
              (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) AS types,
              (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas
         FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(owned).toEqual({ classes: 0, procs: 0, types: 0, schemas: 0 });
  });

  it('grants the app role DML on the tables and nothing more', async () => {
    const [p] = await t.database.ownerQuery<Record<string, boolean>>(
      `SELECT has_table_privilege($1, 'public.plant', 'SELECT, INSERT, UPDATE, DELETE') AS plant_dml,
              has_table_privilege($1, 'public.plant', 'TRUNCATE') AS plant_truncate,
              has_table_privilege($1, 'public.plant', 'REFERENCES') AS plant_references,
              has_table_privilege($1, 'public.plant', 'TRIGGER') AS plant_trigger,
              has_schema_privilege($1, 'public', 'USAGE') AS schema_usage,
              has_schema_privilege($1, 'public', 'CREATE') AS schema_create,
              has_table_privilege($1, 'public._prisma_migrations', 'SELECT') AS migrations_select,
              has_column_privilege($1, 'public.app_user', 'display_name', 'UPDATE') AS user_name_update,
              has_column_privilege($1, 'public.app_user', 'platform_admin', 'UPDATE') AS user_admin_update,
              has_column_privilege($1, 'public.app_user', 'subject', 'UPDATE') AS user_subject_update`,
      [APP_ROLE],
    );
    expect(p).toEqual({
      plant_dml: true,
      plant_truncate: false,
      plant_references: false,
      plant_trigger: false,
      schema_usage: true,
      schema_create: false,
      migrations_select: false,
      user_name_update: true,
      user_admin_update: false,
      user_subject_update: false,
    });
  });

  it('has SECURITY DEFINER functions with a pinned search_path, executable by the app role, not by PUBLIC', async () => {
    const rows = await t.database.ownerQuery<{
      name: string;
      config: string[] | null;
      app: boolean;
      acl: string;
    }>(
      `SELECT p.proname AS name, p.proconfig AS config,
              has_function_privilege($1, p.oid, 'EXECUTE') AS app, coalesce(p.proacl::text, '') AS acl
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef`,
      [APP_ROLE],
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...DEFINER_FUNCTIONS].sort());
    for (const r of rows) {
      expect(r.config, r.name).toContain('search_path=public, pg_temp');
      expect(r.app, r.name).toBe(true);
      // PUBLIC appears in an ACL as an entry with an empty grantee: "=X/owner".
      expect(r.acl, r.name).not.toMatch(/(^|[{,])=X/);
    }
  });
});
