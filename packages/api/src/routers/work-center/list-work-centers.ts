import { ZId } from '@ingot/contracts';
import { listWorkCenters } from '@ingot/domain';
import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';

export const ZListWorkCentersInput = z
  .object({ plantId: ZId.optional(), areaId: ZId.optional() })
  .default({});

export const listWorkCentersProcedure = tenantProcedure
  .meta({ action: 'workCenter.read' })
  .input(ZListWorkCentersInput)
  .query(({ ctx, input }) => listWorkCenters(ctx.tx, ctx.scope, input));
