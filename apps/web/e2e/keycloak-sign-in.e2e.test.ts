/**
 * Browser sign-in against the real Keycloak (the e2e portal runs with KEYCLOAK_URL): the portal sends people to
 * Keycloak's login page (keycloak-js, code flow + PKCE) and back; tokens refresh silently; sign-out and idle
 * sign-out end the Keycloak session too; five wrong passwords lock the account; a tenant administrator is made to
 * enrol a second factor before reaching the portal. Test users are created through the admin API and removed.
 */
import { createKeycloakAdmin, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@ingot/auth';
import {
  createRealmTestUser,
  readKeycloakTestEnv,
  signInWithLoginForm,
  type TRealmTestUser,
} from '@ingot/auth/test-support';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, fillIssuerLogin, launchChromium, nextTotpCode, signIn, signOut } from './browser.ts';

const env = readKeycloakTestEnv();
const admin = createKeycloakAdmin({
  baseUrl: env.baseUrl,
  credentials: { kind: 'password', username: env.adminUsername, password: env.adminPassword },
});
const users: TRealmTestUser[] = [];
/** Accounts the portal created through invites (removed afterwards too). */
const invited: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo tenant admin's API, with a real Keycloak token (code flow + TOTP), to add members for the tests. */
async function addMember(email: string, roles: string[]): Promise<void> {
  const login = await signInWithLoginForm({
    baseUrl: env.baseUrl,
    username: 'admin@east-china-al.demo',
    password: DEMO_PASSWORD,
  });
  if (login.kind !== 'otp')
    throw new Error(`demo admin sign-in: expected the TOTP prompt, got ${login.kind}`);
  const done = await login.submit(
    await nextTotpCode('admin@east-china-al.demo', Buffer.from(DEMO_TOTP_SECRET)),
  );
  if (done.kind !== 'signed-in') throw new Error(`demo admin TOTP refused: ${done.kind}`);
  const res = await fetch(`${BASE_URL}/api/trpc/member.add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${done.tokens.access_token}` },
    body: JSON.stringify({ json: { email, displayName: email.split('@')[0], roles, plantIds: [] } }),
  });
  if (!res.ok) throw new Error(`member.add ${email}: HTTP ${res.status} ${await res.text()}`);
}

async function newUser(prefix: string, realmRoles: string[], dbRoles: string[]): Promise<TRealmTestUser> {
  const u = await createRealmTestUser(admin, {
    prefix: `e2e-${prefix}`,
    name: `测试 ${prefix}`,
    roles: realmRoles,
  });
  users.push(u);
  if (dbRoles.length > 0) await addMember(u.email, dbRoles);
  return u;
}

const sessionsOf = async (u: TRealmTestUser) => (await admin.users.listSessions({ id: u.id })).length;

