import { router } from '../../trpc.ts';
import { finishOperationProcedure } from './finish-operation.ts';
import { getOperationProcedure } from './get-operation.ts';
import { getWorkQueueProcedure } from './get-work-queue.ts';
import { reportEquipmentDownProcedure } from './report-equipment-down.ts';
import { reportEquipmentUpProcedure } from './report-equipment-up.ts';
import { reportOperationProcedure } from './report-operation.ts';
import { startOperationProcedure } from './start-operation.ts';

/**
 * The operator's screen at a machine. Start and finish return what happened (work order started / completed,
 * order advanced) so the caller can tell the order's lifecycle workflow; equipmentDown/Up return the plant and
 * machine for the planning workflow's equipmentDown / equipmentUp signals.
 */
export const shopFloorRouter = router({
  queue: getWorkQueueProcedure,
  operation: getOperationProcedure,
  start: startOperationProcedure,
  report: reportOperationProcedure,
  finish: finishOperationProcedure,
  equipmentDown: reportEquipmentDownProcedure,
  equipmentUp: reportEquipmentUpProcedure,
});
