import { env } from '../env.ts';

/** Set by server.ts from the TCP peer (any incoming header of that name is dropped first). */
export const PEER_IP_HEADER = 'x-ingot-peer-ip';

/**
 * The client's address for the audit trail and rate limits. Behind a trusted reverse proxy (INGOT_TRUST_PROXY=true)
 * the first X-Forwarded-For hop; otherwise the TCP peer — a client cannot choose what goes into the audit row by
 * sending a header.
 */
export function clientIp(headers: Headers): string | null {
  if (env.INGOT_TRUST_PROXY) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(PEER_IP_HEADER) || null;
}
