import { listOrderPartnerships } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Whom an order can be shared with: the tenant's partnerships, labelled by linked customers and members. */
export const listPartnershipsProcedure = tenantProcedure
  .meta({ action: 'order.share' })
  .query(({ ctx }) => listOrderPartnerships(ctx.tx, ctx.scope));
