import { router } from '../../trpc.ts';
import { getCoilQualityProcedure } from './get-coil-quality.ts';
import { getQualityKpisProcedure } from './get-quality-kpis.ts';
import { listCoilsProcedure } from './list-coils.ts';

export type { TCoilListResult, TCoilQualityResult } from './coil-quality.ts';

export const qualityKpiRouter = router({
  kpis: getQualityKpisProcedure,
  coils: listCoilsProcedure,
  coilQuality: getCoilQualityProcedure,
});
