import { router } from '../../trpc.ts';
import { createAreaProcedure } from './create-area.ts';
import { deleteAreaProcedure } from './delete-area.ts';
import { listAreasProcedure } from './list-areas.ts';
import { updateAreaProcedure } from './update-area.ts';

export const areaRouter = router({
  list: listAreasProcedure,
  create: createAreaProcedure,
  update: updateAreaProcedure,
  delete: deleteAreaProcedure,
});
