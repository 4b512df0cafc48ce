import { router } from '../../trpc.ts';
import { createWorkCenterProcedure } from './create-work-center.ts';
import { deleteWorkCenterProcedure } from './delete-work-center.ts';
import { listWorkCentersProcedure } from './list-work-centers.ts';
import { moveWorkCenterProcedure } from './move-work-center.ts';
import { updateWorkCenterProcedure } from './update-work-center.ts';

export const workCenterRouter = router({
  list: listWorkCentersProcedure,
  create: createWorkCenterProcedure,
  update: updateWorkCenterProcedure,
  delete: deleteWorkCenterProcedure,
  move: moveWorkCenterProcedure,
});
