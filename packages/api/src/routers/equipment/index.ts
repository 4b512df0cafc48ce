import { router } from '../../trpc.ts';
import { createEquipmentProcedure } from './create-equipment.ts';
import { deleteEquipmentProcedure } from './delete-equipment.ts';
import { getEquipmentProcedure } from './get-equipment.ts';
import { getEquipmentTreeProcedure } from './get-equipment-tree.ts';
import { listEquipmentProcedure } from './list-equipment.ts';
import { moveEquipmentProcedure } from './move-equipment.ts';
import { updateEquipmentProcedure } from './update-equipment.ts';

export const equipmentRouter = router({
  list: listEquipmentProcedure,
  get: getEquipmentProcedure,
  tree: getEquipmentTreeProcedure,
  create: createEquipmentProcedure,
  update: updateEquipmentProcedure,
  delete: deleteEquipmentProcedure,
  move: moveEquipmentProcedure,
});
