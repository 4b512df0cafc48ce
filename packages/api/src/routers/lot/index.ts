import { router } from '../../trpc.ts';
import { changeLotStatusProcedure } from './change-lot-status.ts';
import { createLotProcedure } from './create-lot.ts';
import { getLotProcedure } from './get-lot.ts';
import { holdLotProcedure } from './hold-lot.ts';
import { listLotsProcedure } from './list-lots.ts';
import { lotGenealogyProcedure } from './lot-genealogy.ts';
import { mergeLotsProcedure } from './merge-lots.ts';
import { moveLotProcedure } from './move-lot.ts';
import { releaseLotProcedure } from './release-lot.ts';
import { searchLotsProcedure } from './search-lots.ts';
import { splitLotProcedure } from './split-lot.ts';
import { traceLotProcedure } from './trace-lot.ts';
import { transformLotProcedure } from './transform-lot.ts';

export const lotRouter = router({
  list: listLotsProcedure,
  get: getLotProcedure,
  genealogy: lotGenealogyProcedure,
  search: searchLotsProcedure,
  trace: traceLotProcedure,
  create: createLotProcedure,
  split: splitLotProcedure,
  merge: mergeLotsProcedure,
  transform: transformLotProcedure,
  move: moveLotProcedure,
  hold: holdLotProcedure,
  release: releaseLotProcedure,
  changeStatus: changeLotStatusProcedure,
});
