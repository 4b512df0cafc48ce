/**
 * Issue 6's lab flow in a browser: an operator finishes a cold-rolling operation at its machine -> the matching
 * inspection plan raises a lab request, which appears on the lab work list -> the sample label PDF downloads (a
 * PDF) -> the sample is received by typing its number into the scan box + Enter (what a barcode scanner does) ->
 * results entered in the grid, thickness out of spec -> the report fails and a nonconformance opens with the lot on
 * hold -> concession with the customer's reference -> the report is approved for release. Then the same coil ships
 * on its order for C-CAN, the certificate is issued from the shipment on /certificates, the customer's partner user
 * (buyer@suzhou-can.demo) downloads its PDF, and the verification URL the PDF's QR code encodes opens without a
 * session: valid, with the concession on it.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLabFlowFixture } from '../../../packages/api/src/test-support/quality-fixtures.ts';
import {
  BASE_URL,
  E2E_PASSWORD,
  e2eDatabase,
  launchChromium,
  signIn,
  TrpcCallError,
  trpcMutation,
  trpcQuery,
} from './browser.ts';

const run = Date.now().toString(36).toUpperCase();

describe('lab flow', () => {
  let db: Db;
  let fixture: Awaited<ReturnType<typeof seedLabFlowFixture>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requestUrl = '';
  let sampleNo = '';
  let orderId = '';
  let orderLineId = '';
  let lot = { id: '', lotNo: '' };
  let shipmentNo = '';
  let certId = '';
  let certNo = '';
  let verifyUrl = '';
  let contentHash = '';

  beforeAll(async () => {
    db = e2eDatabase();
    fixture = await seedLabFlowFixture(db, `E2ELAB${run}`);
    // The fixture's order is for its own customer; the must-show certifies it for C-CAN, whose buyer is the demo
    // customer organisation's partner user. Set before anything is produced, as if it had been entered so.
    const tenantId = tenantIdForSlug('east-china-al');
    await withTenant(db, { tenantId }, async (tx) => {
      const customer = await tx.customer.findFirstOrThrow({ where: { tenantId, code: 'C-CAN' } });
      const order = await tx.salesOrder.findFirstOrThrow({
        where: { tenantId, orderNo: `SO-E2ELAB${run}` },
        include: { lines: true },
      });
      await tx.salesOrder.update({ where: { id: order.id }, data: { customerId: customer.id } });
      orderId = order.id;
      orderLineId = order.lines[0]?.id ?? '';
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await signIn(page, 'admin@east-china-al.demo', E2E_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await db?.close();
  });

  it('finishing the operation at the shop floor raises the lab request', async () => {
    const { plantId, equipmentId, workOrderNo, seq } = fixture;
    await page.goto(`${BASE_URL}/shop-floor?plant=${plantId}&equipment=${equipmentId}`);
    const item = page.getByTestId(`queue-item-${workOrderNo}-${seq}`);
    await item.waitFor({ timeout: 30_000 });
    await item.getByTestId('start-operation').click();
    const running = page.getByTestId('sf-in-progress').getByTestId(`queue-item-${workOrderNo}-${seq}`);
    await running.waitFor({ timeout: 30_000 });
    await running.getByTestId('report-good').fill('7.8');
    await running.getByTestId('report-scrap').fill('0');
    await running.getByTestId('report-submit').click();
    await page.locator(`[data-testid="queue-item-${workOrderNo}-${seq}"][data-good-t="7.8"]`).waitFor();
    await running.getByTestId('finish-operation').click();
    await page.getByTestId('finish-submit').click();
    await running.waitFor({ state: 'detached', timeout: 30_000 });

    await page.goto(`${BASE_URL}/quality/lab`);
    const row = page.locator('[data-testid^="lab-row-"]', { hasText: fixture.planCode });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.chip').first().getAttribute('data-status')).toBe('requested');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/quality\/lab\/[0-9a-f-]{36}$/);
    requestUrl = page.url();
    const cell = page.locator('[data-testid^="cell-thickness-"]').first();
    await cell.waitFor();
    sampleNo = ((await cell.getAttribute('data-testid')) ?? '').replace('cell-thickness-', '');
    expect(sampleNo).toMatch(/^QI-RP-\d{4}-\d{4}-S1$/);
  });

  it('downloads the sample label PDF', async () => {
    const href = await page.getByTestId('labels-pdf').getAttribute('href');
    expect(href).toMatch(/^\/api\/lab\/labels\//);
    const res = await context.request.get(`${BASE_URL}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const body = await res.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('receives the sample by typing its number into the scan box', async () => {
    await page.goto(`${BASE_URL}/quality/lab`);
    const scan = page.getByTestId('scan-input');
    await scan.waitFor();
    await scan.pressSequentially(sampleNo, { delay: 15 });
    await scan.press('Enter');
    await page.getByTestId('scan-ok').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('scan-ok').textContent()).toContain(sampleNo);
  });

  it('results with thickness out of spec fail the report and open a nonconformance', async () => {
    await page.goto(requestUrl);
    await page.getByTestId(`result-thickness-${sampleNo}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('request-status').getAttribute('data-status')).toBe('received');
    await page.getByTestId(`result-thickness-${sampleNo}`).fill('1.061');
    await page.getByTestId(`result-flatness-${sampleNo}`).fill('6');
    await page.getByTestId(`result-tensile_strength-${sampleNo}`).fill('162');
    await page.getByTestId('save-results').click();
    await page.locator('[data-testid="request-verdict"][data-verdict="fail"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`verdict-thickness-${sampleNo}`).getAttribute('data-verdict')).toBe('fail');
    expect(await page.getByTestId(`verdict-flatness-${sampleNo}`).getAttribute('data-verdict')).toBe('pass');
    expect(await page.getByTestId('request-lot-status').getAttribute('data-status')).toBe('on_hold');
  });

  it('a concession with the customer reference releases the lot', async () => {
    await page.getByTestId('nc-link-thickness').click();
    await page.waitForURL(/\/quality\/nonconformances\/[0-9a-f-]{36}$/);
    await page.getByTestId('disposition-form').waitFor();
    expect(await page.getByTestId('nc-lot-status').getAttribute('data-status')).toBe('on_hold');
    expect(await page.getByTestId('nc-description').textContent()).toContain('1.061');
    await page.getByTestId('disposition-choice').selectOption('concession');
    await page.getByTestId('concession-ref').fill(`FX-DEV-${run}`);
    await page.getByTestId('disposition-save').click();
    await page.locator('[data-testid="nc-status"][data-status="dispositioned"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('nc-lot-status').getAttribute('data-status')).toBe('released');
    expect(await page.getByTestId('nc-disposition').textContent()).toContain(`FX-DEV-${run}`);
  });
  it('the quality engineer approves the failed report for release: the concession allows it', async () => {
    await page.goto(requestUrl);
    await page.getByTestId('approve-release').click();
    await page.locator('[data-testid="request-status"][data-status="approved"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('request-lot-status').getAttribute('data-status')).toBe('released');
    const requestId = requestUrl.split('/').at(-1) ?? '';
    const request = await trpcQuery<{ lot: { id: string; lotNo: string } }>(page, 'lab.get', {
      id: requestId,
    });
    lot = { id: request.lot.id, lotNo: request.lot.lotNo };
    expect(lot.lotNo).not.toBe('');
  });

  it('ships the coil on its order for C-CAN', async () => {
    // The order follows production (planned -> in production -> quality release) through the order workflow when
    // it runs; the rest of the way to "ready" is the planner's order.advance, one step at a time.
    const flow = ['planned', 'in_production', 'quality_release', 'ready'];
    for (let i = 0; i < 10; i++) {
      const order = await trpcQuery<{ status: string; customer: { code: string } }>(page, 'order.get', {
        id: orderId,
      });
      expect(order.customer.code).toBe('C-CAN');
      if (order.status === 'ready') break;
      const next = flow[flow.indexOf(order.status) + 1];
      expect(next, `order status ${order.status}`).toBeDefined();
      try {
        await trpcMutation(page, 'order.advance', {
          id: orderId,
          toStatus: next,
          reason: 'e2e: ready to ship',
        });
      } catch (e) {
        // The order workflow may have moved it meanwhile: read it again.
        if (!(e instanceof TrpcCallError && e.code === 'CONFLICT')) throw e;
      }
    }
    const shipped = await trpcMutation<{
      shipments: Array<{ shipmentNo: string; lines: Array<{ lotId: string | null }> }>;
    }>(page, 'order.ship', {
      orderId,
      carrier: '苏州顺达物流',
      vehicleNo: '苏E·12345',
      lines: [{ lineId: orderLineId, quantity: 7.8, lotId: lot.id }],
    });
    const shipment = shipped.shipments.at(-1);
    expect(shipment?.lines.map((l) => l.lotId)).toEqual([lot.id]);
    shipmentNo = shipment?.shipmentNo ?? '';
    expect(shipmentNo).toBe(`SO-E2ELAB${run}-S1`);
  });

  it('issues the certificate of that shipment on /certificates', async () => {
    await page.goto(`${BASE_URL}/certificates`);
    await page.getByTestId('cert-issue-panel').waitFor();
    await page.getByTestId('cert-shipment-search').fill(shipmentNo);
    await page.getByTestId('cert-shipment-search').press('Enter');
    await page.getByTestId(`cert-issue-${shipmentNo}`).click();
    const notice = page.getByTestId('cert-notice');
    await notice.waitFor();
    certNo = (await notice.textContent())?.match(/MTC-\d{4}-\d{5}/)?.[0] ?? '';
    expect(certNo).toMatch(/^MTC-\d{4}-\d{5}$/);
    expect(await page.getByTestId(`cert-status-${certNo}`).getAttribute('class')).toMatch(/valid/);
  });

  it("the customer's partner user downloads the certificate PDF and reads its verification URL", async () => {
    const buyerContext = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      locale: 'zh-CN',
    });
    try {
      const buyer = await buyerContext.newPage();
      await signIn(buyer, 'buyer@suzhou-can.demo', E2E_PASSWORD);
      await buyer.goto(`${BASE_URL}/certificates`);
      await buyer.getByTestId(`cert-row-${certNo}`).waitFor({ timeout: 15_000 });
      const href = (await buyer.getByTestId(`cert-pdf-${certNo}`).getAttribute('href')) ?? '';
      const res = await buyer.request.get(`${BASE_URL}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const body = await res.body();
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(body.toString('latin1')).toContain(certNo);

      // The PDF route encodes `<portal origin>/verify/<verifyToken>` of certificate.get in the QR code (no public
      // URL is configured for the e2e portal); the row's verification link must be that same URL.
      certId = href.match(/\/api\/certificates\/([0-9a-f-]{36})\/pdf/)?.[1] ?? '';
      expect(certId).not.toBe('');
      const cert = await trpcQuery<{
        certNo: string;
        verifyToken: string;
        contentHash: string;
        content: {
          lots: Array<{ lotNo: string }>;
          concessions: Array<{ lotNo: string; ncNo: string; concessionRef: string }>;
        };
      }>(buyer, 'certificate.get', { id: certId });
      expect(cert.certNo).toBe(certNo);
      expect(cert.content.lots.map((l) => l.lotNo)).toEqual([lot.lotNo]);
      expect(cert.content.concessions).toEqual([
        expect.objectContaining({ lotNo: lot.lotNo, concessionRef: `FX-DEV-${run}` }),
      ]);
      contentHash = cert.contentHash;
      verifyUrl = `/verify/${cert.verifyToken}`;
      expect(verifyUrl).toMatch(/^\/verify\/[A-Za-z0-9_-]{22}$/);
      expect(await buyer.getByTestId(`cert-verify-${certNo}`).getAttribute('href')).toBe(verifyUrl);
    } finally {
      await buyerContext.close();
    }
  });

  it('the verification URL opens without signing in: valid, vouching for the content with the concession', async () => {
    const anonContext = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    try {
      const anon = await anonContext.newPage();
      await anon.goto(`${BASE_URL}${verifyUrl}`);
      await anon.getByTestId('verify-status').waitFor();
      expect(anon.url()).toBe(`${BASE_URL}${verifyUrl}`);
      expect(await anon.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
      expect(await anon.getByTestId('verify-cert-no').textContent()).toBe(certNo);
      const text = (await anon.textContent('main')) ?? '';
      expect(text).toContain(shipmentNo);
      expect(text).toContain(lot.lotNo);
      // The page vouches for the stored content by its hash (the content certificate.get showed) and lists the
      // concession the customer granted.
      expect(await anon.getByTestId('verify-hash').textContent()).toBe(contentHash);
      const concession = anon.locator('[data-testid^="verify-concession-"]');
      expect(await concession.count()).toBe(1);
      expect(await concession.textContent()).toContain(`FX-DEV-${run}`);
    } finally {
      await anonContext.close();
    }
  });
});
