import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '@ingot/auth';
import { totp } from '@ingot/auth/test-support';
import { createDb, type Db } from '@ingot/db';
import {
  type APIResponse,
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import superjson from 'superjson';
import { expect } from 'vitest';

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

/** The demo users' password, unless the run names another (E2E_PASSWORD). */
export const E2E_PASSWORD = process.env.E2E_PASSWORD ?? DEMO_PASSWORD;

/** The e2e portal's database (scripts/e2e.mjs: TEST_DATABASE_URL with database ingot_e2e). */
export function e2eDatabase(): Db {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL missing: run infra/local/up');
  const u = new URL(url);
  u.pathname = '/ingot_e2e';
  return createDb({ kind: 'postgres', url: u.toString() });
}

/** Debian's Chromium, headless, with nothing phoning home (STACK-NOTES: never `npx playwright install`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A TOTP code the identity server has not seen for this user: codes are single-use (otpPolicyCodeReusable false)
 * and it accepts the previous and next 30 s period too, so each sign-in takes the next unused period (waiting when
 * three were used), remembered across spec files and runs in `.ingot/e2e-totp-used.json`.
 */
export async function nextTotpCode(user: string, secret: string | Buffer): Promise<string> {
  const file = path.resolve(import.meta.dirname, '../../../.ingot/e2e-totp-used.json');
  for (;;) {
    const used: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const now = Math.floor(Date.now() / 30_000);
    const counter = [now - 1, now, now + 1].find((c) => c > (used[user] ?? Number.NEGATIVE_INFINITY));
    if (counter !== undefined) {
      used[user] = counter;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(used));
      return totp(secret, counter * 30_000 + 1_000);
    }
    await sleep(30_000 - (Date.now() % 30_000) + 200);
  }
}

/** The demo administrators' second factor (the platform process seeds it into Keycloak). */
function demoTotpSecret(email: string): Buffer | null {
  const demo = DEMO_USERS.find((u) => u.email === email);
  return demo?.realmRoles.some((r) => r === 'tenant-admin' || r === 'platform-admin')
    ? Buffer.from(DEMO_TOTP_SECRET, 'utf8')
    : null;
}

const inPortal = (url: URL) =>
  url.origin === BASE_URL && !url.pathname.startsWith('/sign-in') && !url.pathname.startsWith('/auth/');

/**
 * Fills the identity server's login page (Keycloak's, or the embedded issuer's, which uses the same element ids)
 * and, when asked, the TOTP code. The page must be showing the login form.
 */
export async function fillIssuerLogin(
  page: Page,
  email: string,
  password: string,
  totpSecret: string | Buffer | null = demoTotpSecret(email),
): Promise<void> {
  await page.locator('#username').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  const landed = page.waitForURL(inPortal, { timeout: 30_000 });
  const otp = page.locator('#otp');
  const next = await Promise.race([landed.then(() => 'portal'), otp.waitFor().then(() => 'otp')]);
  if (next === 'otp') {
    if (!totpSecret)
      throw new Error(`${email}: the identity server asks for a TOTP code and no secret is known`);
    await otp.fill(await nextTotpCode(email, totpSecret));
    await page.locator('#kc-login').click();
    await landed;
  }
}

/** Signs in from the portal's sign-in page through the identity server's login page; back in the portal. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  opts: { totpSecret?: string | Buffer | null } = {},
): Promise<void> {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByTestId('sign-in-submit').click();
  await page.locator('#username').waitFor();
  await fillIssuerLogin(
    page,
    email,
    password,
    opts.totpSecret === undefined ? demoTotpSecret(email) : opts.totpSecret,
  );
  await page.waitForLoadState('networkidle');
}

/**
 * A fresh context (1360x900, locale zh-CN) signed in as `email` with E2E_PASSWORD, the portal switched to
 * Chinese.
 */
export async function signedInPage(
  browser: Browser,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, email, E2E_PASSWORD);
  await page.getByTestId('lang-zh-CN').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  return { context, page };
}

/**
 * Chooses the option of a <select> whose text starts with `prefix` (codes lead every option), once the options
 * have loaded. It polls because the <select> is on the page before its options are: they come from a query the
 * page answers later, and choosing at once would find no such option. It polls every 500 ms for up to a minute (the
 * longest wait the alarms and telemetry specs needed), re-reading the options each time.
 */
export async function chooseOption(select: Locator, prefix: string): Promise<void> {
  await expect
    .poll(
      () =>
        select.evaluate(
          (el, p) => [...(el as HTMLSelectElement).options].some((o) => o.text.startsWith(p)),
          prefix,
        ),
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  const value = await select.evaluate(
    (el, p) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith(p))?.value ?? '',
    prefix,
  );
  await select.selectOption(value);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/sign-in\?reason=signed-out$/);
}

/** A tRPC error answered to `trpcQuery`/`trpcMutation`: the HTTP status, tRPC code and message. */
export class TrpcCallError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${path}: ${status} ${code ?? ''} ${message}`);
  }
}

async function trpcAnswer<T>(path: string, res: APIResponse): Promise<T> {
  const body = await res.json();
  if (body.error) {
    throw new TrpcCallError(path, res.status(), body.error.json?.data?.code, body.error.json?.message ?? '');
  }
  return superjson.deserialize(body.result.data) as T;
}

/** One tRPC query with the page's session cookie (a plain GET, superjson on the wire, as the portal sends it). */
export async function trpcQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  return trpcAnswer<T>(path, await page.request.get(`${BASE_URL}/api/trpc/${path}${query}`));
}

/** One tRPC mutation with the page's session cookie (POST, superjson body). */
export async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  return trpcAnswer<T>(
    path,
    await page.request.post(`${BASE_URL}/api/trpc/${path}`, { data: superjson.serialize(input) }),
  );
}
