import type { TIssueCertificateInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { toDimensions } from '../lot/lot-dto.ts';
import { orderVisibilityWhere } from '../order/order-access.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { contentHashOf } from './canonical-json.ts';
import { CERTIFICATE_CONTENT_SCHEMA, type TCertificateContent } from './certificate-content.ts';
import {
  CERTIFICATE_INCLUDE,
  type TCertificateDetailDto,
  toCertificateDetailDto,
} from './certificate-dto.ts';
import { collectCertificateEvidence } from './certificate-evidence.ts';
import { newVerifyToken } from './verify-token.ts';

export const CERTIFICATE_STANDARD = 'EN 10204:2004 3.1';

export const CERTIFICATE_DECLARATION = {
  zh: '兹证明上述产品已按订单及相关标准的要求制造和检验，检验结果符合规定要求（经让步接收的偏差另列）。本证书为 EN 10204:2004 3.1 型检验证书，由独立于生产部门的授权检验代表签发。',
  en: "We hereby certify that the products described above have been manufactured and tested in accordance with the order and the applicable standards, and that the test results comply with the specified requirements (deviations accepted by concession are listed). Inspection certificate type 3.1 to EN 10204:2004, issued by the manufacturer's authorised inspection representative, independent of the manufacturing department.",
} as const;

function addressLine(address: unknown): string {
  if (!address || typeof address !== 'object') return '';
  const a = address as Record<string, unknown>;
  return [a.province, a.city, a.line1, a.postalCode]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .join(' ');
}

/** The next certificate number of the tenant for the year: MTC-2026-00001, ... */
async function nextCertNo(tx: TenantTx, ctx: TTenantContext, at: Date): Promise<string> {
  const prefix = `MTC-${at.getUTCFullYear()}-`;
  const last = await tx.certificate.findFirst({
    where: { ...tenantFilter(ctx), certNo: { startsWith: prefix } },
    orderBy: { certNo: 'desc' },
    select: { certNo: true },
  });
  const n = last ? Number.parseInt(last.certNo.slice(prefix.length), 10) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

/**
 * Issues the mill test certificate of a shipment: freezes the snapshot (issuer, customer, order, shipment, lots
 * with heat and cast numbers and dimensions, chemistry per heat and mechanical properties with their limits from
 * approved inspection results of the lots and their ancestors, concessions, declaration, inspector), hashes its
 * canonical JSON and draws a random verification token. One valid certificate per shipment: revoke it to reissue.
 */
export async function issueCertificate(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TIssueCertificateInput,
): Promise<TCertificateDetailDto> {
  const shipment = await tx.shipment.findFirst({
    where: {
      id: input.shipmentId,
      ...tenantFilter(ctx),
      order: orderVisibilityWhere(ctx, { kind: 'internal' }),
    },
    include: {
      order: { include: { customer: true, plant: true } },
      lines: {
        include: {
          line: { include: { spec: { include: { alloy: true, temper: true } } } },
          lot: { include: { alloy: true, temper: true } },
        },
      },
    },
  });
  if (!shipment) throw DomainError.notFound('shipment', 'shipmentId');
  const existing = await tx.certificate.findFirst({
    where: { ...tenantFilter(ctx), shipmentId: shipment.id, status: 'valid' },
    select: { certNo: true },
  });
  if (existing)
    throw new DomainError(
      'CONFLICT',
      `shipmentId: the shipment already has the valid certificate ${existing.certNo}; revoke it to reissue`,
      'shipmentId',
      { reason: 'duplicate_code', params: { certNo: existing.certNo } },
    );
  const shippedLines = shipment.lines.filter((l) => l.lot !== null);
  if (shippedLines.length === 0)
    throw new DomainError(
      'BAD_REQUEST',
      'shipmentId: the shipment names no lots, so there is nothing to certify',
      'shipmentId',
      { reason: 'not_eligible', params: {} },
    );
  const lots = [...new Map(shippedLines.map((l) => [l.lot?.id, l.lot])).values()].filter(
    (l): l is NonNullable<typeof l> => l !== null && l !== undefined,
  );
  const evidence = await collectCertificateEvidence(
    tx,
    ctx,
    lots.map((l) => ({
      id: l.id,
      lotNo: l.lotNo,
      heatNo: l.heatNo,
      castNo: l.castNo,
      alloy: l.alloy
        ? { code: l.alloy.code, standard: l.alloy.standard, composition: l.alloy.composition }
        : null,
    })),
  );

  const issuedAt = new Date();
  const [tenant, member] = await Promise.all([
    tx.tenant.findFirst({ where: { id: ctx.tenantId }, select: { name: true } }),
    tx.membership.findFirst({
      where: { id: ctx.membershipId, ...tenantFilter(ctx) },
      select: { user: { select: { displayName: true } } },
    }),
  ]);
  const certNo = await nextCertNo(tx, ctx, issuedAt);
  const order = shipment.order;
  const specLines = [...new Map(shipment.lines.map((l) => [l.line.id, l.line])).values()].sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  const content: TCertificateContent = {
    schema: CERTIFICATE_CONTENT_SCHEMA,
    standard: CERTIFICATE_STANDARD,
    certNo,
    issuedAt: issuedAt.toISOString(),
    issuer: {
      name: tenant?.name ?? '',
      plantName: order.plant.name,
      plantAddress: addressLine(order.plant.address),
    },
    customer: { code: order.customer.code, name: order.customer.name, country: order.customer.country },
    order: { orderNo: order.orderNo, customerPo: order.customerPo },
    shipment: {
      shipmentNo: shipment.shipmentNo,
      shippedAt: shipment.shippedAt.toISOString(),
      carrier: shipment.carrier,
      vehicleNo: shipment.vehicleNo,
    },
    products: specLines.map((l) => ({
      lineNo: l.lineNo,
      specCode: l.spec.code,
      productFamily: l.spec.productFamily,
      alloy: l.spec.alloy.code,
      temper: l.spec.temper.code,
      thicknessMm: l.spec.thicknessMm,
      thicknessTol: `-${l.spec.thicknessTolMinus}/+${l.spec.thicknessTolPlus}`,
      widthMm: l.spec.widthMm,
      lengthMm: l.spec.lengthMm,
      toleranceSource: l.spec.toleranceSource,
      quantity: shipment.lines.filter((s) => s.lineId === l.id).reduce((sum, s) => sum + s.quantity, 0),
      unit: l.unit,
    })),
    lots: shippedLines.map((l) => {
      const lot = l.lot as NonNullable<typeof l.lot>;
      return {
        lotNo: lot.lotNo,
        kind: lot.kind,
        heatNo: lot.heatNo,
        castNo: lot.castNo,
        alloy: lot.alloy?.code ?? null,
        temper: lot.temper?.code ?? null,
        weightKg: lot.weightKg,
        dimensions: toDimensions(lot.dimensions) as Record<string, number>,
        lineNo: l.line.lineNo,
        quantity: l.quantity,
      };
    }),
    chemistry: evidence.chemistry,
    mechanical: evidence.mechanical,
    concessions: evidence.concessions,
    declaration: { ...CERTIFICATE_DECLARATION },
    inspector: { name: member?.user.displayName ?? '' },
  };
  const row = await tx.certificate.create({
    data: {
      tenantId: ctx.tenantId,
      certNo,
      shipmentId: shipment.id,
      verifyToken: newVerifyToken(),
      content: content as unknown as Prisma.InputJsonValue,
      contentHash: contentHashOf(content),
      status: 'valid',
      issuedAt,
      issuedById: ctx.userId,
    },
    include: CERTIFICATE_INCLUDE,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'certificate.issue',
    targetType: 'certificate',
    targetId: row.id,
    details: { certNo, shipmentNo: shipment.shipmentNo, contentHash: row.contentHash },
  });
  return toCertificateDetailDto(row);
}
