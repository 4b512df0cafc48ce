import { getPortalRuntime } from '../../../server/runtime.ts';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: answers 200 once the database handle is open. */
export async function GET() {
  try {
    await getPortalRuntime();
    return Response.json({ status: 'ok' });
  } catch (e) {
    console.error('[health]', e);
    return Response.json({ status: 'starting' }, { status: 503 });
  }
}
