import { router } from '../../trpc.ts';
import { createInspectionPlanProcedure } from './create-inspection-plan.ts';
import { getInspectionPlanProcedure } from './get-inspection-plan.ts';
import { listInspectionPlansProcedure } from './list-inspection-plans.ts';
import { previewInspectionLimitsProcedure } from './preview-inspection-limits.ts';
import { setInspectionPlanActiveProcedure } from './set-inspection-plan-active.ts';
import { updateInspectionPlanProcedure } from './update-inspection-plan.ts';

export const inspectionPlanRouter = router({
  list: listInspectionPlansProcedure,
  get: getInspectionPlanProcedure,
  previewLimits: previewInspectionLimitsProcedure,
  create: createInspectionPlanProcedure,
  update: updateInspectionPlanProcedure,
  setActive: setInspectionPlanActiveProcedure,
});
