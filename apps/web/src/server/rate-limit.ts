/**
 * A fixed-window rate limiter in this process's memory, for the authentication-sensitive routes (the session
 * route, the embedded issuer's login and token endpoints, the audit export). One portal process: enough for
 * `npm start` and a single node; several nodes need the limit at the ingress (or a shared store) — Keycloak's own
 * endpoints are protected by its brute-force detection and, in production, by the ingress.
 */
interface TBucket {
  count: number;
  resetAt: number;
}

const KEY = Symbol.for('ingot.rate-limit');
type TGlobal = typeof globalThis & { [KEY]?: Map<string, TBucket> };

function buckets(): Map<string, TBucket> {
  const g = globalThis as TGlobal;
  g[KEY] ??= new Map();
  return g[KEY];
}

export type TRateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts one request of `key` against `limit` per `windowSeconds`. */
export function rateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = Date.now(),
): TRateLimitResult {
  const map = buckets();
  if (map.size > 10_000) for (const [k, b] of map) if (b.resetAt <= now) map.delete(k);
  const bucket = map.get(key);
  if (!bucket || bucket.resetAt <= now) {
    map.set(key, { count: 1, resetAt: now + windowSeconds * 1000 });
    return { ok: true, remaining: limit - 1 };
  }
  bucket.count++;
  if (bucket.count > limit) return { ok: false, retryAfterSeconds: Math.ceil((bucket.resetAt - now) / 1000) };
  return { ok: true, remaining: limit - bucket.count };
}

export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { error: 'too many requests, try again later' },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } },
  );
}

/** The limits (requests per minute per client address). */
export const LIMITS = {
  session: 120,
  issuerLogin: 20,
  issuerToken: 120,
  auditExport: 10,
} as const;
