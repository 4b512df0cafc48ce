import { router } from '../../trpc.ts';
import { closeNonconformanceProcedure } from './close-nonconformance.ts';
import { dispositionNonconformanceProcedure } from './disposition-nonconformance.ts';
import { getNonconformanceProcedure } from './get-nonconformance.ts';
import { listNonconformancesProcedure } from './list-nonconformances.ts';
import { openNonconformanceProcedure } from './open-nonconformance.ts';
import { setCorrectiveActionProcedure } from './set-corrective-action.ts';

export const nonconformanceRouter = router({
  list: listNonconformancesProcedure,
  get: getNonconformanceProcedure,
  open: openNonconformanceProcedure,
  disposition: dispositionNonconformanceProcedure,
  setCorrectiveAction: setCorrectiveActionProcedure,
  close: closeNonconformanceProcedure,
});
