import { router } from '../../trpc.ts';
import { getMeProcedure } from './get-me.ts';
import { setMyLocaleProcedure } from './set-my-locale.ts';

export const meRouter = router({ get: getMeProcedure, setLocale: setMyLocaleProcedure });
