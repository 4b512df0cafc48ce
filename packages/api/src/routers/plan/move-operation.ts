import { ZMoveOperationInput } from '@ingot/contracts';
import { moveOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Drag on the Gantt: another eligible machine and/or start; a new draft version, refused when infeasible. */
export const moveOperationProcedure = tenantProcedure
  .meta({ action: 'plan.edit' })
  .input(ZMoveOperationInput)
  .mutation(({ ctx, input }) => moveOperation(ctx.tx, ctx.scope, input));
