import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { PORTAL_AUDIENCE, type TIdentity } from './identity.ts';
import { createTokenVerifier, type TTokenVerifier } from './token-verifier.ts';

export const EMBEDDED_ISSUER = 'urn:ingot:embedded-issuer';

export type TEmbeddedIssuer = {
  issuer: string;
  /** A signed access token for the user, or null when the email or password is wrong. */
  signIn(email: string, password: string): Promise<string | null>;
  verify: TTokenVerifier;
  /** Test and tooling seam: a token for any identity (e.g. with a past expiry). */
  issue(identity: TIdentity, ttlSeconds?: number): Promise<string>;
};

type TUser = { email: string; name: string; password: string };

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** Loads the issuer's ES256 key from keyDir, creating it on first use so tokens survive restarts. */
async function loadOrCreateKey(keyDir: string): Promise<JWK> {
  const file = path.join(keyDir, 'embedded-issuer-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `ingot-${Date.now().toString(36)}`, alg: 'ES256' };
    await mkdir(keyDir, { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    // Another process may have won the race: the file on disk is the key.
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  }
}

/**
 * A minimal OpenID-style issuer for `npm start` and tests: demo users with one password, ES256 access
 * tokens with the same claims Keycloak will carry (sub, email, name, aud). Refuses production mode.
 */
export async function createEmbeddedIssuer(opts: {
  keyDir: string;
  production: boolean;
  users?: readonly TUser[];
  ttlSeconds?: number;
}): Promise<TEmbeddedIssuer> {
  if (opts.production) {
    throw new Error(
      'the embedded issuer is for development and demos only; configure KEYCLOAK_URL in production',
    );
  }
  const users = opts.users ?? DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD }));
  const privateJwk = await loadOrCreateKey(opts.keyDir);
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, 'ES256');
  const verify = createTokenVerifier({
    issuer: EMBEDDED_ISSUER,
    audience: PORTAL_AUDIENCE,
    keys: createLocalJWKSet({ keys: [publicJwk] }),
  });

  async function issue(identity: TIdentity, ttlSeconds = opts.ttlSeconds ?? 8 * 3600): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    // The claim layout of a Keycloak access token (identityFromClaims reads both alike).
    return new SignJWT({ typ: 'Bearer', email: identity.email, email_verified: true, name: identity.name })
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? 'ingot' })
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(PORTAL_AUDIENCE)
      .setSubject(identity.subject)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(signingKey);
  }

  return {
    issuer: EMBEDDED_ISSUER,
    verify,
    issue,
    async signIn(email, password) {
      const wanted = email.trim().toLowerCase();
      const user = users.find((u) => u.email === wanted);
      // Compare even for unknown users so timing does not reveal which emails exist.
      const ok = sameSecret(password, user?.password ?? `${password}\u0000`);
      if (!user || !ok) return null;
      return issue({ subject: user.email, email: user.email, name: user.name });
    },
  };
}
