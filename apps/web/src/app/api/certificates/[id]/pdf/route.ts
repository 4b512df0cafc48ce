import { renderCertificatePdf } from '@ingot/domain';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { env } from '../../../../../env.ts';
import { serverCaller } from '../../../../../server/server-caller.ts';

export const dynamic = 'force-dynamic';

/** Where browsers reach the portal: the configured public URL, else this request's own origin. */
function publicOrigin(req: Request): string {
  if (env.INGOT_PUBLIC_URL) return env.INGOT_PUBLIC_URL.replace(/\/$/, '');
  const url = new URL(req.url);
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? url.host;
  return `${url.protocol}//${host}`;
}

/**
 * A certificate as PDF, for whoever may read it (`certificate.get` as the signed-in user decides: staff, or the
 * customer's own partner members): bilingual, with the QR code of its public verification URL and its content hash.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const cert = await (await serverCaller()).certificate.get({ id });
    const pdf = await renderCertificatePdf({
      content: cert.content,
      contentHash: cert.contentHash,
      status: cert.status,
      revokeReason: cert.revokeReason,
      verifyUrl: `${publicOrigin(req)}/verify/${cert.verifyToken}`,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${cert.certNo}.pdf"`,
        'content-length': String(pdf.length),
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: getHTTPStatusCodeFromError(e) });
    throw e;
  }
}
