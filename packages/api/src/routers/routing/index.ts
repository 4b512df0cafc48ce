import { router } from '../../trpc.ts';
import { createRoutingProcedure } from './create-routing.ts';
import { getRoutingProcedure } from './get-routing.ts';
import { listRoutingsProcedure } from './list-routings.ts';
import { selectRoutingProcedure } from './select-routing.ts';
import { setRoutingActiveProcedure } from './set-routing-active.ts';
import { updateRoutingProcedure } from './update-routing.ts';

export const routingRouter = router({
  list: listRoutingsProcedure,
  get: getRoutingProcedure,
  select: selectRoutingProcedure,
  create: createRoutingProcedure,
  update: updateRoutingProcedure,
  setActive: setRoutingActiveProcedure,
});
