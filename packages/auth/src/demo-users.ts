/**
 * The demo tenant's people (npm start, e2e). The domain seed creates their memberships; these are sign-in
 * credentials only: known to the embedded issuer, and put into Keycloak's realm by the platform process when it
 * runs against Keycloak in development (ensureDemoUsersInKeycloak). One shared demo password, printed at start; it
 * satisfies the realm's password policy (10+ characters, upper, lower, digit, special).
 */
export const DEMO_PASSWORD = 'Ingot-Demo-2026';

/**
 * The demo administrators' TOTP secret in Keycloak (the realm makes tenant and platform administrators use a
 * second factor): the raw secret Keycloak stores; authenticator apps take DEMO_TOTP_SECRET_BASE32. Development only.
 */
export const DEMO_TOTP_SECRET = 'IngotDemoTotp2026!ab';

export const DEMO_USERS = [
  { email: 'admin@east-china-al.demo', name: '王敏 (Wang Min)', realmRoles: ['tenant-admin'] },
  { email: 'planner@east-china-al.demo', name: '李强 (Li Qiang)', realmRoles: ['planner'] },
  { email: 'admin@jiangnan-copper.demo', name: '陈静 (Chen Jing)', realmRoles: ['tenant-admin'] },
  { email: 'platform@ingot.demo', name: 'Ingot Platform Admin', realmRoles: ['platform-admin'] },
  // A buyer of east-china-al's customer C-CAN, in the partner portal (certificates of its own orders only).
  { email: 'buyer@suzhou-can.demo', name: '周洁 (Zhou Jie)', realmRoles: ['customer'] },
] as const;

/** RFC 4648 base32 (no padding), as authenticator apps want a TOTP key. */
export function base32Encode(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export const DEMO_TOTP_SECRET_BASE32 = base32Encode(new TextEncoder().encode(DEMO_TOTP_SECRET));
