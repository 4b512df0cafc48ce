import { listMembers } from '@ingot/domain';
import { tenantAdminProcedure } from '../../trpc.ts';

export const listMembersProcedure = tenantAdminProcedure.query(({ ctx }) => listMembers(ctx.tx, ctx.scope));
