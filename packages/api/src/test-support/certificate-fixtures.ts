/**
 * Test data for certificates and traceability, written with Prisma inside the tenant's own transaction (RLS in
 * force): a shipped coil made from a cast ingot (lot_link), approved lab results on both (chemistry on the ingot,
 * mechanical properties on the coil), the order and the shipment that carried the coil. Also a customer partner
 * (partner tenant, partnership, member with role customer) and the certificate.* / lot.trace sweep cases.
 */
import { randomUUID } from 'node:crypto';
import { type Db, type TenantTx, tenantIdForSlug, upsertUserBySubject, withTenant } from '@ingot/db';
import type { TSweepExtension } from './sweep-extension.ts';

export interface TCertifiableShipment {
  tenantId: string;
  plantId: string;
  customerId: string;
  orderId: string;
  orderNo: string;
  shipmentId: string;
  shipmentNo: string;
  ingotLotId: string;
  ingotLotNo: string;
  coilLotId: string;
  coilLotNo: string;
  heatNo: string;
}

async function masterData(tx: TenantTx, tenantId: string, customerCode?: string) {
  const plant = await tx.plant.findFirst({ where: { tenantId }, orderBy: { code: 'asc' } });
  const customer = await tx.customer.findFirst({
    where: { tenantId, ...(customerCode ? { code: customerCode } : {}) },
    orderBy: { code: 'asc' },
  });
  const spec = await tx.productSpec.findFirst({
    where: { tenantId },
    include: { alloy: true, temper: true },
    orderBy: { code: 'asc' },
  });
  if (!plant || !customer || !spec)
    throw new Error('the demo seed gives every tenant plants, customers and specs');
  return { plant, customer, spec };
}

/**
 * A shipment of one coil with approved results in its genealogy. `approved: false` leaves the lab requests
 * un-approved (the certificate must then be refused). `tag` keeps numbers unique between calls.
 */
