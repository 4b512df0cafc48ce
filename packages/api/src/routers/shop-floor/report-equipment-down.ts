import { ZEquipmentDownInput } from '@ingot/contracts';
import { reportEquipmentDown } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from '../plan/plan-workflows.ts';

/** An operator reports the machine down (open end); the plant's planning workflow reschedules around it. */
export const reportEquipmentDownProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZEquipmentDownInput)
  .mutation(async ({ ctx, input }) => {
    const down = await reportEquipmentDown(ctx.tx, ctx.scope, input);
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: down.plantId,
      plantCode: down.plantCode,
      signal: 'equipmentDown',
      trigger: 'equipment_down',
      requestId: `down:${down.downtimeId}`,
      requestedBy: ctx.scope.userId,
      equipmentId: down.equipmentId,
    });
    return { ...down, replan };
  });
