import { router } from '../../trpc.ts';

export const orderRouter = router({});
