import { router } from '../../trpc.ts';
import { finishOperationProcedure } from './finish-operation.ts';
import { getOperationProcedure } from './get-operation.ts';
import { getWorkQueueProcedure } from './get-work-queue.ts';
import { reportOperationProcedure } from './report-operation.ts';
import { startOperationProcedure } from './start-operation.ts';

/**
 * The operator's screen at a machine. Start and finish return what happened (work order started / completed,
 * order advanced) so the caller can tell the order's lifecycle workflow. A breakdown is reported through
 * plan.equipmentDown / equipmentUp: one downtime record and one replan signal, wherever it is reported from.
 */
export const shopFloorRouter = router({
  queue: getWorkQueueProcedure,
  operation: getOperationProcedure,
  start: startOperationProcedure,
  report: reportOperationProcedure,
  finish: finishOperationProcedure,
});
