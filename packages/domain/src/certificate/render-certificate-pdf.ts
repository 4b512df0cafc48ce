import { createPdfDocument, PDF_FONT, pdfToBuffer } from '../documents/pdf-document.ts';
import { qrPngBuffer } from '../documents/qr-png.ts';
import type { TCertificateContent, TCertificateLimit } from './certificate-content.ts';

/** Bilingual labels: Chinese first (plant users and most customers read Chinese), English beside. */
const PROPERTY_LABEL: Record<string, string> = {
  tensile_strength: '抗拉强度 Rm',
  yield_strength: '规定塑性延伸强度 Rp0.2',
  elongation: '断后伸长率 A',
  hardness: '硬度 Hardness',
  conductivity: '电导率 Conductivity',
};

export interface TRenderCertificatePdfInput {
  content: TCertificateContent;
  contentHash: string;
  status: 'valid' | 'revoked';
  revokeReason: string;
  /** The public verification URL, printed and in the QR code. */
  verifyUrl: string;
}

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 1e4) / 1e4);
const limitText = (l: TCertificateLimit) =>
  l.min !== null && l.max !== null
    ? `${fmt(l.min)} – ${fmt(l.max)}`
    : l.min !== null
      ? `≥ ${fmt(l.min)}`
      : l.max !== null
        ? `≤ ${fmt(l.max)}`
        : '—';
const verdictText = (v: string) => (v === 'pass' ? '合格 OK' : '不合格 NOK');

type TCell = string;

/** A simple ruled table; starts a new page (repeating the header) when the next row would not fit. */
function table(
  doc: PDFKit.PDFDocument,
  headers: TCell[],
  rows: TCell[][],
  widths: number[],
  opts: { fontSize?: number } = {},
): void {
  const size = opts.fontSize ?? 8;
  const left = doc.page.margins.left;
  const pad = 3;
  const drawRow = (cells: TCell[], bold: boolean) => {
    doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(size);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 60) - 2 * pad }));
    const h = Math.max(...heights, size) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom - 30) {
      doc.addPage();
      if (!bold) drawRow(headers, true);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 60;
      if (bold) doc.rect(x, top, w, h).fillAndStroke('#eef1f5', '#8a94a3').fillColor('#000');
      else doc.rect(x, top, w, h).stroke('#8a94a3');
      doc.text(c, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = left;
    doc.y = top + h;
  };
  doc.lineWidth(0.5);
  drawRow(headers, true);
  for (const r of rows) drawRow(r, false);
  doc.moveDown(0.6);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.font(PDF_FONT.bold).fontSize(10).fillColor('#1f3a5f').text(text).fillColor('#000');
  doc.moveDown(0.3);
}

function field(doc: PDFKit.PDFDocument, label: string, value: string, x: number, y: number, w: number): void {
  doc.font(PDF_FONT.regular).fontSize(7).fillColor('#555').text(label, x, y, { width: w });
  doc
    .font(PDF_FONT.bold)
    .fontSize(9)
    .fillColor('#000')
    .text(value || '—', x, doc.y, { width: w });
}

/**
 * The certificate as a PDF (A4, Chinese and English): issuer, certificate number and the QR code of the public
 * verification URL, customer, order and shipment, products and lots, chemistry per heat with limits, mechanical
 * properties with limits, concessions, the declaration, the inspector and the content hash.
 */
