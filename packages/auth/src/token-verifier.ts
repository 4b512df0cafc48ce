import { errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type TIdentity, ZIdentity } from './identity.ts';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

export type TTokenVerifier = (token: string) => Promise<TIdentity>;

/**
 * Verifies an access token's signature against the issuer's keys, its issuer, audience and expiry
 * (with a small clock tolerance), and maps the standard claims to an identity. The same function serves
 * the embedded issuer and, from the identity issue on, Keycloak (given its remote JWKS).
 */
export function createTokenVerifier(opts: {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  clockToleranceSeconds?: number;
}): TTokenVerifier {
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, opts.keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.clockToleranceSeconds ?? 30,
        algorithms: ['ES256', 'RS256'],
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (e instanceof errors.JWTClaimValidationFailed)
        throw new InvalidTokenError(`claim ${e.claim} rejected`);
      throw new InvalidTokenError('signature or format rejected');
    }
    const identity = ZIdentity.safeParse({ subject: payload.sub, email: payload.email, name: payload.name });
    if (!identity.success) throw new InvalidTokenError('missing sub, email or name claim');
    return identity.data;
  };
}
