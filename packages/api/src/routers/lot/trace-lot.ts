import { ZTraceLotInput } from '@ingot/contracts';
import { traceLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Traceability: search + genealogy + process + lab + certificates; `telemetry` says whether trends can be linked. */
export const traceLotProcedure = tenantProcedure
  .meta({ action: 'lot.read' })
  .input(ZTraceLotInput)
  .query(async ({ ctx, input }) => ({
    ...(await traceLot(ctx.tx, ctx.scope, input)),
    telemetry: ctx.telemetry !== null,
  }));
