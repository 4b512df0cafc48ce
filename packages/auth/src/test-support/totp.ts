import { createHmac } from 'node:crypto';

export function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s: the realm's OTP policy), as an authenticator app computes it. The key
 * is the base32 text an app is given, or a Buffer (Keycloak's enrolment form carries the raw secret in its hidden
 * `totpSecret` field: the key is that text's bytes).
 */
export function totp(
  secret: string | Buffer,
  at: number = Date.now(),
  digits = 6,
  periodSeconds = 30,
): string {
  const counter = Math.floor(at / 1000 / periodSeconds);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', typeof secret === 'string' ? base32Decode(secret) : secret)
    .update(msg)
    .digest();
  const offset = (h[h.length - 1] ?? 0) & 0xf;
  const bin = (h.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return bin.toString().padStart(digits, '0');
}
