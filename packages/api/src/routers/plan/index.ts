import { router } from '../../trpc.ts';
import { comparePlanVersionsProcedure } from './compare-plan-versions.ts';
import { equipmentDownProcedure } from './equipment-down.ts';
import { equipmentUpProcedure } from './equipment-up.ts';
import { getCurrentPlanProcedure } from './get-current-plan.ts';
import { getPlanStatusProcedure } from './get-plan-status.ts';
import { getPlanVersionProcedure } from './get-plan-version.ts';
import { listPlanVersionsProcedure } from './list-plan-versions.ts';
import { lockOperationProcedure } from './lock-operation.ts';
import { moveOperationProcedure } from './move-operation.ts';
import { publishPlanProcedure } from './publish-plan.ts';
import { runPlanProcedure } from './run-plan.ts';
import { rushOrderProcedure } from './rush-order.ts';

export const planRouter = router({
  current: getCurrentPlanProcedure,
  get: getPlanVersionProcedure,
  list: listPlanVersionsProcedure,
  compare: comparePlanVersionsProcedure,
  status: getPlanStatusProcedure,
  run: runPlanProcedure,
  publish: publishPlanProcedure,
  moveOperation: moveOperationProcedure,
  lockOperation: lockOperationProcedure,
  equipmentDown: equipmentDownProcedure,
  equipmentUp: equipmentUpProcedure,
  rushOrder: rushOrderProcedure,
});
