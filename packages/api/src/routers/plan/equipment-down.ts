import { ZPlanEquipmentDownInput } from '@ingot/contracts';
import { recordEquipmentDowntime } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from './plan-workflows.ts';

/** Records a breakdown or maintenance window and asks the plant's planning workflow to reschedule. */
export const equipmentDownProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZPlanEquipmentDownInput)
  .mutation(async ({ ctx, input }) => {
    const down = await recordEquipmentDowntime(ctx.tx, ctx.scope, input);
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: down.plantId,
      plantCode: down.plantCode,
      signal: 'equipmentDown',
      trigger: 'equipment_down',
      requestId: `down:${down.downtimeId}`,
      requestedBy: ctx.scope.userId,
      equipmentId: input.equipmentId,
    });
    return { ...down, replan };
  });
