import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Connector broker passwords: 32 random bytes (base64url, 43 characters), shown once; the database keeps only
 * `scrypt$N$r$p$salt$hash` (base64url salt and hash). Verification is constant-time and reads the cost from
 * the stored string, so the parameters can be raised later without invalidating issued credentials.
 */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** scrypt needs 128 * N * r bytes; allow a little above the largest cost we accept. */
const MAX_MEM = 256 * 1024 * 1024;

function derive(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  len: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, len, { N: n, r, p, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function generateConnectorPassword(): string {
  return randomBytes(32).toString('base64url');
}

export async function hashConnectorPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, N, R, P, KEY_BYTES);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const HASH_RE = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{8,})\$([A-Za-z0-9_-]{16,})$/;

/**
 * True when `password` matches `stored`. A malformed stored value never matches (and still costs one scrypt,
 * so timing does not tell a malformed hash from a wrong password).
 */
export async function verifyConnectorPassword(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  const m = stored ? HASH_RE.exec(stored) : null;
  const n = m ? Number(m[1]) : N;
  const r = m ? Number(m[2]) : R;
  const p = m ? Number(m[3]) : P;
  const sane =
    m !== null &&
    n >= 1024 &&
    n <= 1_048_576 &&
    (n & (n - 1)) === 0 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 16;
  const salt = sane && m ? Buffer.from(m[4] ?? '', 'base64url') : randomBytes(SALT_BYTES);
  const expected = sane && m ? Buffer.from(m[5] ?? '', 'base64url') : randomBytes(KEY_BYTES);
  const actual = await derive(password, salt, sane ? n : N, sane ? r : R, sane ? p : P, expected.length);
  return timingSafeEqual(actual, expected) && sane;
}
