import type { TRouterOutputs } from '../../trpc/types.ts';

export type TAlloy = TRouterOutputs['masterData']['alloy']['list'][number];
export type TTemper = TRouterOutputs['masterData']['temper']['list'][number];
export type TCustomer = TRouterOutputs['masterData']['customer']['list'][number];
export type TSpec = TRouterOutputs['masterData']['spec']['list'][number];
export type TRouting = TRouterOutputs['routing']['list'][number];
