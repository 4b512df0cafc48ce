import type { TRouterOutputs } from '../../trpc/types.ts';

export type TOrderSummary = TRouterOutputs['order']['list']['items'][number];
export type TOrderDetail = TRouterOutputs['order']['get'];
export type TOrderLine = TOrderDetail['lines'][number];
export type TOrderEvent = TOrderDetail['events'][number];