export async function seedCertifiableShipment(
  db: Db,
  slug: string,
  opts: { tag: string; customerCode?: string; approved?: boolean },
): Promise<TCertifiableShipment> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const { plant, customer, spec } = await masterData(tx, tenantId, opts.customerCode);
    const tag = opts.tag.toUpperCase();
    const heatNo = `H-${tag}`;
    const order = await tx.salesOrder.create({
      data: {
        tenantId,
        plantId: plant.id,
        orderNo: `SO-${tag}`,
        customerId: customer.id,
        customerPo: `PO-${tag}`,
        status: 'shipped',
        lines: {
          create: [
            {
              lineNo: 1,
              specId: spec.id,
              quantity: 8,
              requestedDate: new Date('2027-01-10T00:00:00Z'),
              status: 'shipped',
              shippedQuantity: 8,
            },
          ],
        },
      },
      include: { lines: true },
    });
    const lot = (lotNo: string, kind: 'ingot' | 'coil', weightKg: number, status: 'consumed' | 'shipped') =>
      tx.materialLot.create({
        data: {
          tenantId,
          plantId: plant.id,
          lotNo,
          kind,
          status,
          alloyId: spec.alloyId,
          temperId: kind === 'coil' ? spec.temperId : null,
          weightKg,
          heatNo,
          castNo: `C-${tag}`,
          dimensions: kind === 'coil' ? { thicknessMm: spec.thicknessMm, widthMm: spec.widthMm ?? 1250 } : {},
        },
      });
    const ingot = await lot(`IN-${tag}`, 'ingot', 9000, 'consumed');
    const coil = await lot(`CO-${tag}`, 'coil', 8000, 'shipped');
    await tx.lotLink.create({
      data: { tenantId, parentLotId: ingot.id, childLotId: coil.id, kind: 'transform', weightKg: 9000 },
    });
    const plan = await tx.inspectionPlan.create({
      data: {
        tenantId,
        code: `IP-${tag}`,
        name: `plan ${tag}`,
        characteristics: {
          create: [
            { seq: 1, code: 'chemistry', element: 'Si', unit: '%', upperLimit: 0.6, limitSource: 'alloy' },
            {
              seq: 2,
              code: 'chemistry',
              element: 'Mn',
              unit: '%',
              lowerLimit: 1,
              upperLimit: 1.5,
              limitSource: 'alloy',
            },
            {
              seq: 3,
              code: 'tensile_strength',
              unit: 'MPa',
              lowerLimit: 140,
              upperLimit: 180,
              method: 'GB/T 228.1-2021',
            },
            { seq: 4, code: 'elongation', unit: '%', lowerLimit: 2, method: 'GB/T 228.1-2021' },
          ],
        },
      },
      include: { characteristics: { orderBy: { seq: 'asc' } } },
    });
    const [si, mn, rm, a] = plan.characteristics;
    if (!si || !mn || !rm || !a) throw new Error('plan characteristics missing');
    const status = opts.approved === false ? ('evaluated' as const) : ('approved' as const);
    const request = async (lotId: string, no: string, values: Array<[string, number, string]>) => {
      const req = await tx.inspectionRequest.create({
        data: {
          tenantId,
          plantId: plant.id,
          requestNo: `IR-${tag}-${no}`,
          lotId,
          planId: plan.id,
          origin: 'manual',
          status,
          verdict: 'pass',
          decision: status === 'approved' ? 'release' : null,
          decidedAt: status === 'approved' ? new Date() : null,
        },
      });
      const sample = await tx.labSample.create({
        data: { tenantId, requestId: req.id, sampleNo: `LS-${tag}-${no}`, receivedAt: new Date() },
      });
      for (const [characteristicId, value, verdict] of values)
        await tx.inspectionResult.create({
          data: { tenantId, requestId: req.id, sampleId: sample.id, characteristicId, value, verdict },
        });
    };
    await request(ingot.id, '1', [
      [si.id, 0.21, 'pass'],
      [mn.id, 1.18, 'pass'],
    ]);
    await request(coil.id, '2', [
      [rm.id, 152, 'pass'],
      [a.id, 6, 'pass'],
    ]);
    const line = order.lines[0];
    if (!line) throw new Error('order line missing');
    const shipment = await tx.shipment.create({
      data: {
        tenantId,
        orderId: order.id,
        shipmentNo: `SO-${tag}-S1`,
        shippedAt: new Date('2027-01-09T02:00:00Z'),
        carrier: 'carrier',
        lines: { create: [{ lineId: line.id, lotId: coil.id, quantity: 8 }] },
      },
    });
    return {
      tenantId,
      plantId: plant.id,
      customerId: customer.id,
      orderId: order.id,
      orderNo: order.orderNo,
      shipmentId: shipment.id,
      shipmentNo: shipment.shipmentNo,
      ingotLotId: ingot.id,
      ingotLotNo: ingot.lotNo,
      coilLotId: coil.id,
      coilLotNo: coil.lotNo,
      heatNo,
    };
  });
}

/**
 * A customer organisation on the platform (its own tenant row), its partnership with `slug` (scope orders.read),
 * a member with role customer acting for it, and `customerId` linked to the partnership.
 */
