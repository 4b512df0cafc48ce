import { router } from '../../trpc.ts';

export const connectorRouter = router({});
