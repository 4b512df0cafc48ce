import type { TLocale, TTenantKind } from '@ingot/contracts';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { ApplicationFailure } from '@temporalio/activity';
import { FAILURE_TYPES } from '../workflows/failure-types.ts';
import type { ActivityDeps } from './deps.ts';

export interface TCreateTenantInput {
  slug: string;
  name: string;
  kind: TTenantKind;
  defaultLocale: TLocale;
}
export interface TCreateTenantResult {
  tenantId: string;
}

/**
 * Insert the tenant whose id is derived from the slug, or return it if it exists. An existing tenant with the
 * same slug is the same tenant even if its name changed since: it is returned untouched.
 */
export function createTenantActivity({ db, hooks }: ActivityDeps) {
  return async function createTenant(input: TCreateTenantInput): Promise<TCreateTenantResult> {
    const tenantId = tenantIdForSlug(input.slug);
    const found = await withTenant(db, { tenantId }, async (tx) => {
      // ON CONFLICT DO NOTHING: a concurrent or earlier attempt wins, this one reads its row.
      await tx.tenant.createMany({
        data: [
          {
            id: tenantId,
            slug: input.slug,
            name: input.name,
            kind: input.kind,
            defaultLocale: input.defaultLocale,
          },
        ],
        skipDuplicates: true,
      });
      return tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
    });
    if (!found || found.slug !== input.slug) {
      // The slug is taken by a tenant whose id is not derived from it (created outside this workflow).
      throw ApplicationFailure.nonRetryable(
        `slug "${input.slug}" belongs to another tenant than ${tenantId}`,
        FAILURE_TYPES.conflict,
      );
    }
    await hooks?.afterCommit?.('createTenant');
    return { tenantId };
  };
}
