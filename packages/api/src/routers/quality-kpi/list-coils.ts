import { ZCoilListInput } from '@ingot/contracts';
import { tenantProcedure } from '../../trpc.ts';
import { listCoils } from './coil-quality.ts';

export const listCoilsProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZCoilListInput)
  .query(({ ctx, input }) => listCoils(ctx.tx, ctx.scope, ctx.telemetry, input));
