import { randomBytes } from 'node:crypto';
import { VERIFY_TOKEN_PATTERN } from '@ingot/contracts';

/**
 * A certificate's public verification token: 128 bits from the CSPRNG, base64url (22 characters). Never derived
 * from an id or a number, so a token cannot be guessed from another certificate's.
 */
export function newVerifyToken(): string {
  return randomBytes(16).toString('base64url');
}

/** True for a string shaped like a token (checked before any database read). */
export function isWellFormedVerifyToken(token: string): boolean {
  return VERIFY_TOKEN_PATTERN.test(token);
}
