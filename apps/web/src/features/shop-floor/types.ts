import type { TRouterOutputs } from '../../trpc/types.ts';

export type TWorkQueue = TRouterOutputs['shopFloor']['queue'];
export type TQueueItem = TWorkQueue['queued'][number];
