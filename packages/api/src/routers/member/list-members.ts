import { listMembers } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listMembersProcedure = tenantProcedure
  .meta({ action: 'member.read' })
  .query(({ ctx }) => listMembers(ctx.tx, ctx.scope));
