import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-users.ts';
import { createEmbeddedIssuer, type TEmbeddedIssuer } from './embedded-issuer.ts';

const ISSUER = 'http://portal.test:3000/oidc';
const REDIRECT = 'http://portal.test:3000/auth/callback';

let iss: TEmbeddedIssuer;
beforeEach(async () => {
  iss = await createEmbeddedIssuer({
    keyDir: await mkdtemp(path.join(tmpdir(), 'ingot-oidc-')),
    production: false,
    issuer: ISSUER,
  });
});

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());

/** The browser's part of the code flow: authorize, post the login form, follow to the redirect; the code exchange. */
async function codeFlow(opts: { email?: string; password?: string; cookie?: string; prompt?: string } = {}) {
  const verifier = randomBytes(32).toString('base64url');
  const auth = new URL(`${ISSUER}/auth`);
  const params = {
    client_id: 'ingot-portal',
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    scope: 'openid',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(opts.prompt ? { prompt: opts.prompt } : {}),
  };
  for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
  let res = await iss.handle(new Request(auth, { headers: opts.cookie ? { cookie: opts.cookie } : {} }));
  let cookie = opts.cookie ?? '';
  if (res.status === 200) {
    const page = await res.text();
    const rid = /name="rid" value="([^"]+)"/.exec(page)?.[1] ?? '';
    res = await iss.handle(
      new Request(`${ISSUER}/auth`, {
        method: 'POST',
        body: new URLSearchParams({
          rid,
          username: opts.email ?? 'planner@east-china-al.demo',
          password: opts.password ?? DEMO_PASSWORD,
        }),
      }),
    );
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? cookie;
  }
  const location = res.headers.get('location') ?? '';
  const fragment = new URLSearchParams(location.split('#')[1] ?? '');
  return { res, location, fragment, verifier, cookie };
}

async function exchange(code: string, verifier: string, redirectUri = REDIRECT) {
  const res = await iss.handle(
    new Request(`${ISSUER}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'ingot-portal',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function refresh(token: string) {
  const res = await iss.handle(
    new Request(`${ISSUER}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'ingot-portal',
        refresh_token: token,
      }),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('embedded issuer: OpenID Connect endpoints', () => {
  it('publishes discovery and its keys', async () => {
    const d = await (await iss.handle(new Request(`${ISSUER}/.well-known/openid-configuration`))).json();
    expect(d).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/auth`,
      token_endpoint: `${ISSUER}/token`,
      end_session_endpoint: `${ISSUER}/logout`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = await (await iss.handle(new Request(`${ISSUER}/certs`))).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('signs in through the login page and the code flow with PKCE; the API verifier takes the access token', async () => {
    const flow = await codeFlow();
    expect(flow.res.status).toBe(302);
    expect(flow.location.startsWith(`${REDIRECT}#`)).toBe(true);
    expect(flow.fragment.get('state')).toBe('st-1');
    const { status, body } = await exchange(flow.fragment.get('code') ?? '', flow.verifier);
    expect(status).toBe(200);
    expect(await iss.verify(body.access_token ?? '')).toEqual({
      subject: 'planner@east-china-al.demo',
      email: 'planner@east-china-al.demo',
      name: '李强 (Li Qiang)',
    });
    expect(claims(body.id_token ?? '')).toMatchObject({ typ: 'ID', nonce: 'n-1', aud: 'ingot-portal' });
    expect(claims(body.refresh_token ?? '')).toMatchObject({ typ: 'Refresh' });
    // Neither the ID token nor the refresh token is an access token.
    await expect(iss.verify(body.id_token ?? '')).rejects.toThrow(/not an access token/);
    await expect(iss.verify(body.refresh_token ?? '')).rejects.toThrow();
  });

  it('refuses a wrong password on the page (same element ids as Keycloak), a wrong verifier and a reused code', async () => {
    const wrong = await codeFlow({ password: 'nope' });
    expect(wrong.res.status).toBe(401);
    expect(await wrong.res.text()).toContain('id="input-error-username"');

    const flow = await codeFlow();
    const code = flow.fragment.get('code') ?? '';
    expect((await exchange(code, 'x'.repeat(43))).body.error).toBe('invalid_grant');
    // The failed attempt burnt the code: single use.
    expect((await exchange(code, flow.verifier)).body.error).toBe('invalid_grant');
  });

  it('never redirects to a URI the client did not register, and requires PKCE S256', async () => {
    const res = await iss.handle(
      new Request(
        `${ISSUER}/auth?client_id=ingot-portal&redirect_uri=https://evil.example/cb&response_type=code`,
      ),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const plain = await iss.handle(
      new Request(
        `${ISSUER}/auth?client_id=ingot-portal&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&code_challenge=abc&code_challenge_method=plain`,
      ),
    );
    expect(plain.headers.get('location')).toContain('error=invalid_request');
  });

  it('answers prompt=none from its session cookie (silent sign-in), login_required without one', async () => {
    expect((await codeFlow({ prompt: 'none' })).fragment.get('error')).toBe('login_required');
    const first = await codeFlow();
    const silent = await codeFlow({ prompt: 'none', cookie: first.cookie });
    expect(silent.fragment.get('code')).toBeTruthy();
    expect((await exchange(silent.fragment.get('code') ?? '', silent.verifier)).status).toBe(200);
  });

  it('rotates refresh tokens, and ends the session when an old one comes back', async () => {
    const flow = await codeFlow();
    const t1 = (await exchange(flow.fragment.get('code') ?? '', flow.verifier)).body;
    const t2 = await refresh(t1.refresh_token ?? '');
    expect(t2.status).toBe(200);
    expect(await iss.verify(t2.body.access_token ?? '')).toMatchObject({
      subject: 'planner@east-china-al.demo',
    });
    const replay = await refresh(t1.refresh_token ?? '');
    expect(replay.body.error).toBe('invalid_grant');
    expect((await refresh(t2.body.refresh_token ?? '')).body.error).toBe('invalid_grant');
  });

  it('ends the session at logout: no more refresh, no silent sign-in; redirects only to registered URIs', async () => {
    const flow = await codeFlow();
    const tokens = (await exchange(flow.fragment.get('code') ?? '', flow.verifier)).body;
    const out = await iss.handle(
      new Request(
        `${ISSUER}/logout?client_id=ingot-portal&post_logout_redirect_uri=${encodeURIComponent('http://portal.test:3000/sign-in')}&id_token_hint=${tokens.id_token}`,
        { headers: { cookie: flow.cookie } },
      ),
    );
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('http://portal.test:3000/sign-in');
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await refresh(tokens.refresh_token ?? '')).body.error).toBe('invalid_grant');
    expect((await codeFlow({ prompt: 'none', cookie: flow.cookie })).fragment.get('error')).toBe(
      'login_required',
    );
    const elsewhere = await iss.handle(
      new Request(`${ISSUER}/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`),
    );
    expect(elsewhere.status).toBe(200);
  });
});
