import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type TIdentity, ZIdentity } from './identity.ts';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer's keys could not be fetched (identity server down or unreachable): not the caller's fault. */
export class IssuerUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the identity server did not answer with its keys', { cause });
    this.name = 'IssuerUnavailableError';
  }
}

export type TTokenVerifier = (token: string) => Promise<TIdentity>;

/**
 * The claim layout both issuers (Keycloak and the embedded one) give an access token, mapped to an identity:
 * - `typ` must be `Bearer`: Keycloak signs ID tokens with the same key, for the same issuer, with the portal
 *   client as audience; only the `typ` claim tells an ID token (`ID`) from an access token;
 * - `email_verified: false` is refused: a pending invitation is bound to the person by e-mail at first sign-in;
 * - subject = `sub`; name = `name`, else `preferred_username`, else the e-mail.
 */
export function identityFromClaims(payload: JWTPayload): TIdentity {
  if (payload.typ !== 'Bearer') throw new InvalidTokenError('not an access token');
  if (payload.email_verified === false) throw new InvalidTokenError('e-mail address not verified');
  const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : payload.email;
  const identity = ZIdentity.safeParse({
    subject: payload.sub,
    email,
    name: payload.name ?? payload.preferred_username ?? email,
  });
  if (!identity.success) throw new InvalidTokenError('missing sub, email or name claim');
  return identity.data;
}

/**
 * Verifies an access token's signature against the issuer's keys, its issuer, audience and expiry (with a small
 * clock tolerance), and maps its claims to an identity (identityFromClaims). One function for every issuer.
 */
export function createTokenVerifier(opts: {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  clockToleranceSeconds?: number;
  /** The verifier's clock (tests: a clock running ahead makes a fresh token expired). */
  now?: () => Date;
}): TTokenVerifier {
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, opts.keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.clockToleranceSeconds ?? 30,
        algorithms: ['ES256', 'RS256'],
        requiredClaims: ['exp', 'sub'],
        ...(opts.now ? { currentDate: opts.now() } : {}),
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (e instanceof errors.JWTClaimValidationFailed)
        throw new InvalidTokenError(`claim ${e.claim} rejected`);
      if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || e instanceof TypeError) {
        // TypeError: fetch failed (connection refused, DNS).
        throw new IssuerUnavailableError(e);
      }
      throw new InvalidTokenError('signature or format rejected');
    }
    return identityFromClaims(payload);
  };
}

/**
 * A verifier for an OpenID Connect issuer that publishes its keys at a JWKS URL (Keycloak:
 * `<issuer>/protocol/openid-connect/certs`). Keys are cached and refetched when a token names an unknown key id
 * (key rotation), at most every 30 s.
 */
export function createRemoteTokenVerifier(opts: {
  issuer: string;
  audience: string;
  jwksUrl: URL;
  clockToleranceSeconds?: number;
  now?: () => Date;
}): TTokenVerifier {
  const keys = createRemoteJWKSet(opts.jwksUrl, { timeoutDuration: 5000, cooldownDuration: 30_000 });
  return createTokenVerifier({ ...opts, keys });
}
