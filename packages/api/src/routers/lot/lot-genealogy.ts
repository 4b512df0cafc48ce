import { ZLotGenealogyInput } from '@ingot/contracts';
import { lotGenealogy } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const lotGenealogyProcedure = tenantProcedure
  .meta({ action: 'lot.read' })
  .input(ZLotGenealogyInput)
  .query(({ ctx, input }) => lotGenealogy(ctx.tx, ctx.scope, input));
