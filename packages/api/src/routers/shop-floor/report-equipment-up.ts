import { ZEquipmentUpInput } from '@ingot/contracts';
import { reportEquipmentUp } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from '../plan/plan-workflows.ts';

/** "Back up": closes the machine's open breakdown; the plant's planning workflow uses the machine again. */
export const reportEquipmentUpProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZEquipmentUpInput)
  .mutation(async ({ ctx, input }) => {
    const up = await reportEquipmentUp(ctx.tx, ctx.scope, input);
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: up.plantId,
      plantCode: up.plantCode,
      signal: 'equipmentUp',
      trigger: 'equipment_up',
      requestId: `up:${up.downtimeId}`,
      requestedBy: ctx.scope.userId,
      equipmentId: up.equipmentId,
    });
    return { ...up, replan };
  });
