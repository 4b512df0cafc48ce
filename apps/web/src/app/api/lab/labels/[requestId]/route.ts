import { renderSampleLabelsPdf } from '@ingot/domain';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { serverCaller } from '../../../../../server/server-caller.ts';

export const dynamic = 'force-dynamic';

/**
 * The sample labels of an inspection request as PDF (one 100 x 60 mm label per sample, QR code of the sample no.),
 * for whoever may read the request (`lab.get` as the signed-in user: tenant, plant scope and permission decide).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  try {
    const request = await (await serverCaller()).lab.get({ id: requestId });
    const pdf = await renderSampleLabelsPdf(request);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${request.requestNo}-labels.pdf"`,
        'content-length': String(pdf.length),
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: getHTTPStatusCodeFromError(e) });
    throw e;
  }
}
