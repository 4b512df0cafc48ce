import type { TenantTx } from '@ingot/db';

export interface TPlatformTenant {
  id: string;
  slug: string;
  name: string;
  kind: 'company' | 'group';
  status: 'active' | 'suspended';
  defaultLocale: string;
  createdAt: Date;
}

/**
 * Every tenant of the platform, for platform administrators. Crosses the tenant wall on purpose, so it goes
 * through the SECURITY DEFINER function `app_platform_list_tenants()` (which itself answers only when
 * app.user_id is a platform administrator); run it in a `withUser` transaction of that administrator.
 */
export async function listPlatformTenants(tx: TenantTx): Promise<TPlatformTenant[]> {
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      slug: string;
      name: string;
      kind: string;
      status: string;
      default_locale: string;
      created_at: Date;
    }>
  >`SELECT id::text AS id, slug, name, kind::text AS kind, status::text AS status, default_locale, created_at
      FROM app_platform_list_tenants()`;
  return rows
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind === 'group' ? ('group' as const) : ('company' as const),
      status: r.status === 'suspended' ? ('suspended' as const) : ('active' as const),
      defaultLocale: r.default_locale,
      createdAt: new Date(r.created_at),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
