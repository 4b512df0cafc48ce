import { DEFAULT_LOCALE, type TLocale } from '@ingot/contracts';
import { withUser } from '@ingot/db';
import { listMyMemberships } from '@ingot/domain';
import { selfProcedure } from '../../trpc.ts';

function asLocale(value: string | null | undefined): TLocale | null {
  return value === 'zh-CN' || value === 'en' ? value : null;
}

/**
 * Who I am: my user, my tenants (for the switcher), the tenant the portal acts in and the language to show.
 * `activeTenantStale` says the picked tenant is not (or no longer) one of mine; the portal then picks anew.
 */
export const getMeProcedure = selfProcedure.meta({ action: 'me.read' }).query(async ({ ctx }) => {
  const userId = ctx.user.id;
  const memberships = await withUser(ctx.db, { userId }, (tx) => listMyMemberships(tx, { userId }));
  const picked = memberships.find((m) => m.tenantId === ctx.activeTenantId);
  const active = picked ?? memberships[0] ?? null;
  return {
    user: ctx.user,
    memberships,
    activeTenantId: active?.tenantId ?? null,
    activeTenantStale: ctx.activeTenantId !== null && !picked,
    locale: asLocale(ctx.user.locale) ?? asLocale(active?.tenantDefaultLocale) ?? DEFAULT_LOCALE,
  };
});
