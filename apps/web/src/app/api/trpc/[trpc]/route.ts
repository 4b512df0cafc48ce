import { handleApiRequest } from '@ingot/api';
import { requestContextDeps } from '../../../../server/create-context.ts';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  return handleApiRequest(req, await requestContextDeps());
}

export { handler as GET, handler as POST };
