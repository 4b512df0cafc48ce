import { router } from '../../trpc.ts';
import { advanceOrderProcedure } from './advance-order.ts';
import { cancelOrderProcedure } from './cancel-order.ts';
import { confirmOrderProcedure } from './confirm-order.ts';
import { createOrderProcedure } from './create-order.ts';
import { getOrderProcedure } from './get-order.ts';
import { listOrdersProcedure } from './list-orders.ts';
import { listPartnershipsProcedure } from './list-partnerships.ts';
import { shareOrderProcedure } from './share-order.ts';
import { shipOrderProcedure } from './ship-order.ts';
import { unshareOrderProcedure } from './unshare-order.ts';
import { updateOrderProcedure } from './update-order.ts';

export const orderRouter = router({
  list: listOrdersProcedure,
  get: getOrderProcedure,
  create: createOrderProcedure,
  update: updateOrderProcedure,
  advance: advanceOrderProcedure,
  cancel: cancelOrderProcedure,
  confirm: confirmOrderProcedure,
  ship: shipOrderProcedure,
  share: shareOrderProcedure,
  unshare: unshareOrderProcedure,
  partnerships: listPartnershipsProcedure,
});
