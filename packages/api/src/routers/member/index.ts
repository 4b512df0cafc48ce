import { router } from '../../trpc.ts';
import { addMemberProcedure } from './add-member.ts';
import { listMembersProcedure } from './list-members.ts';
import { removeMemberProcedure } from './remove-member.ts';
import { updateMemberProcedure } from './update-member.ts';

export const memberRouter = router({
  list: listMembersProcedure,
  add: addMemberProcedure,
  update: updateMemberProcedure,
  remove: removeMemberProcedure,
});
