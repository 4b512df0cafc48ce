import { ZId } from '@ingot/contracts';
import { getEquipmentTree } from '@ingot/domain';
import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';

export const ZEquipmentTreeInput = z.object({ plantId: ZId });

export const getEquipmentTreeProcedure = tenantProcedure
  .meta({ action: 'equipment.read' })
  .input(ZEquipmentTreeInput)
  .query(({ ctx, input }) => getEquipmentTree(ctx.tx, ctx.scope, input));
