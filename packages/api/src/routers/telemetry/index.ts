import { router } from '../../trpc.ts';

export const telemetryRouter = router({});
