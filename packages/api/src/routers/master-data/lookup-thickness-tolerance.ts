import { ZToleranceLookupInput } from '@ingot/contracts';
import { lookupThicknessTolerance } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const lookupThicknessToleranceProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZToleranceLookupInput)
  .query(({ input }) => lookupThicknessTolerance(input));
