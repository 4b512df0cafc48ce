/**
 * Issue 6's certificate flow in a browser: a coil with approved lab results (chemistry on its cast ingot,
 * mechanical properties on the coil; written straight into the e2e database like the lab would) is shipped to
 * C-CAN; the quality staff issues the mill test certificate from the shipment on /certificates and downloads the
 * PDF (a PDF carrying the certificate number); the QR code's verification URL opens without signing in and says
 * valid; a tampered token shows the same "not found" as any unknown token; after a revoke the page says revoked,
 * with the reason.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedCertifiableShipment,
  type TCertifiableShipment,
} from '../../../packages/api/src/test-support/certificate-fixtures.ts';
import { BASE_URL, E2E_PASSWORD, e2eDatabase, launchChromium, signIn } from './browser.ts';

const run = Date.now().toString(36).toUpperCase();

describe('certificate flow', () => {
  let db: Db;
  let shipment: TCertifiableShipment;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let certNo = '';
  let verifyUrl = '';

  /** A fresh browser without any session: what a customer's goods receipt clerk scanning the QR code has. */
  async function anonymousPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    return { context, page: await context.newPage() };
  }

  beforeAll(async () => {
    db = e2eDatabase();
    shipment = await seedCertifiableShipment(db, 'east-china-al', {
      tag: `E2E${run}`,
      customerCode: 'C-CAN',
    });
    browser = await launchChromium();
    staff = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    page = await staff.newPage();
    await signIn(page, 'admin@east-china-al.demo', E2E_PASSWORD);
  });

  afterAll(async () => {
    await staff?.close();
    await browser?.close();
    await db?.close();
  });

  it('issues the certificate of a shipment from /certificates', async () => {
    await page.goto(`${BASE_URL}/certificates`);
    await page.getByTestId('cert-issue-panel').waitFor();
    await page.getByTestId('cert-shipment-search').fill(shipment.shipmentNo);
    await page.getByTestId('cert-shipment-search').press('Enter');
    await page.getByTestId(`cert-issue-${shipment.shipmentNo}`).click();
    const notice = page.getByTestId('cert-notice');
    await notice.waitFor();
    certNo = (await notice.textContent())?.match(/MTC-\d{4}-\d{5}/)?.[0] ?? '';
    expect(certNo).toMatch(/^MTC-\d{4}-\d{5}$/);
    expect(await page.getByTestId(`cert-status-${certNo}`).getAttribute('class')).toMatch(/valid/);
    verifyUrl = (await page.getByTestId(`cert-verify-${certNo}`).getAttribute('href')) ?? '';
    expect(verifyUrl).toMatch(/^\/verify\/[A-Za-z0-9_-]{22}$/);
  });

  it('downloads the certificate as a PDF carrying its number', async () => {
    const href = (await page.getByTestId(`cert-pdf-${certNo}`).getAttribute('href')) ?? '';
    const res = await page.request.get(`${BASE_URL}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const body = await res.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.toString('latin1')).toContain(certNo);
    // The verification URL of its QR code is this portal's.
    expect(body.length).toBeGreaterThan(20_000);
    // Not for anyone without a session.
    const { context, page: anon } = await anonymousPage();
    const refused = await anon.request.get(`${BASE_URL}${href}`);
    expect(refused.status()).toBe(401);
    await context.close();
  });

  it("lets the customer's partner user see only their certificate and download its PDF", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    const buyer = await context.newPage();
    await signIn(buyer, 'buyer@suzhou-can.demo', E2E_PASSWORD);
    // A partner starts on the first page its roles may read (orders), and the menu offers no plants page.
    await buyer.waitForURL(/\/orders(\?|$)/);
    expect(await buyer.locator('nav a[href="/plants"]').count()).toBe(0);
    expect(await buyer.locator('nav a[href="/certificates"]').count()).toBe(1);
    await buyer.goto(`${BASE_URL}/certificates`);
    await buyer.getByTestId('cert-table').waitFor();
    expect(await buyer.getByTestId('cert-issue-panel').count()).toBe(0);
    const rows = await buyer
      .locator('[data-testid^="cert-row-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    // Exactly the certificates of C-CAN's orders (other e2e flows may have issued some for C-CAN too), this one
    // among them; nothing of other customers.
    const tenantId = tenantIdForSlug('east-china-al');
    const ofCustomer = await withTenant(db, { tenantId }, (tx) =>
      tx.certificate.findMany({
        where: { tenantId, shipment: { order: { customer: { code: 'C-CAN' } } } },
        select: { certNo: true },
      }),
    );
    expect([...rows].sort()).toEqual(ofCustomer.map((c) => `cert-row-${c.certNo}`).sort());
    expect(rows).toContain(`cert-row-${certNo}`);
    const href = (await buyer.getByTestId(`cert-pdf-${certNo}`).getAttribute('href')) ?? '';
    const res = await buyer.request.get(`${BASE_URL}${href}`);
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.toString('latin1')).toContain(certNo);
    await context.close();
  });

  it('opens the verification URL without signing in: valid, with this certificate only', async () => {
    const { context, page: anon } = await anonymousPage();
    const res = await anon.goto(`${BASE_URL}${verifyUrl}`);
    expect(res?.headers()['x-robots-tag']).toContain('noindex');
    expect(res?.headers()['referrer-policy']).toBe('no-referrer');
    await anon.getByTestId('verify-status').waitFor();
    expect(await anon.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
    expect(await anon.getByTestId('verify-cert-no').textContent()).toBe(certNo);
    const text = (await anon.textContent('main')) ?? '';
    expect(text).toContain(shipment.shipmentNo);
    expect(text).toContain(shipment.coilLotNo);
    expect(text).toContain('有效证书');
    expect(anon.url()).toBe(`${BASE_URL}${verifyUrl}`);
    await context.close();
  });

  it('shows "not found" for a tampered token, exactly as for a malformed one', async () => {
    const token = verifyUrl.split('/').at(-1) ?? '';
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const { context, page: anon } = await anonymousPage();
    await anon.goto(`${BASE_URL}/verify/${tampered}`);
    await anon.getByTestId('verify-not-found').waitFor();
    const tamperedText = await anon.textContent('main');
    expect(tamperedText).not.toContain(certNo);
    await anon.goto(`${BASE_URL}/verify/not-a-token`);
    await anon.getByTestId('verify-not-found').waitFor();
    expect(await anon.textContent('main')).toBe(tamperedText);
    await context.close();
  });

  it('traces the coil from its heat number: ingot chemistry backward, shipment and certificate forward', async () => {
    await page.goto(`${BASE_URL}/quality/trace`);
    await page.getByTestId('trace-search').fill(shipment.heatNo);
    await page.getByTestId('trace-submit').click();
    await page.getByTestId(`trace-hit-${shipment.coilLotNo}`).click();
    const back = page.getByTestId(`trace-back-${shipment.ingotLotNo}`);
    await back.waitFor();
    expect(await back.textContent()).toContain('Mn 1.18');
    const fwd = page.getByTestId(`trace-fwd-${shipment.coilLotNo}`);
    await fwd.waitFor();
    const text = (await fwd.textContent()) ?? '';
    expect(text).toContain(shipment.shipmentNo);
    expect(text).toContain(certNo);
  });

  it('after a revoke the verification page says revoked, with the reason', async () => {
    await page.goto(`${BASE_URL}/certificates`);
    await page.getByTestId(`cert-revoke-${certNo}`).click();
    await page.getByTestId('cert-revoke-reason').fill(`客户要求重开 reissue ${run}`);
    await page.getByTestId('cert-revoke-submit').click();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="cert-status-${id}"]`)?.className.includes('revoked'),
      certNo,
    );
    const { context, page: anon } = await anonymousPage();
    await anon.goto(`${BASE_URL}${verifyUrl}`);
    await anon.getByTestId('verify-status').waitFor();
    expect(await anon.getByTestId('verify-status').getAttribute('data-status')).toBe('revoked');
    expect(await anon.getByTestId('verify-revoke-reason').textContent()).toContain(`reissue ${run}`);
    await context.close();
  });
});
