import { ZEquipmentClass, ZId } from '@ingot/contracts';
import { listEquipment } from '@ingot/domain';
import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';

export const ZListEquipmentInput = z
  .object({ plantId: ZId.optional(), workCenterId: ZId.optional(), class: ZEquipmentClass.optional() })
  .default({});

export const listEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.read' })
  .input(ZListEquipmentInput)
  .query(({ ctx, input }) => listEquipment(ctx.tx, ctx.scope, input));
