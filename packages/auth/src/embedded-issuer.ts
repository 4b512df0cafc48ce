import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { renderLoginPage, renderMessagePage } from './embedded-login-page.ts';
import { PORTAL_AUDIENCE, type TIdentity } from './identity.ts';
import { createTokenVerifier, type TTokenVerifier } from './token-verifier.ts';

/** The issuer of tests and tools that need no OIDC endpoints (tokens only). */
export const EMBEDDED_ISSUER = 'urn:ingot:embedded-issuer';

export interface TEmbeddedUser {
  email: string;
  name: string;
  password: string;
}

export interface TEmbeddedClient {
  clientId: string;
  /** Allowed redirect URIs; a trailing `*` allows any continuation (`http://localhost:3000/*`). */
  redirectUris: string[];
}

export interface TEmbeddedIssuerOptions {
  keyDir: string;
  production: boolean;
  /**
   * The issuer identifier (`iss`). An http(s) URL turns on the OpenID Connect endpoints under it (`handle`):
   * discovery, authorize (login page, PKCE S256 required), token (code and refresh_token), JWKS, end-session.
   * Default EMBEDDED_ISSUER (tokens only).
   */
  issuer?: string;
  users?: readonly TEmbeddedUser[];
  /** Access token lifetime (default 300 s, as the realm). */
  accessTtlSeconds?: number;
  /** Sign-in session idle timeout (default 1800 s, as the realm) and maximum (default 12 h). */
  ssoIdleSeconds?: number;
  ssoMaxSeconds?: number;
  /** Default: `ingot-portal`, redirect URIs `<issuer origin>/*`. */
  clients?: readonly TEmbeddedClient[];
}

export type TEmbeddedIssuer = {
  issuer: string;
  /** A signed access token for the user, or null when the email or password is wrong. */
  signIn(email: string, password: string): Promise<string | null>;
  verify: TTokenVerifier;
  /** Test and tooling seam: a token for any identity (e.g. with a past expiry). */
  issue(identity: TIdentity, ttlSeconds?: number): Promise<string>;
  /** The OpenID Connect endpoints (Fetch API); 404 for other paths, or when the issuer is not a URL. */
  handle(req: Request): Promise<Response>;
};

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

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

interface TAuthRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  nonce: string | null;
  codeChallenge: string;
  responseMode: 'query' | 'fragment';
  locale: string | null;
  expiresAt: number;
}

interface TSession {
  sid: string;
  user: TEmbeddedUser;
  authTime: number;
  lastSeen: number;
  /** The refresh token currently valid (rotation: using an older one ends the session). */
  refreshJti: string | null;
}

const SSO_COOKIE = 'ingot_oidc_session';

/**
 * A minimal OpenID Connect issuer for `npm start` and tests: demo users with one password, ES256 tokens with the
 * claim layout of a Keycloak access token (typ, sub, email, email_verified, name, aud, azp, sid), so the portal
 * runs the same keycloak-js code (generic OIDC configuration) and the API the same verifier against either.
 * Authorization code flow with PKCE (S256 required), refresh tokens (rotated), end-session. State is in memory:
 * a restart signs everybody out. Refuses production mode.
 */
