/**
 * Mill test certificates end to end through the API: issue from approved results of a shipped coil and its cast
 * ingot (genealogy), the frozen content and its hash, verification by the random token through
 * app_certificate_by_token (valid -> revoked with the reason), refusal without approved results, audit rows, and
 * isolation: a customer's partner member lists and reads only its own customer's certificates, never another
 * customer's or another tenant's; wrong or malformed tokens find nothing. Traceability (lot.trace) from a heat
 * number to the certificate. PostgreSQL and PGlite.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { withTenant } from '@ingot/db';
import {
  canonicalJson,
  contentHashOf,
  DEMO_CUSTOMER_PARTNERS,
  seedDemoCustomerPartners,
  seedDemoTenant,
  verifyCertificateByToken,
} from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  seedCertifiableShipment,
  seedCustomerPartner,
  type TCertifiableShipment,
} from './test-support/certificate-fixtures.ts';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; field: string | null; message: string }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return {
      code: e.code,
      field: (e.cause as { field?: string } | undefined)?.field ?? null,
      message: e.message,
    };
  }
  throw new Error('expected the call to fail, it succeeded');
}

const BUYER = 'buyer@cert-customer.test';
const OTHER_BUYER = 'buyer@other-customer.test';

describeEachDatabase('certificates', (t) => {
  let admin: TCaller;
  let mine: TCertifiableShipment;
  let others: TCertifiableShipment;
  let untested: TCertifiableShipment;
  let jiangnan: TCertifiableShipment;
  let firstCustomerCode = '';
  const as = (email: string, slug = EAST, requestId = randomUUID()) =>
    callerFor(t.db, email, slug, { requestId });

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    admin = as(EAST_ADMIN);
    // C-CAN is left to the demo customer partner (seedDemoCustomerPartners, below).
    const customers = (await admin.masterData.customer.list({})).filter((c) => c.code !== 'C-CAN');
    const [c1, c2] = customers;
    if (!c1 || !c2) throw new Error('the demo seed has at least two customers');
    firstCustomerCode = c1.code;
    mine = await seedCertifiableShipment(t.db, EAST, { tag: 'MINE', customerCode: c1.code });
    others = await seedCertifiableShipment(t.db, EAST, { tag: 'OTHER', customerCode: c2.code });
    untested = await seedCertifiableShipment(t.db, EAST, {
      tag: 'UNTESTED',
      customerCode: c1.code,
      approved: false,
    });
    jiangnan = await seedCertifiableShipment(t.db, JIANGNAN, { tag: 'JN' });
    await seedCustomerPartner(t.db, EAST, { partnerSlug: 'cert-customer', email: BUYER, customerId: c1.id });
    await seedCustomerPartner(t.db, EAST, {
      partnerSlug: 'other-customer',
      email: OTHER_BUYER,
      customerId: c2.id,
    });
  });

  describe('issue, verify, revoke', () => {
    let certId = '';
    let token = '';

    it('issues a certificate whose frozen content carries the lots, chemistry per heat and mechanical results', async () => {
      const rid = randomUUID();
      const cert = await as(EAST_ADMIN, EAST, rid).certificate.issue({ shipmentId: mine.shipmentId });
      certId = cert.id;
      token = cert.verifyToken;
      expect(cert.certNo).toMatch(/^MTC-\d{4}-\d{5}$/);
      expect(cert.status).toBe('valid');
      expect(cert.verifyToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      // The token is random, not derived from any id or number.
      for (const id of [cert.id, mine.shipmentId, mine.coilLotId]) expect(id).not.toContain(cert.verifyToken);
      expect(cert.contentHash).toBe(contentHashOf(cert.content));
      const c = cert.content;
      expect(c.standard).toBe('EN 10204:2004 3.1');
      expect(c.shipment.shipmentNo).toBe(mine.shipmentNo);
      expect(c.order).toEqual({ orderNo: mine.orderNo, customerPo: 'PO-MINE' });
      expect(c.lots.map((l) => [l.lotNo, l.heatNo, l.castNo])).toEqual([
        [mine.coilLotNo, 'H-MINE', 'C-MINE'],
      ]);
      // Chemistry comes from the cast ingot (an ancestor), per heat, with its limits.
      expect(c.chemistry).toHaveLength(1);
      expect(c.chemistry[0]?.heatNo).toBe('H-MINE');
      expect(c.chemistry[0]?.sampleLotNo).toBe(mine.ingotLotNo);
      expect(c.chemistry[0]?.elements).toEqual([
        { element: 'Mn', value: 1.18, limit: { min: 1, max: 1.5 }, verdict: 'pass' },
        { element: 'Si', value: 0.21, limit: { min: null, max: 0.6 }, verdict: 'pass' },
      ]);
      expect(c.mechanical[0]?.properties.map((p) => [p.code, p.values, p.limit, p.verdict])).toEqual([
        ['tensile_strength', [152], { min: 140, max: 180 }, 'pass'],
        ['elongation', [6], { min: 2, max: null }, 'pass'],
      ]);
      expect(c.inspector.name).toContain('Wang Min');
      expect(c.issuer.name).toBe('华东铝业');
      const audit = await t.database.ownerQuery<{ action: string; target_id: string }>(
        'SELECT action, target_id FROM audit_event WHERE request_id = $1',
        [rid],
      );
      expect(audit).toEqual([{ action: 'certificate.issue', target_id: cert.id }]);
    });

    it('verifies by token through the public function: this certificate only, valid and intact', async () => {
      const v = await verifyCertificateByToken(t.db, token);
      expect(v?.certNo).toMatch(/^MTC-/);
      expect(v?.status).toBe('valid');
      expect(v?.intact).toBe(true);
      expect(v?.issuerName).toBe('华东铝业');
      expect(v?.content.shipment.shipmentNo).toBe(mine.shipmentNo);
      expect(canonicalJson(v?.content)).toBe(
        canonicalJson((await admin.certificate.get({ id: certId })).content),
      );
    });

    it('finds nothing for a wrong, tampered or malformed token', async () => {
      const tampered = `${token.slice(0, 21)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const bad of [
        tampered,
        randomBytes(16).toString('base64url'),
        '',
        'x',
        `${token}x`,
        "' OR 1=1 --",
      ])
        expect(await verifyCertificateByToken(t.db, bad)).toBeNull();
      // The SQL function itself answers nothing for short or unknown tokens, even called directly.
      const rows = await t.database.ownerQuery('SELECT * FROM app_certificate_by_token($1)', [
        token.slice(0, 10),
      ]);
      expect(rows).toEqual([]);
    });

    it('refuses a second valid certificate for the same shipment', async () => {
      expect(await failure(admin.certificate.issue({ shipmentId: mine.shipmentId }))).toMatchObject({
        code: 'CONFLICT',
        field: 'shipmentId',
      });
    });

    it('revokes with a reason (audited); the verification then says revoked, with the reason', async () => {
      const rid = randomUUID();
      const revoked = await as(EAST_ADMIN, EAST, rid).certificate.revoke({
        id: certId,
        reason: '化学成分录入错误 wrong chemistry entered',
      });
      expect(revoked.status).toBe('revoked');
      const v = await verifyCertificateByToken(t.db, token);
      expect(v?.status).toBe('revoked');
      expect(v?.revokeReason).toBe('化学成分录入错误 wrong chemistry entered');
      expect(v?.revokedAt).toBeInstanceOf(Date);
      expect(await failure(admin.certificate.revoke({ id: certId, reason: 'again' }))).toMatchObject({
        code: 'CONFLICT',
        field: 'id',
      });
      const audit = await t.database.ownerQuery<{ action: string }>(
        'SELECT action FROM audit_event WHERE request_id = $1',
        [rid],
      );
      expect(audit.map((a) => a.action)).toEqual(['certificate.revoke']);
      // A revoked certificate can be replaced by a new one (with a new token).
      const again = await admin.certificate.issue({ shipmentId: mine.shipmentId });
      expect(again.verifyToken).not.toBe(token);
      expect(again.certNo).not.toBe(revoked.certNo);
    });

    it('refuses a shipment whose lot has no approved results, naming the lot', async () => {
      const f = await failure(admin.certificate.issue({ shipmentId: untested.shipmentId }));
      expect(f).toMatchObject({ code: 'BAD_REQUEST', field: 'shipmentId' });
      expect(f.message).toContain(untested.coilLotNo);
      expect((await admin.certificate.list({ shipmentId: untested.shipmentId })).total).toBe(0);
    });
  });

  describe('who sees what', () => {
    let otherCert = '';
    let jiangnanCert = '';

    beforeAll(async () => {
      otherCert = (await admin.certificate.issue({ shipmentId: others.shipmentId })).id;
      jiangnanCert = (
        await as(JIANGNAN_ADMIN, JIANGNAN).certificate.issue({ shipmentId: jiangnan.shipmentId })
      ).id;
    });

    it("lets a customer's partner member list and read only its own customer's certificates", async () => {
      const buyer = as(BUYER);
      const list = await buyer.certificate.list({});
      expect(list.items.length).toBeGreaterThan(0);
      expect(new Set(list.items.map((c) => c.shipmentNo))).toEqual(new Set([mine.shipmentNo]));
      const own = list.items.find((c) => c.status === 'valid');
      expect((await buyer.certificate.get({ id: own?.id ?? '' })).content.order.orderNo).toBe(mine.orderNo);
      // Another customer's certificate of the same tenant: NOT_FOUND, like a missing one.
      expect(await failure(buyer.certificate.get({ id: otherCert }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(buyer.certificate.get({ id: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
      // The other customer's member sees its own and not ours.
      const other = await as(OTHER_BUYER).certificate.list({});
      expect(other.items.map((c) => c.shipmentNo)).toEqual([others.shipmentNo]);
    });

    it("never shows another tenant's certificate, to a partner or to the other tenant's admin", async () => {
      expect(await failure(as(BUYER).certificate.get({ id: jiangnanCert }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await failure(admin.certificate.get({ id: jiangnanCert }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(admin.certificate.revoke({ id: jiangnanCert, reason: 'x' }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const all = await admin.certificate.list({ limit: 100 });
      expect(all.items.map((c) => c.shipmentNo)).not.toContain(jiangnan.shipmentNo);
      expect(
        (await as(JIANGNAN_ADMIN, JIANGNAN).certificate.list({})).items.map((c) => c.shipmentNo),
      ).toEqual([jiangnan.shipmentNo]);
    });

    it('keeps issuing, revoking and the shipment list from partner members', async () => {
      const buyer = as(BUYER);
      expect(await failure(buyer.certificate.issue({ shipmentId: mine.shipmentId }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(buyer.certificate.revoke({ id: otherCert, reason: 'x' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(buyer.certificate.shipments({}))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('lists shipments with their valid certificate for the issuer', async () => {
      const rows = await admin.certificate.shipments({ search: 'SO-OTHER' });
      expect(rows.map((r) => [r.shipmentNo, r.certificate?.id, r.lotNos])).toEqual([
        [others.shipmentNo, otherCert, [others.coilLotNo]],
      ]);
    });
  });

  describe('evidence', () => {
    it('prints a corrected result, not the row it supersedes', async () => {
      const s = await seedCertifiableShipment(t.db, EAST, {
        tag: 'CORR',
        customerCode: firstCustomerCode,
      });
      await withTenant(t.db, { tenantId: s.tenantId }, async (tx) => {
        const original = await tx.inspectionResult.findFirstOrThrow({
          where: {
            tenantId: s.tenantId,
            request: { lotId: s.ingotLotId },
            characteristic: { element: 'Mn' },
          },
        });
        await tx.inspectionResult.create({
          data: {
            tenantId: s.tenantId,
            requestId: original.requestId,
            sampleId: original.sampleId,
            characteristicId: original.characteristicId,
            value: 1.27,
            verdict: 'pass',
            supersedesId: original.id,
          },
        });
      });
      const cert = await admin.certificate.issue({ shipmentId: s.shipmentId });
      expect(cert.content.chemistry[0]?.elements.find((e) => e.element === 'Mn')?.value).toBe(1.27);
    });
  });

  describe('demo customer partner', () => {
    it('seeds the partner organisation, partnership and member idempotently; the member sees only C-CAN certificates', async () => {
      const can = await seedCertifiableShipment(t.db, EAST, { tag: 'DEMOCAN', customerCode: 'C-CAN' });
      await admin.certificate.issue({ shipmentId: can.shipmentId });
      const first = await seedDemoCustomerPartners(t.db);
      const second = await seedDemoCustomerPartners(t.db);
      expect(second).toEqual(first);
      const demo = DEMO_CUSTOMER_PARTNERS[0];
      if (!demo) throw new Error('no demo customer partner');
      const buyer = as(demo.member.email);
      const list = await buyer.certificate.list({});
      expect(list.items.map((c) => c.shipmentNo)).toEqual([can.shipmentNo]);
      expect((await buyer.order.list({})).items.every((o) => o.customer?.code === 'C-CAN')).toBe(true);
      const rows = await t.database.ownerQuery<{ n: string }>(
        'SELECT count(*)::text AS n FROM partnership WHERE partner_tenant_id = (SELECT id FROM tenant WHERE slug = $1)',
        [demo.partnerSlug],
      );
      expect(rows).toEqual([{ n: '1' }]);
    });
  });

  describe('traceability', () => {
    it('traces from a heat number back to the ingot chemistry and forward to the shipment and certificate', async () => {
      const trace = await admin.lot.trace({ q: 'H-OTHER' });
      expect(trace.hits.map((h) => h.lotNo).sort()).toEqual([others.coilLotNo, others.ingotLotNo].sort());
      const tr = await admin.lot.trace({ q: 'H-OTHER', lotId: others.coilLotId });
      expect(tr.genealogy?.rootLotId).toBe(others.coilLotId);
      expect(tr.genealogy?.lots.map((l) => [l.lotNo, l.depth])).toEqual([
        [others.ingotLotNo, -1],
        [others.coilLotNo, 0],
      ]);
      const chemistry = tr.inspections.find((i) => i.lotId === others.ingotLotId);
      expect(chemistry?.results.map((r) => [r.element, r.value])).toEqual([
        ['Si', 0.21],
        ['Mn', 1.18],
      ]);
      expect(tr.genealogy?.lots.find((l) => l.id === others.coilLotId)?.shipments[0]?.shipmentNo).toBe(
        others.shipmentNo,
      );
      expect(tr.certificates.map((c) => [c.shipmentNo, c.status, c.lotIds])).toEqual([
        [others.shipmentNo, 'valid', [others.coilLotId]],
      ]);
      expect(tr.telemetry).toBe(false);
    });

    it("answers an order number with its lots, and another tenant's lot id with NOT_FOUND", async () => {
      const byOrder = await admin.lot.trace({ q: others.orderNo });
      expect(byOrder.hits.map((h) => h.lotNo)).toContain(others.coilLotNo);
      expect(await failure(admin.lot.trace({ q: 'CO-JN', lotId: jiangnan.coilLotId }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'lotId',
      });
      const none = await admin.lot.trace({ q: jiangnan.heatNo });
      expect(none).toMatchObject({ hits: [], genealogy: null, certificates: [] });
    });
  });
});
