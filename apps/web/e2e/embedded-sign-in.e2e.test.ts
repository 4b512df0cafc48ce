/**
 * The same browser sign-in code against the embedded issuer (`npm start` without KEYCLOAK_URL): this spec starts a
 * second portal on its own port with no Keycloak (PGlite in a temporary folder), and drives keycloak-js's generic
 * OIDC configuration through the embedded issuer's login page: sign-in, reload, silent refresh, sign-out, idle
 * sign-out, a wrong password.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '@ingot/auth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';

const PORT = Number(process.env.E2E_EMBEDDED_PORT ?? 3101);
const URL_ = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, '../../..');

async function startEmbeddedPortal(dir: string): Promise<ChildProcess> {
  const log = openSync(path.join(dir, 'server.log'), 'w');
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/web/server.ts'], {
    cwd: root,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // No Keycloak, no PostgreSQL, no Temporal: the embedded column.
      KEYCLOAK_URL: '',
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      TEMPORAL_ADDRESS: '',
      INGOT_PGLITE_DIR: path.join(dir, 'pglite'),
      INGOT_DATA_DIR: dir,
    },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${URL_}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(
    `embedded portal did not start:\n${readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-3000)}`,
  );
}

describe('sign-in with the embedded issuer (same keycloak-js code, generic OIDC)', () => {
  let dir: string;
  let server: ChildProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ingot-e2e-embedded-'));
    server = await startEmbeddedPortal(dir);
    browser = await launchChromium();
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.clock.install();
    return page;
  }

  async function toLoginPage() {
    await page.goto(`${URL_}/sign-in`);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#kc-form-login').waitFor();
  }

  it('refuses a wrong password on the issuer’s page', async () => {
    await freshPage();
    await toLoginPage();
    const login = new URL(page.url());
    expect(`${login.origin}${login.pathname}`).toBe(`${URL_}/oidc/auth`);
    expect(login.searchParams.get('code_challenge_method')).toBe('S256');
    await page.locator('#username').fill('admin@east-china-al.demo');
    await page.locator('#password').fill('wrong');
    await page.locator('#kc-login').click();
    expect(await page.locator('#input-error-username').textContent()).toBe('邮箱或密码错误。');
  });

  it('signs in with the code flow and PKCE, and keeps the session across a reload', async () => {
    await page.locator('#username').fill('admin@east-china-al.demo');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('#kc-login').click();
    await page.waitForURL(`${URL_}/plants`);
    await page.getByTestId('plant-RP').waitFor();
    // The silent check-sso done (tokens back in keycloak-js, mirrored to the cookie) before the clock moves on.
    const restored = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/session') && r.request().method() === 'POST',
    );
    await page.reload();
    await restored;
    await page.getByTestId('plant-RP').waitFor();
  });

  it('refreshes the access token silently', async () => {
    const refreshed = page.waitForRequest(
      (r) => r.url() === `${URL_}/oidc/token` && (r.postData() ?? '').includes('grant_type=refresh_token'),
    );
    const republished = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/session') && r.request().method() === 'POST',
    );
    await page.clock.fastForward('04:30');
    await page.mouse.move(20, 20);
    await refreshed;
    expect((await republished).status()).toBe(204);
    await page.getByRole('link', { name: '成员' }).click();
    await page.getByTestId('member-table').waitFor();
  });

  it('signs out at the issuer too: the next sign-in asks for the password again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${URL_}/sign-in?reason=signed-out`);
    await page.goto(`${URL_}/plants`);
    await page.waitForURL(`${URL_}/sign-in`);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#kc-form-login').waitFor();
  });

  it('signs an idle user out after 30 minutes without activity', async () => {
    await freshPage();
    await toLoginPage();
    await page.locator('#username').fill('planner@east-china-al.demo');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('#kc-login').click();
    await page.waitForURL(`${URL_}/plants`);
    await page.clock.fastForward('31:00');
    await page.waitForURL(`${URL_}/sign-in?reason=idle`);
    await page.getByTestId('sign-in-reason').waitFor();
  });

  it('rate-limits the login form: password guessing gets 429 with Retry-After', async () => {
    let status = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 25 && status !== 429; i++) {
      const res = await fetch(`${URL_}/oidc/auth`, {
        method: 'POST',
        body: new URLSearchParams({ rid: 'x', username: 'admin@east-china-al.demo', password: `guess-${i}` }),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
    }
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