export async function renderCertificatePdf(input: TRenderCertificatePdfInput): Promise<Buffer> {
  const c = input.content;
  const doc = createPdfDocument({
    title: `${c.certNo} 质量证明书 Mill test certificate`,
    author: c.issuer.name,
    subject: `${c.standard} ${c.shipment.shipmentNo}`,
    keywords: `${c.certNo} ${input.contentHash}`,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const qr = await qrPngBuffer(input.verifyUrl, { width: 240, margin: 1 });
  const qrSize = 86;
  doc.image(qr, left + width - qrSize, doc.page.margins.top, { width: qrSize });
  doc
    .font(PDF_FONT.regular)
    .fontSize(6.5)
    .text('扫码验证 Scan to verify', left + width - qrSize, doc.page.margins.top + qrSize + 2, {
      width: qrSize,
      align: 'center',
    });

  doc.x = left;
  doc.y = doc.page.margins.top;
  const headW = width - qrSize - 12;
  doc.font(PDF_FONT.bold).fontSize(15).text(c.issuer.name, left, doc.y, { width: headW });
  doc
    .font(PDF_FONT.regular)
    .fontSize(8)
    .text(`${c.issuer.plantName}  ${c.issuer.plantAddress}`, { width: headW });
  doc.moveDown(0.5);
  doc.font(PDF_FONT.bold).fontSize(17).text('质量证明书  Mill Test Certificate', { width: headW });
  doc.font(PDF_FONT.regular).fontSize(9).text(`检验文件类型 Inspection document type: ${c.standard}`, {
    width: headW,
  });
  doc.moveDown(0.3);
  doc
    .font(PDF_FONT.bold)
    .fontSize(10)
    .text(`证书编号 Certificate No.: ${c.certNo}`, { width: headW })
    .font(PDF_FONT.regular)
    .fontSize(8)
    .text(`签发日期 Issued: ${c.issuedAt.slice(0, 10)}`, { width: headW });
  if (input.status === 'revoked') {
    doc
      .font(PDF_FONT.bold)
      .fontSize(11)
      .fillColor('#b00020')
      .text(`已撤销 REVOKED: ${input.revokeReason}`, { width: headW })
      .fillColor('#000');
  }
  doc.y = Math.max(doc.y, doc.page.margins.top + qrSize + 14) + 6;

  // Customer, order, shipment
  const col = width / 4;
  const top = doc.y;
  field(doc, '客户 Customer', `${c.customer.name} (${c.customer.code})`, left, top, col - 6);
  field(
    doc,
    '订单号 Order No. / 客户采购单 PO',
    `${c.order.orderNo} / ${c.order.customerPo || '—'}`,
    left + col,
    top,
    col - 6,
  );
  field(doc, '发货单号 Shipment No.', c.shipment.shipmentNo, left + 2 * col, top, col - 6);
  field(
    doc,
    '发货日期 Shipped / 承运 Carrier',
    `${c.shipment.shippedAt.slice(0, 10)} ${[c.shipment.carrier, c.shipment.vehicleNo].filter(Boolean).join(' ')}`,
    left + 3 * col,
    top,
    col - 6,
  );
  doc.x = left;
  doc.y = top + 34;

  heading(doc, '产品 Products');
  table(
    doc,
    [
      '行 Line',
      '规格 Spec',
      '合金/状态 Alloy/Temper',
      '厚度 Thickness mm',
      '宽度 Width mm',
      '标准 Tolerances',
      '数量 Qty',
    ],
    c.products.map((p) => [
      String(p.lineNo),
      p.specCode,
      `${p.alloy}-${p.temper}`,
      `${fmt(p.thicknessMm)} (${p.thicknessTol})`,
      p.widthMm !== null ? fmt(p.widthMm) : p.lengthMm !== null ? `L ${fmt(p.lengthMm)}` : '—',
      p.toleranceSource || '—',
      `${fmt(p.quantity)} ${p.unit}`,
    ]),
    [40, 90, 70, 80, 60, 105, 70].map((w) => (w * width) / 515),
  );

  heading(doc, '批次 Lots (coils)');
  table(
    doc,
    [
      '批号 Lot No.',
      '熔次号 Heat No.',
      '铸次号 Cast No.',
      '合金/状态 Alloy/Temper',
      '尺寸 Dimensions mm',
      '重量 Weight kg',
    ],
    c.lots.map((l) => [
      l.lotNo,
      l.heatNo ?? '—',
      l.castNo ?? '—',
      `${l.alloy ?? '—'}-${l.temper ?? '—'}`,
      [l.dimensions.thicknessMm, l.dimensions.widthMm]
        .filter((x) => x !== undefined)
        .map(fmt)
        .join(' × ') || '—',
      fmt(l.weightKg),
    ]),
    [95, 80, 75, 80, 110, 75].map((w) => (w * width) / 515),
  );

  heading(doc, '化学成分 Chemical composition (%)');
  if (c.chemistry.length === 0) doc.font(PDF_FONT.regular).fontSize(8).text('—').moveDown(0.5);
  for (const heat of c.chemistry) {
    doc
      .font(PDF_FONT.regular)
      .fontSize(8)
      .text(
        `熔次号 Heat ${heat.heatNo || '—'}${heat.castNo ? ` / 铸次 Cast ${heat.castNo}` : ''} · 合金 Alloy ${heat.alloy} ${heat.standard ? `(${heat.standard})` : ''} · 取样批 Sample lot ${heat.sampleLotNo}`,
      );
    doc.moveDown(0.2);
    const elements = heat.elements;
    const first = 70;
    const w = elements.length > 0 ? Math.min(50, (width - first) / elements.length) : 50;
    table(
      doc,
      ['元素 Element', ...elements.map((e) => e.element)],
      [
        ['最小 Min', ...elements.map((e) => fmt(e.limit.min))],
        ['最大 Max', ...elements.map((e) => fmt(e.limit.max))],
        ['实测 Actual', ...elements.map((e) => `${fmt(e.value)}${e.verdict === 'fail' ? ' (NOK)' : ''}`)],
      ],
      [first, ...elements.map(() => w)],
    );
  }

  heading(doc, '力学性能 Mechanical properties');
  if (c.mechanical.length === 0) doc.font(PDF_FONT.regular).fontSize(8).text('—').moveDown(0.5);
  table(
    doc,
    [
      '批号 Lot No.',
      '项目 Property',
      '单位 Unit',
      '要求 Requirement',
      '实测 Actual',
      '方法 Method',
      '判定 Result',
    ],
    c.mechanical.flatMap((m) =>
      m.properties.map((p) => [
        m.sampleLotNo === m.lotNo ? m.lotNo : `${m.lotNo} (${m.sampleLotNo})`,
        PROPERTY_LABEL[p.code] ?? p.code,
        p.unit,
        limitText(p.limit),
        p.values.map(fmt).join(' / '),
        p.method || '—',
        verdictText(p.verdict),
      ]),
    ),
    [85, 95, 45, 70, 80, 85, 55].map((w) => (w * width) / 515),
  );

  if (c.concessions.length > 0) {
    heading(doc, '让步接收 Concessions');
    table(
      doc,
      ['批号 Lot No.', '不合格编号 NC No.', '缺陷 Defect', '客户认可 Customer acceptance ref.'],
      c.concessions.map((x) => [x.lotNo, x.ncNo, x.defectCode, x.concessionRef || '—']),
      [110, 110, 140, 155].map((w) => (w * width) / 515),
    );
  }

  heading(doc, '声明 Declaration');
  doc.font(PDF_FONT.regular).fontSize(8).text(c.declaration.zh, { width });
  doc.moveDown(0.2);
  doc.text(c.declaration.en, { width });
  doc.moveDown(0.6);
  doc
    .font(PDF_FONT.bold)
    .fontSize(9)
    .text(`检验代表 Inspection representative: ${c.inspector.name || '—'}`, { width });
  doc.moveDown(0.6);
  doc.font(PDF_FONT.regular).fontSize(7).fillColor('#333');
  doc.text(`内容校验值 Content hash (SHA-256): ${input.contentHash}`, { width });
  doc.text(`在线验证 Verify online: ${input.verifyUrl}`, { width });
  doc.fillColor('#000');

  // Page numbers (the document buffers its pages).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - margin + 12;
    doc
      .font(PDF_FONT.regular)
      .fontSize(7)
      .fillColor('#555')
      .text(`${c.certNo} · 第 ${i + 1} / ${range.count} 页 Page ${i + 1} of ${range.count}`, left, bottom, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  return pdfToBuffer(doc);
}
