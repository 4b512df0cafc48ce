import { router } from '../../trpc.ts';

export const shopFloorRouter = router({});
