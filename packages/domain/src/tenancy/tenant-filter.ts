import type { TTenantContext } from './tenant-context.ts';

/**
 * The application-level tenant filter. Every domain query spreads `tenantFilter(ctx)` into its `where`, so the
 * tenant restriction is part of the query itself; row-level security in PostgreSQL is the second wall.
 *
 * The switch below exists for one test only: the cross-tenant sweep runs a second time with the application
 * filter off to show that RLS alone keeps another tenant's rows invisible. It cannot be turned on unless
 * NODE_ENV is "test", and a filter found switched off outside tests throws instead of leaking.
 */
let filterDisabled = false;

function isTestEnvironment(): boolean {
  // biome-ignore lint/style/noProcessEnv: guard of a test-only seam; this is not configuration.
  return process.env.NODE_ENV === 'test';
}

export function __unsafeDisableTenantFilterForTests(disable: boolean): void {
  if (!isTestEnvironment()) {
    throw new Error('the tenant filter can only be switched off under NODE_ENV=test');
  }
  filterDisabled = disable;
}

export function tenantFilter(ctx: Pick<TTenantContext, 'tenantId'>): { tenantId?: string } {
  if (filterDisabled) {
    if (!isTestEnvironment()) throw new Error('tenant filter switched off outside tests');
    return {};
  }
  return { tenantId: ctx.tenantId };
}
