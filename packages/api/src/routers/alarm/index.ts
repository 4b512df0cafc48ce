import { router } from '../../trpc.ts';

export const alarmRouter = router({});
