import { router } from '../../trpc.ts';
import { createPlantProcedure } from './create-plant.ts';
import { deletePlantProcedure } from './delete-plant.ts';
import { getPlantProcedure } from './get-plant.ts';
import { listPlantsProcedure } from './list-plants.ts';
import { updatePlantProcedure } from './update-plant.ts';

export const plantRouter = router({
  list: listPlantsProcedure,
  get: getPlantProcedure,
  create: createPlantProcedure,
  update: updatePlantProcedure,
  delete: deletePlantProcedure,
});
