import { ZByIdInput } from '@ingot/contracts';
import { getEquipment } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getEquipment(ctx.tx, ctx.scope, input));
