import { ZTagCatalogueInput } from '@ingot/contracts';
import { tenantProcedure } from '../../trpc.ts';
import { getTagCatalogue } from './tag-catalogue.ts';

export const getTagCatalogueProcedure = tenantProcedure
  .meta({ action: 'telemetry.read' })
  .input(ZTagCatalogueInput)
  .query(({ ctx, input }) => getTagCatalogue(ctx.tx, ctx.scope, ctx.telemetry, input));
