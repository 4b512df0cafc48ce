/**
 * Security headers and request hygiene of the running portal: a nonce CSP that the pages live with (no violation
 * while signing in and working), no framing, HSTS-ready headers; the silent check-sso page framed by us only;
 * cookie routes refusing cross-site calls; the audit trail taking the TCP peer's address, not a forged header.
 */
import { DEMO_PASSWORD } from '@ingot/auth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchChromium, signIn } from './browser.ts';

describe('security headers and request hygiene', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends a nonce CSP without framing on pages, allowing only the identity server besides itself', async () => {
    const res = await page.goto(`${BASE_URL}/sign-in`);
    const h = res?.headers() ?? {};
    const csp = h['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    const issuer = process.env.KEYCLOAK_URL ? new URL(process.env.KEYCLOAK_URL).origin : '';
    expect(csp).toContain(`connect-src 'self'${issuer ? ` ${issuer}` : ''}`);
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // Each response its own nonce.
    const again = (await page.request.get(`${BASE_URL}/sign-in`)).headers()['content-security-policy'];
    expect(again).not.toBe(csp);
  });

  it('lives with its CSP: signing in and working raise no violation', async () => {
    await signIn(page, 'admin@east-china-al.demo', DEMO_PASSWORD);
    await page.waitForURL(/\/plants$/);
    await page.getByTestId('plant-RP').getByTestId('plant-link').click();
    await page.getByTestId('tree').waitFor();
    await page.goto(`${BASE_URL}/audit`);
    await page.getByTestId('audit-table').waitFor();
    await page.reload(); // the silent check-sso frame runs again
    await page.getByTestId('audit-table').waitFor();
    expect(violations).toEqual([]);
  });

  it('lets only our own pages frame the silent check-sso page, which runs one hashed script', async () => {
    const res = await page.request.get(`${BASE_URL}/silent-check-sso.html`);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(res.headers()['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses cross-site calls to the cookie routes', async () => {
    for (const [url, init] of [
      [`${BASE_URL}/api/auth/session`, { data: { accessToken: 'x'.repeat(40) } }],
      [`${BASE_URL}/api/audit/export`, { form: { action: 'plant' } }],
    ] as const) {
      const res = await page.request.post(url, { ...init, headers: { origin: 'https://evil.example' } });
      expect(res.status(), url).toBe(403);
    }
    const del = await page.request.delete(`${BASE_URL}/api/auth/session`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(del.status()).toBe(403);
  });

  it('records the TCP peer as the source address, not a forged X-Forwarded-For', async () => {
    const code = `SEC-${Date.now().toString(36).toUpperCase()}`;
    const res = await page.request.post(`${BASE_URL}/api/trpc/plant.create`, {
      data: { json: { code, name: '安全测试厂' } },
      headers: { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' },
    });
    expect(res.status()).toBe(200);
    const input = encodeURIComponent(
      JSON.stringify({ json: { filter: { action: 'plant.create' }, limit: 5 } }),
    );
    const list = await page.request.get(`${BASE_URL}/api/trpc/audit.list?input=${input}`);
    const items = (await list.json()).result.data.json.items as Array<{
      details: { code?: string };
      sourceIp: string;
    }>;
    const row = items.find((e) => e.details.code === code);
    expect(row?.sourceIp).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
