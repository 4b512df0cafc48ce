import { ZPreviewInspectionLimitsInput } from '@ingot/contracts';
import { previewInspectionLimits } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const previewInspectionLimitsProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZPreviewInspectionLimitsInput)
  .query(({ ctx, input }) => previewInspectionLimits(ctx.tx, ctx.scope, input));
