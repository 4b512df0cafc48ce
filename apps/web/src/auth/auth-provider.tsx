'use client';

import Keycloak from 'keycloak-js';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { issuerLocale, type TAuthConfig } from './auth-config.ts';

export type TAuthStatus = 'loading' | 'authenticated' | 'anonymous';
export type TSignOutReason = 'signed-out' | 'idle' | 'expired';

interface TAuthContext {
  status: TAuthStatus;
  config: TAuthConfig;
  /** Off to the issuer's login page; back at /auth/callback, then `next`. */
  signIn(next: string, locale: string): Promise<void>;
  /** Ends the portal session and the issuer's (end-session endpoint), then /sign-in?reason=... */
  signOut(reason?: TSignOutReason): Promise<void>;
  /** The session ended without the user asking (refresh refused, or no session at the issuer): to /sign-in. */
  expire(): Promise<void>;
}

const AuthContext = createContext<TAuthContext | null>(null);

/** The one keycloak-js instance of the page (tokens live in its memory only, never in storage). */
let keycloak: Keycloak | null = null;
let initialised: Promise<boolean> | null = null;

/**
 * A valid access token for API calls (refreshed when it has under 30 s left), or null when signed out — the tRPC
 * client sends it as a bearer token; without one the session cookie speaks.
 */
export async function freshAccessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    return null;
  }
  return keycloak.token ?? null;
}

let onUnauthorized: (() => void) | null = null;
/** The API said 401: the session is over (the tRPC client's error handler calls this). */
export function reportUnauthorized(): void {
  onUnauthorized?.();
}

async function publishSession(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const res = await fetch('/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessToken: token }),
  }).catch(() => null);
  return res?.ok ?? false;
}

const clearSession = () => fetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined);

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove', 'scroll'] as const;

/**
 * Browser sign-in with keycloak-js, the same code against Keycloak and the embedded issuer (generic OIDC
 * configuration): authorization code flow with PKCE S256; silent sign-in on page load (`check-sso` in a hidden
 * iframe); silent refresh (the refresh token, a minute before the access token expires, while the user is active);
 * the access token mirrored into an httpOnly cookie for server-rendered pages; idle sign-out; logout at the issuer.
 */
export function AuthProvider({ config, children }: { config: TAuthConfig; children: ReactNode }) {
  const [status, setStatus] = useState<TAuthStatus>('loading');
  const lastActivity = useRef(Date.now());
  const leaving = useRef(false);

  const goToSignIn = useCallback((reason: TSignOutReason) => {
    window.location.assign(`/sign-in?reason=${reason}`);
  }, []);

  const expire = useCallback(async () => {
    if (leaving.current) return;
    leaving.current = true;
    await clearSession();
    keycloak?.clearToken();
    goToSignIn('expired');
  }, [goToSignIn]);

  const signOut = useCallback(async (reason: TSignOutReason = 'signed-out') => {
    if (leaving.current) return;
    leaving.current = true;
    await clearSession();
    const back = `${window.location.origin}/sign-in?reason=${reason}`;
    if (keycloak?.authenticated) {
      await keycloak.logout({ redirectUri: back });
    } else {
      window.location.assign(back);
    }
  }, []);

  const signIn = useCallback(async (next: string, locale: string) => {
    if (!keycloak) return;
    const redirectUri = `${window.location.origin}/auth/callback?next=${encodeURIComponent(next)}`;
    await keycloak.login({ redirectUri, locale: issuerLocale(locale) });
  }, []);

  // Sign-in state on page load: the callback of a sign-in, or a silent check at the issuer.
  useEffect(() => {
    keycloak ??= new Keycloak({ clientId: config.clientId, oidcProvider: config.issuer });
    const kc = keycloak;
    kc.onAuthRefreshError = () => void expire();
    initialised ??= kc.init({
      onLoad: 'check-sso',
      pkceMethod: 'S256',
      responseMode: 'fragment',
      checkLoginIframe: false,
      silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
      enableLogging: false,
    });
    let cancelled = false;
    initialised
      .then(async (authenticated) => {
        if (authenticated) await publishSession(kc.token);
        if (!cancelled) setStatus(authenticated ? 'authenticated' : 'anonymous');
      })
      .catch(() => {
        if (!cancelled) setStatus('anonymous');
      });
    onUnauthorized = () => void expire();
    return () => {
      cancelled = true;
    };
  }, [config.clientId, config.issuer, expire]);

  // Activity, idle sign-out and silent refresh.
  useEffect(() => {
    if (status !== 'authenticated') return;
    const seen = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, seen, { passive: true });
    const tick = window.setInterval(() => {
      const kc = keycloak;
      if (!kc || leaving.current) return;
      if (Date.now() - lastActivity.current >= config.idleTimeoutSeconds * 1000) {
        void signOut('idle');
        return;
      }
      // Refresh only for an active user: an idle one is signed out above instead of kept alive.
      if (kc.isTokenExpired(60)) {
        kc.updateToken(60)
          .then((refreshed) => (refreshed ? publishSession(kc.token) : true))
          .catch(() => void expire());
      }
    }, 5_000);
    return () => {
      window.clearInterval(tick);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, seen);
    };
  }, [status, config.idleTimeoutSeconds, signOut, expire]);

  const value = useMemo(
    () => ({ status, config, signIn, signOut, expire }),
    [status, config, signIn, signOut, expire],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): TAuthContext {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
