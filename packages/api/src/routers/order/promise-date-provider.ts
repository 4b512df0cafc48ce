import { capableToPromise, type TPromiseDateProvider } from '@ingot/domain';

/**
 * Capable-to-promise for order.confirm: the planning domain's `capableToPromise` fits the order's new work orders
 * into the plant's published plan (finite capacity, calendars, setups, furnace batches) under a short solver
 * budget, inside the confirming transaction. The order domain's `routingLoadPromiseDate` is the simpler fallback
 * (routing times + published-plan load) used by the demo seed.
 */
export const promiseDateProvider: TPromiseDateProvider = async (tx, scope, input) => {
  const result = await capableToPromise(tx, scope, { orderId: input.orderId });
  return {
    promisedDate: result.promisedDate,
    perLine: result.lines.map((l) => ({
      lineId: l.lineId,
      promisedDate: l.promisedDate,
      earliestFinish: l.earliestCompletion,
    })),
    method: result.basedOnPlanVersionId
      ? `capable-to-promise into published plan ${result.basedOnPlanVersionId}`
      : 'capable-to-promise (no published plan: all open work orders planned together)',
  };
};
