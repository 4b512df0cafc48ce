import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './token-verifier.ts';

const base = { typ: 'Bearer', sub: 'f3c1', email: 'Li.Qiang@Example.CN', email_verified: true, name: '李强' };

describe('identityFromClaims (one claim layout for Keycloak and the embedded issuer)', () => {
  it('maps sub, e-mail (lower-cased) and name', () => {
    expect(identityFromClaims(base)).toEqual({ subject: 'f3c1', email: 'li.qiang@example.cn', name: '李强' });
  });

  it('falls back to preferred_username, then the e-mail, for the name', () => {
    const { name: _n, ...noName } = base;
    expect(identityFromClaims({ ...noName, preferred_username: 'liqiang' }).name).toBe('liqiang');
    expect(identityFromClaims(noName).name).toBe('li.qiang@example.cn');
  });

  it('refuses an ID token (typ ID) and a token without typ', () => {
    expect(() => identityFromClaims({ ...base, typ: 'ID' })).toThrow(/not an access token/);
    const { typ: _t, ...noTyp } = base;
    expect(() => identityFromClaims(noTyp)).toThrow(/not an access token/);
  });

  it('refuses an unverified e-mail, a missing e-mail and a missing subject', () => {
    expect(() => identityFromClaims({ ...base, email_verified: false })).toThrow(/not verified/);
    const { email: _e, ...noEmail } = base;
    expect(() => identityFromClaims(noEmail)).toThrow(/missing/);
    const { sub: _s, ...noSub } = base;
    expect(() => identityFromClaims(noSub)).toThrow(/missing/);
  });
});
