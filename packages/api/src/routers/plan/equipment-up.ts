import { ZPlanEquipmentUpInput } from '@ingot/contracts';
import { endEquipmentDowntime } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from './plan-workflows.ts';

/** Ends the equipment's open downtime and asks for a reschedule that uses it again. */
export const equipmentUpProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZPlanEquipmentUpInput)
  .mutation(async ({ ctx, input }) => {
    const up = await endEquipmentDowntime(ctx.tx, ctx.scope, input);
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: up.plantId,
      plantCode: up.plantCode,
      signal: 'equipmentUp',
      trigger: 'equipment_up',
      requestId: `up:${up.downtimeId}`,
      requestedBy: ctx.scope.userId,
      equipmentId: input.equipmentId,
    });
    return { ...up, replan };
  });