export async function createEmbeddedIssuer(opts: TEmbeddedIssuerOptions): Promise<TEmbeddedIssuer> {
  if (opts.production) {
    throw new Error(
      'the embedded issuer is for development and demos only; configure KEYCLOAK_URL in production',
    );
  }
  const issuer = (opts.issuer ?? EMBEDDED_ISSUER).replace(/\/+$/, '');
  const users =
    opts.users ?? DEMO_USERS.map((u) => ({ email: u.email, name: u.name, password: DEMO_PASSWORD }));
  const accessTtl = opts.accessTtlSeconds ?? 300;
  const ssoIdle = opts.ssoIdleSeconds ?? 1800;
  const ssoMax = opts.ssoMaxSeconds ?? 43_200;
  const issuerUrl = /^https?:\/\//.test(issuer) ? new URL(issuer) : null;
  const clients: readonly TEmbeddedClient[] =
    opts.clients ??
    (issuerUrl ? [{ clientId: PORTAL_AUDIENCE, redirectUris: [`${issuerUrl.origin}/*`] }] : []);

  const privateJwk = await loadOrCreateKey(opts.keyDir);
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, 'ES256');
  const jwks = createLocalJWKSet({ keys: [publicJwk] });
  const verify = createTokenVerifier({ issuer, audience: PORTAL_AUDIENCE, keys: jwks });
  const kid = privateJwk.kid ?? 'ingot';
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  const sign = (claims: Record<string, unknown>, subject: string, audience: string, ttl: number) => {
    const now = nowSeconds();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(random(16))
      .sign(signingKey);
  };

  async function issue(
    identity: TIdentity,
    ttlSeconds = accessTtl,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    // The claim layout of a Keycloak access token (identityFromClaims reads both alike).
    return sign(
      {
        typ: 'Bearer',
        azp: PORTAL_AUDIENCE,
        email: identity.email,
        email_verified: true,
        name: identity.name,
        preferred_username: identity.email,
        ...extra,
      },
      identity.subject,
      PORTAL_AUDIENCE,
      ttlSeconds,
    );
  }

  function findUser(email: string, password: string): TEmbeddedUser | null {
    const wanted = email.trim().toLowerCase();
    const user = users.find((u) => u.email === wanted);
    // Compare even for unknown users so timing does not reveal which emails exist.
    const ok = sameSecret(password, user?.password ?? `${password}\u0000`);
    return user && ok ? user : null;
  }

  // ---- OpenID Connect state (in memory) ------------------------------------------------------------------
  const pending = new Map<string, TAuthRequest>();
  const codes = new Map<string, TAuthRequest & { sid: string; expiresAt: number }>();
  const sessions = new Map<string, TSession>();

  function sweep() {
    const now = Date.now();
    for (const [k, v] of pending) if (v.expiresAt < now) pending.delete(k);
    for (const [k, v] of codes) if (v.expiresAt < now) codes.delete(k);
    for (const [k, s] of sessions) if (!sessionAlive(s)) sessions.delete(k);
  }
  const sessionAlive = (s: TSession) => {
    const now = nowSeconds();
    return now - s.lastSeen < ssoIdle && now - s.authTime < ssoMax;
  };

  const identityOf = (u: TEmbeddedUser): TIdentity => ({ subject: u.email, email: u.email, name: u.name });

  function redirectAllowed(clientId: string, uri: string): boolean {
    const client = clients.find((c) => c.clientId === clientId);
    if (!client) return false;
    return client.redirectUris.some((allowed) =>
      allowed.endsWith('*') ? uri.startsWith(allowed.slice(0, -1)) : uri === allowed,
    );
  }

  const cookiePath = () => issuerUrl?.pathname || '/';
  const sessionCookie = (sid: string | null, maxAge: number) =>
    [
      `${SSO_COOKIE}=${sid ?? ''}`,
      `Path=${cookiePath()}`,
      'HttpOnly',
      'SameSite=Lax',
      `Max-Age=${maxAge}`,
      issuerUrl?.protocol === 'https:' ? 'Secure' : '',
    ]
      .filter(Boolean)
      .join('; ');
  const sessionOf = (req: Request): TSession | null => {
    const header = req.headers.get('cookie') ?? '';
    const sid = new RegExp(`(?:^|;\\s*)${SSO_COOKIE}=([A-Za-z0-9_-]+)`).exec(header)?.[1];
    const s = sid ? sessions.get(sid) : undefined;
    return s && sessionAlive(s) ? s : null;
  };

  function redirectWith(request: TAuthRequest, params: Record<string, string | null>, cookie?: string) {
    const entries = Object.entries({ ...params, state: request.state }).filter(
      (e): e is [string, string] => e[1] !== null,
    );
    const qs = new URLSearchParams(entries).toString();
    const sep = request.responseMode === 'fragment' ? '#' : request.redirectUri.includes('?') ? '&' : '?';
    const headers = new Headers({
      location: `${request.redirectUri}${sep}${qs}`,
      'cache-control': 'no-store',
    });
    if (cookie) headers.append('set-cookie', cookie);
    return new Response(null, { status: 302, headers });
  }

  function codeFor(request: TAuthRequest, session: TSession): string {
    const code = random();
    codes.set(code, { ...request, sid: session.sid, expiresAt: Date.now() + 60_000 });
    return code;
  }

  const html = (body: string, status = 200, extra: Record<string, string> = {}) =>
    new Response(body, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ...extra,
      },
    });
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' },
    });
  const oauthError = (error: string, description: string, status = 400) =>
    json({ error, error_description: description }, status);

  async function tokensFor(session: TSession, clientId: string, nonce: string | null) {
    const refreshJti = random(16);
    session.refreshJti = refreshJti;
    session.lastSeen = nowSeconds();
    const identity = identityOf(session.user);
    const idleLeft = ssoIdle;
    const [access, id, refresh] = await Promise.all([
      issue(identity, accessTtl, { sid: session.sid, azp: clientId }),
      sign(
        {
          typ: 'ID',
          azp: clientId,
          sid: session.sid,
          auth_time: session.authTime,
          email: identity.email,
          email_verified: true,
          name: identity.name,
          ...(nonce ? { nonce } : {}),
        },
        identity.subject,
        clientId,
        accessTtl,
      ),
      new SignJWT({ typ: 'Refresh', sid: session.sid, azp: clientId, rjti: refreshJti })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(issuer)
        .setAudience(issuer)
        .setSubject(identity.subject)
        .setIssuedAt(nowSeconds())
        .setExpirationTime(nowSeconds() + idleLeft)
        .sign(signingKey),
    ]);
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: accessTtl,
      refresh_token: refresh,
      refresh_expires_in: idleLeft,
      id_token: id,
      scope: 'openid profile email',
      session_state: session.sid,
    };
  }

  // ---- endpoints ------------------------------------------------------------------------------------------
  function discovery() {
    return json({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/certs`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid', 'profile', 'email'],
      token_endpoint_auth_methods_supported: ['none'],
      claims_supported: ['sub', 'email', 'email_verified', 'name', 'preferred_username'],
    });
  }

  async function authorize(req: Request, url: URL): Promise<Response> {
    if (req.method === 'POST') return authorizePost(req);
    const p = url.searchParams;
    const clientId = p.get('client_id') ?? '';
    const redirectUri = p.get('redirect_uri') ?? '';
    // Never redirect to a URI the client did not register: an error page instead.
    if (!redirectAllowed(clientId, redirectUri)) {
      return html(renderMessagePage(p.get('ui_locales'), 'invalidRequest'), 400);
    }
    const request: TAuthRequest = {
      clientId,
      redirectUri,
      state: p.get('state'),
      nonce: p.get('nonce'),
      codeChallenge: p.get('code_challenge') ?? '',
      responseMode: p.get('response_mode') === 'query' ? 'query' : 'fragment',
      locale: p.get('ui_locales'),
      expiresAt: Date.now() + 30 * 60_000,
    };
    if (p.get('response_type') !== 'code') {
      return redirectWith(request, { error: 'unsupported_response_type' });
    }
    if (p.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(request.codeChallenge)) {
      return redirectWith(request, { error: 'invalid_request', error_description: 'PKCE S256 is required' });
    }
    const session = sessionOf(req);
    const prompt = p.get('prompt');
    if (session && prompt !== 'login') {
      session.lastSeen = nowSeconds();
      return redirectWith(request, { code: codeFor(request, session), session_state: session.sid });
    }
    if (prompt === 'none') return redirectWith(request, { error: 'login_required' });
    const rid = random();
    pending.set(rid, request);
    return html(
      renderLoginPage({ action: `${issuer}/auth`, rid, locale: request.locale, error: null, email: '' }),
    );
  }

  async function authorizePost(req: Request): Promise<Response> {
    const form = await req.formData().catch(() => null);
    const rid = String(form?.get('rid') ?? '');
    const request = pending.get(rid);
    if (!request) return html(renderMessagePage(null, 'expired'), 400);
    const email = String(form?.get('username') ?? '');
    const user = findUser(email, String(form?.get('password') ?? ''));
    if (!user) {
      return html(
        renderLoginPage({ action: `${issuer}/auth`, rid, locale: request.locale, error: 'invalid', email }),
        401,
      );
    }
    pending.delete(rid);
    const session: TSession = {
      sid: random(),
      user,
      authTime: nowSeconds(),
      lastSeen: nowSeconds(),
      refreshJti: null,
    };
    sessions.set(session.sid, session);
    return redirectWith(
      request,
      { code: codeFor(request, session), session_state: session.sid },
      sessionCookie(session.sid, ssoMax),
    );
  }

  async function token(req: Request): Promise<Response> {
    if (req.method !== 'POST') return oauthError('invalid_request', 'POST only', 405);
    const form = await req.formData().catch(() => null);
    const get = (k: string) => {
      const v = form?.get(k);
      return typeof v === 'string' ? v : '';
    };
    const clientId = get('client_id');
    if (!clients.some((c) => c.clientId === clientId))
      return oauthError('invalid_client', 'unknown client', 401);
    const grant = get('grant_type');
    if (grant === 'authorization_code') {
      const entry = codes.get(get('code'));
      codes.delete(get('code')); // single use, whatever happens next
      if (!entry || entry.expiresAt < Date.now())
        return oauthError('invalid_grant', 'code invalid or expired');
      if (entry.clientId !== clientId || entry.redirectUri !== get('redirect_uri'))
        return oauthError('invalid_grant', 'client or redirect_uri mismatch');
      const challenge = createHash('sha256').update(get('code_verifier')).digest('base64url');
      if (challenge !== entry.codeChallenge) return oauthError('invalid_grant', 'PKCE verification failed');
      const session = sessions.get(entry.sid);
      if (!session || !sessionAlive(session)) return oauthError('invalid_grant', 'session ended');
      return json(await tokensFor(session, clientId, entry.nonce));
    }
    if (grant === 'refresh_token') {
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(get('refresh_token'), jwks, { issuer, audience: issuer }));
      } catch {
        return oauthError('invalid_grant', 'refresh token invalid or expired');
      }
      const session = typeof claims.sid === 'string' ? sessions.get(claims.sid) : undefined;
      if (claims.typ !== 'Refresh' || !session || !sessionAlive(session) || claims.azp !== clientId)
        return oauthError('invalid_grant', 'session ended');
      if (claims.rjti !== session.refreshJti) {
        // A rotated-out refresh token came back: stolen or replayed. End the session (as Keycloak does).
        sessions.delete(session.sid);
        return oauthError('invalid_grant', 'refresh token reused');
      }
      return json(await tokensFor(session, clientId, null));
    }
    return oauthError('unsupported_grant_type', `grant_type ${grant || '(none)'} is not supported`);
  }

  async function logout(req: Request, url: URL): Promise<Response> {
    const params =
      req.method === 'POST' ? new URLSearchParams(await req.text().catch(() => '')) : url.searchParams;
    const session = sessionOf(req);
    if (session) sessions.delete(session.sid);
    const hint = params.get('id_token_hint');
    if (hint) {
      const claims = await jwtVerify(hint, jwks, { issuer }).then(
        (r) => r.payload,
        () => null,
      );
      if (typeof claims?.sid === 'string') sessions.delete(claims.sid);
    }
    const target = params.get('post_logout_redirect_uri');
    const clientId = params.get('client_id') ?? PORTAL_AUDIENCE;
    const headers = new Headers({ 'cache-control': 'no-store' });
    headers.append('set-cookie', sessionCookie(null, 0));
    if (target && redirectAllowed(clientId, target)) {
      headers.set('location', target);
      return new Response(null, { status: 302, headers });
    }
    return html(renderMessagePage(params.get('ui_locales'), 'signedOut'), 200, Object.fromEntries(headers));
  }

  async function handle(req: Request): Promise<Response> {
    if (!issuerUrl) return new Response('not found', { status: 404 });
    sweep();
    const url = new URL(req.url);
    const base = issuerUrl.pathname.replace(/\/+$/, '');
    if (!url.pathname.startsWith(`${base}/`)) return new Response('not found', { status: 404 });
    switch (url.pathname.slice(base.length)) {
      case '/.well-known/openid-configuration':
        return discovery();
      case '/certs':
        return json({ keys: [{ ...publicJwk, use: 'sig' }] });
      case '/auth':
        return authorize(req, url);
      case '/token':
        return token(req);
      case '/logout':
        return logout(req, url);
      default:
        return new Response('not found', { status: 404 });
    }
  }

  return {
    issuer,
    verify,
    issue: (identity, ttlSeconds) => issue(identity, ttlSeconds),
    handle,
    async signIn(email, password) {
      const user = findUser(email, password);
      return user ? issue(identityOf(user)) : null;
    },
  };
}