describe('sign-in with Keycloak', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let planner: TRealmTestUser;

  beforeAll(async () => {
    browser = await launchChromium();
    planner = await newUser('planner', ['planner'], ['planner']);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all(users.map((u) => u.remove()));
    for (const email of invited) {
      const [u] = await admin.users.find({ email, exact: true });
      if (u?.id) await admin.users.del({ id: u.id });
    }
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page = await context.newPage();
    // A controllable clock (running at normal speed) for the refresh and idle tests.
    await page.clock.install();
    return page;
  }

  it('signs in through the real Keycloak login page (code flow with PKCE) and keeps the session across a reload', async () => {
    await freshPage();
    await page.goto(`${BASE_URL}/plants`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#kc-form-login').waitFor();
    const login = new URL(page.url());
    expect(login.origin).toBe(new URL(env.baseUrl).origin);
    expect(login.pathname).toBe('/realms/ingot/protocol/openid-connect/auth');
    expect(login.searchParams.get('client_id')).toBe('ingot-portal');
    expect(login.searchParams.get('code_challenge_method')).toBe('S256');
    expect(login.searchParams.get('ui_locales')).toBe('zh-Hans');
    await fillIssuerLogin(page, planner.email, planner.password, null);
    await page.waitForURL(/\/plants$/);
    await page.getByTestId('plant-RP').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('测试 planner');

    // The silent check-sso done (tokens back in keycloak-js, mirrored to the cookie) before the clock moves on.
    const restored = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/session') && r.request().method() === 'POST',
    );
    await page.reload();
    await restored;
    await page.getByTestId('plant-RP').waitFor();
    expect(new URL(page.url()).pathname).toBe('/plants');
  });

  it('refreshes the access token silently before it expires, and the API keeps answering', async () => {
    const refreshed = page.waitForRequest(
      (r) =>
        r.url().endsWith('/protocol/openid-connect/token') &&
        (r.postData() ?? '').includes('grant_type=refresh_token'),
    );
    const republished = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/session') && r.request().method() === 'POST',
    );
    // 4 minutes 30 on: the 5-minute access token has less than a minute left.
    await page.clock.fastForward('04:30');
    await page.mouse.move(10, 10);
    await refreshed;
    expect((await republished).status()).toBe(204);
    await page.getByRole('link', { name: '工厂' }).click();
    await page.getByTestId('plant-RP').waitFor();
  });

  it('signs out at Keycloak too: back on sign-in, the portal closed, the next sign-in asks for the password', async () => {
    expect(await sessionsOf(planner)).toBeGreaterThan(0);
    await signOut(page);
    expect(await page.getByTestId('sign-in-reason').getAttribute('data-reason')).toBe('signed-out');
    expect(await sessionsOf(planner)).toBe(0);
    await page.goto(`${BASE_URL}/plants`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#kc-form-login').waitFor();
  });

  it('signs an idle user out after 30 minutes without activity, at Keycloak too', async () => {
    await freshPage();
    await signIn(page, planner.email, planner.password);
    await page.waitForURL(/\/plants$/);
    expect(await sessionsOf(planner)).toBe(1);
    await page.clock.fastForward('31:00');
    await page.waitForURL(/\/sign-in\?reason=idle$/);
    expect(await page.getByTestId('sign-in-reason').textContent()).toContain('30 分钟');
    expect(await sessionsOf(planner)).toBe(0);
  });

  it('locks the account after five wrong passwords on the login page: the right one is then refused too', async () => {
    const victim = await newUser('lockout', ['operator'], []);
    await freshPage();
    await page.goto(`${BASE_URL}/sign-in`);
    await page.getByTestId('sign-in-submit').click();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await sleep(1_100); // slower than Keycloak's quick-retry guard (1 s): the count locks, not the guard
      await page.locator('#username').fill(victim.email);
      await page.locator('#password').fill(`Wrong-Passw0rd-${attempt}`);
      await page.locator('#kc-login').click();
      await page.locator('#input-error-username').waitFor();
    }
    expect(await admin.attackDetection.findOne({ id: victim.id })).toMatchObject({
      disabled: true,
      numFailures: 5,
    });
    await page.locator('#username').fill(victim.email);
    await page.locator('#password').fill(victim.password);
    await page.locator('#kc-login').click();
    await page.locator('#input-error-username').waitFor();
    expect(page.url().startsWith(env.baseUrl)).toBe(true);
  });

  it('makes a tenant administrator enrol a second factor before the portal opens', async () => {
    const tenantAdmin = await newUser('tenant-admin', ['tenant-admin'], ['tenant_admin']);
    await freshPage();
    await page.goto(`${BASE_URL}/sign-in`);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#username').fill(tenantAdmin.email);
    await page.locator('#password').fill(tenantAdmin.password);
    await page.locator('#kc-login').click();
    // Keycloak's enrolment page, not the portal.
    await page.locator('#kc-totp-settings-form').waitFor();
    expect(page.url().startsWith(env.baseUrl)).toBe(true);
    // "Unable to scan?": the key as an authenticator app would take it.
    await page.locator('#mode-manual').click();
    const key = ((await page.locator('#kc-totp-secret-key').textContent()) ?? '').replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]+$/);
    await page.locator('#totp').fill(await nextTotpCode(tenantAdmin.email, key));
    await page.locator('#userLabel').fill('e2e phone');
    await page.locator('#saveTOTPBtn').click();
    await page.waitForURL(/\/plants$/);
    const creds = await admin.users.getCredentials({ id: tenantAdmin.id });
    expect(creds.map((c) => c.type)).toContain('otp');

    // From now on the code is asked at every sign-in.
    await signOut(page);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#username').fill(tenantAdmin.email);
    await page.locator('#password').fill(tenantAdmin.password);
    await page.locator('#kc-login').click();
    await page.locator('#otp').waitFor();
    await page.locator('#otp').fill(await nextTotpCode(tenantAdmin.email, key));
    await page.locator('#kc-login').click();
    await page.waitForURL(/\/plants$/);
  });

  it('lets a tenant admin invite a member in the portal; the person signs in with the temporary password and sets their own', async () => {
    const email = `e2e-invite-${Date.now().toString(36)}@test.ingot.cn`;
    invited.push(email);
    await freshPage();
    await signIn(page, 'admin@east-china-al.demo', DEMO_PASSWORD);
    await page.goto(`${BASE_URL}/members`);
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-email').fill(email);
    await page.getByTestId('member-name').fill('邀请测试');
    await page.getByTestId('member-form').getByLabel('计划员').check();
    await page.getByTestId('member-submit').click();
    const temporary = (await page.getByTestId('member-temporary-password').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    const [account] = await admin.users.find({ email, exact: true });
    expect(account).toMatchObject({ email, emailVerified: true, requiredActions: ['UPDATE_PASSWORD'] });

    await signOut(page);
    await page.getByTestId('sign-in-submit').click();
    await page.locator('#username').fill(email);
    await page.locator('#password').fill(temporary);
    await page.locator('#kc-login').click();
    // Keycloak's "update password" page: the realm's policy applies to the new one.
    await page.locator('#password-new').fill('weak');
    await page.locator('#password-confirm').fill('weak');
    await page.locator('#kc-passwd-update-form [type=submit]').click();
    expect(await page.locator('.pf-m-danger .kc-feedback-text').textContent()).toContain('无效的密码');
    const own = `Own-${Date.now().toString(36)}-Pw1!`;
    await page.locator('#password-new').fill(own);
    await page.locator('#password-confirm').fill(own);
    await page.locator('#kc-passwd-update-form [type=submit]').click();
    await page.waitForURL(/\/plants$/);
    expect(await page.getByTestId('user-menu').textContent()).toContain('邀请测试');
  });
});
