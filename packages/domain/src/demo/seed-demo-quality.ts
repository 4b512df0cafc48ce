import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

/** The demo tenants' quality data (inspection plans, SPC charts); idempotent. Filled by the quality work (issue 6). */
export async function seedDemoQuality(
  _tx: TenantTx,
  _ctx: TTenantContext,
  _slug: string,
  _plants: Record<string, string>,
): Promise<void> {}
