import { router } from '../../trpc.ts';

export const routingRouter = router({});
