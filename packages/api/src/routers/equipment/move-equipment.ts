import { ZMoveEquipmentInput } from '@ingot/contracts';
import { moveEquipment } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const moveEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.move' })
  .input(ZMoveEquipmentInput)
  .mutation(({ ctx, input }) => moveEquipment(ctx.tx, ctx.scope, input));
