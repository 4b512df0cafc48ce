/**
 * The API over HTTP (handleApiRequest, what the portal mounts at /api/trpc) with tokens from the running
 * Keycloak: a portal access token signs the caller in (subject = Keycloak's `sub`); a token of another issuer, an
 * expired one, one for another audience, a tampered one and an ID token all answer 401. The embedded issuer goes
 * through the very same code (createTokenVerifier + identityFromClaims).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createEmbeddedIssuer,
  createKeycloakAdmin,
  createKeycloakVerifier,
  SESSION_COOKIE,
  type TTokenVerifier,
} from '@ingot/auth';
import {
  createRealmTestUser,
  readKeycloakTestEnv,
  signInWithLoginForm,
  type TRealmTestUser,
  type TTokenSet,
} from '@ingot/auth/test-support';
import { describeEachDatabase } from '@ingot/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handleApiRequest } from './http/handle-api-request.ts';

const env = readKeycloakTestEnv();
const admin = createKeycloakAdmin({
  baseUrl: env.baseUrl,
  credentials: { kind: 'password', username: env.adminUsername, password: env.adminPassword },
});
const keycloak = createKeycloakVerifier({ baseUrl: env.baseUrl });

let person: TRealmTestUser;
let tokens: TTokenSet;

beforeAll(async () => {
  person = await createRealmTestUser(admin, { prefix: 'api', name: '赵六', roles: ['viewer'] });
  const result = await signInWithLoginForm({
    baseUrl: env.baseUrl,
    username: person.email,
    password: person.password,
  });
  if (result.kind !== 'signed-in') throw new Error(`sign-in through the login page failed: ${result.kind}`);
  tokens = result.tokens;
});

afterAll(async () => {
  await person?.remove();
});

/** Edits a JWT's payload and keeps its (now wrong) signature. */
function withPayload(token: string, change: (p: Record<string, unknown>) => void): string {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
  change(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

describeEachDatabase('API access tokens from Keycloak, over HTTP', (t) => {
  async function meWith(
    headers: Record<string, string>,
    verify: TTokenVerifier = keycloak,
  ): Promise<{
    status: number;
    body: { result?: { data: { json: { user: { email: string; displayName: string } } } } };
  }> {
    const res = await handleApiRequest(new Request('http://portal.test/api/trpc/me.get', { headers }), {
      db: t.db,
      verify,
    });
    return { status: res.status, body: await res.json() };
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('signs in the bearer of a portal access token; the user row follows the token (sub, e-mail, name)', async () => {
    const { status, body } = await meWith(bearer(tokens.access_token));
    expect(status).toBe(200);
    expect(body.result?.data.json.user).toMatchObject({ email: person.email, displayName: '赵六' });
  });

  it('reads the same token from the session cookie (server-rendered pages)', async () => {
    expect((await meWith({ cookie: `${SESSION_COOKIE}=${tokens.access_token}` })).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    expect((await meWith({})).status).toBe(401);
  });

  it('answers 401 to a token of another issuer: the master realm of the same server, and the embedded issuer', async () => {
    const res = await fetch(`${env.baseUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: env.adminUsername,
        password: env.adminPassword,
      }),
    });
    const master = ((await res.json()) as { access_token: string }).access_token;
    expect((await meWith(bearer(master))).status).toBe(401);

    const embedded = await createEmbeddedIssuer({
      keyDir: await mkdtemp(path.join(tmpdir(), 'ingot-api-')),
      production: false,
    });
    const foreign = await embedded.issue({ subject: person.id, email: person.email, name: '赵六' });
    expect((await meWith(bearer(foreign))).status).toBe(401);
    // ...while the embedded issuer's own verifier, the same claim code, accepts it.
    expect((await meWith(bearer(foreign), embedded.verify)).status).toBe(200);
  });

  it('answers 401 to an expired token (the API clock 10 minutes on: past exp plus the 30 s tolerance)', async () => {
    const later = createKeycloakVerifier({
      baseUrl: env.baseUrl,
      now: () => new Date(Date.now() + 10 * 60_000),
    });
    expect((await meWith(bearer(tokens.access_token), later)).status).toBe(401);
  });

  it('answers 401 to a token of the same realm for another audience (the account console)', async () => {
    const other = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: person.email,
      password: person.password,
      clientId: 'account-console',
      redirectUri: `${env.baseUrl}/realms/ingot/account/`,
    });
    if (other.kind !== 'signed-in') throw new Error(`account console sign-in failed: ${other.kind}`);
    const claims = JSON.parse(
      Buffer.from(other.tokens.access_token.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect([claims.aud].flat()).not.toContain('ingot-portal');
    expect(claims.email).toBe(person.email);
    expect((await meWith(bearer(other.tokens.access_token))).status).toBe(401);
  });

  it('answers 401 to a tampered token: payload changed, signature altered, or signature stripped (alg none)', async () => {
    const otherSubject = withPayload(tokens.access_token, (p) => {
      p.sub = '00000000-0000-0000-0000-000000000000';
    });
    expect((await meWith(bearer(otherSubject))).status).toBe(401);
    const [h, p, s = ''] = tokens.access_token.split('.');
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect((await meWith(bearer(flipped))).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect((await meWith(bearer(none))).status).toBe(401);
  });

  it('answers 401 to the ID token (same issuer, key and audience; typ ID)', async () => {
    expect(tokens.id_token).toBeTruthy();
    expect((await meWith(bearer(tokens.id_token ?? ''))).status).toBe(401);
  });
});