export async function seedCustomerPartner(
  db: Db,
  slug: string,
  opts: { partnerSlug: string; email: string; customerId: string | null },
): Promise<{ partnershipId: string; userId: string }> {
  const tenantId = tenantIdForSlug(slug);
  const partnerTenantId = tenantIdForSlug(opts.partnerSlug);
  await withTenant(db, { tenantId: partnerTenantId }, (tx) =>
    tx.tenant.createMany({
      data: [{ id: partnerTenantId, slug: opts.partnerSlug, name: opts.partnerSlug, kind: 'company' }],
      skipDuplicates: true,
    }),
  );
  const userId = await upsertUserBySubject(db, {
    subject: opts.email,
    email: opts.email,
    displayName: opts.email,
  });
  return withTenant(db, { tenantId }, async (tx) => {
    const partnership = await tx.partnership.create({
      data: {
        id: randomUUID(),
        tenantId,
        partnerTenantId,
        kind: 'customer',
        scopes: ['orders.read'],
      },
    });
    await tx.membership.create({
      data: { tenantId, userId, roles: ['customer'], partnershipId: partnership.id },
    });
    if (opts.customerId)
      await tx.customer.update({
        where: { id: opts.customerId, tenantId },
        data: { partnershipId: partnership.id },
      });
    return { partnershipId: partnership.id, userId };
  });
}

/** A certificate row for the sweeps (issued straight, as certificate.issue would store it). */
async function seedSweepCertificate(db: Db, slug: string, tag: string) {
  const s = await seedCertifiableShipment(db, slug, { tag });
  const certificate = await withTenant(db, { tenantId: s.tenantId }, (tx) =>
    tx.certificate.create({
      data: {
        tenantId: s.tenantId,
        certNo: `MTC-SWEEP-${tag}`,
        shipmentId: s.shipmentId,
        verifyToken: randomUUID().replaceAll('-', '').slice(0, 22),
        content: { certNo: `MTC-SWEEP-${tag}` },
        contentHash: '0'.repeat(64),
      },
    }),
  );
  return {
    shipment: s.shipmentId,
    certificate: certificate.id,
    coilLot: s.coilLotId,
    coilLotNo: s.coilLotNo,
    heatNo: s.heatNo,
  };
}

/** The certificate.* and lot.trace procedures in the API-wide sweeps (see sweep-extension.ts). */
export const certificateSweep: TSweepExtension = {
  name: 'certificate',
  seed: async (db) => ({
    a: await seedSweepCertificate(db, 'east-china-al', `SWA${randomUUID().slice(0, 6)}`),
    b: await seedSweepCertificate(db, 'jiangnan-copper', `SWB${randomUUID().slice(0, 6)}`),
  }),
  cases: (a, b, pass) => [
    { path: 'certificate.list', input: {}, expect: 'ok' },
    { path: 'certificate.list', input: { shipmentId: b.shipment }, expect: 'ok' },
    { path: 'certificate.get', input: { id: b.certificate }, expect: 'reject' },
    { path: 'certificate.shipments', input: {}, expect: 'ok' },
    { path: 'certificate.shipments', input: { search: b.coilLotNo }, expect: 'ok' },
    { path: 'certificate.issue', input: { shipmentId: b.shipment }, expect: 'reject' },
    { path: 'certificate.revoke', input: { id: b.certificate, reason: `hijack-${pass}` }, expect: 'reject' },
    // A's own certificate stays readable.
    { path: 'certificate.get', input: { id: a.certificate }, expect: 'ok' },
    // B's heat number and coil: no hits (an empty answer, as for a number nobody uses), never B's rows.
    { path: 'lot.trace', input: { q: b.heatNo }, expect: 'ok' },
    { path: 'lot.trace', input: { q: b.coilLotNo, lotId: b.coilLot }, expect: 'reject' },
    { path: 'lot.trace', input: { q: a.coilLotNo }, expect: 'ok' },
  ],
  badInputs: () => {
    const uuid = randomUUID();
    return [
      { path: 'certificate.list', input: { limit: 0 }, field: 'limit' },
      { path: 'certificate.get', input: { id: 'nope' }, field: 'id' },
      { path: 'certificate.shipments', input: { limit: 1000 }, field: 'limit' },
      { path: 'certificate.issue', input: { shipmentId: 'nope' }, field: 'shipmentId' },
      { path: 'certificate.revoke', input: { id: uuid, reason: '' }, field: 'reason' },
      { path: 'lot.trace', input: { q: 'x' }, field: 'q' },
    ];
  },
};
