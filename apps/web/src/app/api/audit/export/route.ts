import { ZAuditEventFilter } from '@ingot/api';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { clientIp } from '../../../../server/client-ip.ts';
import { LIMITS, rateLimit, tooManyRequests } from '../../../../server/rate-limit.ts';
import { isSameOrigin } from '../../../../server/same-origin.ts';
import { serverCaller } from '../../../../server/server-caller.ts';

export const dynamic = 'force-dynamic';

/**
 * The audit trail as a CSV download (the /audit page's export form): `audit.export` as the signed-in user, so the
 * permission table decides (tenant administrators) and the export is recorded. POST + same-origin check: a
 * cross-site page cannot make an administrator's browser export.
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return new Response('cross-site request refused', { status: 403 });
  const limited = rateLimit(`audit-export:${clientIp(req.headers)}`, LIMITS.auditExport, 60);
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds);
  const form = await req.formData().catch(() => new FormData());
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  const filter = ZAuditEventFilter.safeParse({
    from: text('from'),
    to: text('to'),
    actor: text('actor'),
    action: text('action'),
    target: text('target'),
  });
  if (!filter.success) return new Response('invalid filter', { status: 400 });
  try {
    const out = await (await serverCaller()).audit.export({ filter: filter.data });
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
    return new Response(out.csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${stamp}.csv"`,
        'cache-control': 'no-store',
        'x-audit-rows': String(out.rows),
        'x-audit-truncated': String(out.truncated),
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: getHTTPStatusCodeFromError(e) });
    throw e;
  }
}
