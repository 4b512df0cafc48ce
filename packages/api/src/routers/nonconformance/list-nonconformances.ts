import { ZListNonconformancesInput } from '@ingot/contracts';
import { listNonconformances } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listNonconformancesProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZListNonconformancesInput)
  .query(({ ctx, input }) => listNonconformances(ctx.tx, ctx.scope, input));
