import { router } from '../../trpc.ts';
import { getWorkOrderProcedure } from './get-work-order.ts';
import { listWorkOrdersProcedure } from './list-work-orders.ts';
import { releaseWorkOrderProcedure } from './release-work-order.ts';

export const workOrderRouter = router({
  list: listWorkOrdersProcedure,
  get: getWorkOrderProcedure,
  release: releaseWorkOrderProcedure,
});
