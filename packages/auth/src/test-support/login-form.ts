import { createHash, randomBytes } from 'node:crypto';
import { INGOT_REALM, keycloakIssuer, PORTAL_CLIENT_ID } from '../keycloak/keycloak-settings.ts';
import { totp } from './totp.ts';

export interface TTokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
}

export type TLoginResult =
  | { kind: 'signed-in'; tokens: TTokenSet }
  /** The login form came back with an error (wrong password, locked account: Keycloak says the same). */
  | { kind: 'refused'; message: string }
  /** Keycloak demands TOTP enrolment (CONFIGURE_TOTP): `enrol()` answers with a code for `secret`. */
  | { kind: 'otp-enrolment'; secret: Buffer; enrol(code?: string): Promise<TLoginResult> }
  /** Keycloak asks for the one-time code of an enrolled authenticator. */
  | { kind: 'otp'; submit(code: string): Promise<TLoginResult> }
  | { kind: 'other'; status: number; html: string };

const decode = (s: string) => s.replaceAll('&amp;', '&');

/**
 * Signs in through the realm's real login page without a browser: the authorization code flow with PKCE of the
 * portal client, as a browser would run it (cookies kept, forms posted), ending with the code exchanged for tokens.
 * The redirect URI is one the portal client allows; nothing needs to listen there (the code is read from the
 * Location header). Tests use it to get real tokens and to watch Keycloak's login policies act.
 */
export async function signInWithLoginForm(opts: {
  baseUrl: string;
  username: string;
  password: string;
  realm?: string;
  clientId?: string;
  redirectUri?: string;
}): Promise<TLoginResult> {
  const issuer = keycloakIssuer(opts.baseUrl, opts.realm ?? INGOT_REALM);
  const clientId = opts.clientId ?? PORTAL_CLIENT_ID;
  const redirectUri = opts.redirectUri ?? 'http://127.0.0.1:3100/auth/callback';
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(';')[0] ?? '';
      const i = kv.indexOf('=');
      if (i > 0) jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const verifier = randomBytes(32).toString('base64url');
  const auth = new URL(`${issuer}/protocol/openid-connect/auth`);
  for (const [k, v] of Object.entries({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ui_locales: 'en',
  })) {
    auth.searchParams.set(k, v);
  }

  /** Follows Keycloak-internal redirects; stops at the portal's redirect URI or at a page. */
  async function follow(first: Response): Promise<TLoginResult> {
    let res = first;
    keep(res);
    let location = res.headers.get('location');
    while (res.status >= 300 && res.status < 400 && location && !location.startsWith(redirectUri)) {
      res = await fetch(new URL(location, issuer), { redirect: 'manual', headers: { cookie: cookie() } });
      keep(res);
      location = res.headers.get('location');
    }
    if (location?.startsWith(redirectUri)) {
      const code = new URL(location).searchParams.get('code');
      if (!code)
        return { kind: 'refused', message: new URL(location).searchParams.get('error') ?? 'no code' };
      const token = await fetch(`${issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      });
      const json = (await token.json()) as TTokenSet & { error?: string };
      if (!token.ok) return { kind: 'refused', message: json.error ?? `token endpoint HTTP ${token.status}` };
      return { kind: 'signed-in', tokens: json };
    }
    return page(res.status, await res.text());
  }

  const post = async (action: string, fields: Record<string, string>) =>
    follow(
      await fetch(action, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    );

  function page(status: number, html: string): TLoginResult {
    const formAction = (id: string) => {
      const tag = new RegExp(`<form[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
      const action = tag && /action="([^"]+)"/.exec(tag)?.[1];
      return action ? decode(action) : null;
    };
    const enrolAction = formAction('kc-totp-settings-form');
    if (enrolAction) {
      const raw = /name="totpSecret" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const secret = Buffer.from(decode(raw), 'utf8');
      return {
        kind: 'otp-enrolment',
        secret,
        enrol: (code = totp(secret)) =>
          post(enrolAction, { totp: code, totpSecret: decode(raw), userLabel: 'test' }),
      };
    }
    const otpAction = formAction('kc-otp-login-form');
    if (otpAction) return { kind: 'otp', submit: (code) => post(otpAction, { otp: code }) };
    const loginAction = formAction('kc-form-login');
    if (loginAction && state.submitted) {
      const message =
        /id="input-error-username"[^>]*>([\s\S]*?)<\/div>/
          .exec(html)?.[1]
          ?.replace(/<[^>]+>/g, '')
          .trim() || 'refused';
      return { kind: 'refused', message };
    }
    return { kind: 'other', status, html };
  }

  const state = { submitted: false };
  const first = await fetch(auth, { redirect: 'manual' });
  keep(first);
  const html = await first.text();
  const tag = /<form[^>]*id="kc-form-login"[^>]*>/.exec(html)?.[0];
  const action = tag && /action="([^"]+)"/.exec(tag)?.[1];
  if (!action) return { kind: 'other', status: first.status, html };
  state.submitted = true;
  return post(decode(action), { username: opts.username, password: opts.password, credentialId: '' });
}
