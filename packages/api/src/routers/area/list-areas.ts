import { ZId } from '@ingot/contracts';
import { listAreas } from '@ingot/domain';
import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';

export const ZListAreasInput = z.object({ plantId: ZId });

export const listAreasProcedure = tenantProcedure
  .meta({ action: 'area.read' })
  .input(ZListAreasInput)
  .query(({ ctx, input }) => listAreas(ctx.tx, ctx.scope, input));
