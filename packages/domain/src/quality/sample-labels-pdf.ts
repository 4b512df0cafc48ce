import { createPdfDocument, PDF_FONT, pdfToBuffer } from '../documents/pdf-document.ts';
import { qrPngBuffer } from '../documents/qr-png.ts';
import type { TInspectionRequestDetail } from './lab-requests.ts';

/** 100 x 60 mm, the common thermal-label size, in points. */
const LABEL: [number, number] = [283.5, 170.1];

/**
 * Printable sample labels of a request: one 100 x 60 mm page per sample with a QR code of the sample no. (what the
 * lab's scanner types at receipt), the sample no. in large type, request, lot, plan and cutting position.
 */
export async function renderSampleLabelsPdf(request: TInspectionRequestDetail): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `样品标签 Sample labels ${request.requestNo}`,
    keywords: request.requestNo,
    size: LABEL,
    margin: 10,
  });
  for (const [i, sample] of request.sampleList.entries()) {
    if (i > 0) doc.addPage({ size: LABEL, margin: 10 });
    const qr = await qrPngBuffer(sample.sampleNo, { width: 300, margin: 1 });
    doc.image(qr, 10, 10, { width: 110 });
    const x = 128;
    const w = LABEL[0] - x - 10;
    doc.font(PDF_FONT.bold).fontSize(12).text(sample.sampleNo, x, 12, { width: w });
    doc.font(PDF_FONT.regular).fontSize(8);
    const lines = [
      `检验委托 Request: ${request.requestNo}`,
      `批号 Lot: ${request.lot.lotNo}`,
      `检验计划 Plan: ${request.plan.code}`,
      `取样位置 Position: ${sample.position}`,
      request.operation
        ? `工序 Operation: ${request.operation.operationCode} (${request.operation.workOrderNo})`
        : '',
      `${i + 1} / ${request.sampleList.length}`,
    ].filter(Boolean);
    doc.text(lines.join('\n'), x, 48, { width: w, lineGap: 1 });
    doc
      .fontSize(6)
      .text(request.limits.map((l) => (l.element ? `${l.code}:${l.element}` : l.code)).join(' · '), 10, 126, {
        width: LABEL[0] - 20,
        height: 34,
        ellipsis: true,
      });
  }
  return pdfToBuffer(doc);
}
