import { CERTIFICATE_CONTENT_SCHEMA, type TCertificateContent } from './certificate-content.ts';
import { CERTIFICATE_DECLARATION, CERTIFICATE_STANDARD } from './issue-certificate.ts';

/** A complete certificate snapshot for rendering tests (figures of a 3003-H14 strip coil). */
export function sampleCertificateContent(certNo = 'MTC-2026-00042'): TCertificateContent {
  return {
    schema: CERTIFICATE_CONTENT_SCHEMA,
    standard: CERTIFICATE_STANDARD,
    certNo,
    issuedAt: '2026-11-29T08:00:00.000Z',
    issuer: { name: '华东铝业', plantName: '轧制厂', plantAddress: '江苏 无锡 锡山经济开发区 88 号 214101' },
    customer: { code: 'C-CAN', name: '苏州易拉罐有限公司', country: 'CN' },
    order: { orderNo: 'SO-2026-0001', customerPo: 'PO-88' },
    shipment: {
      shipmentNo: 'SO-2026-0001-S1',
      shippedAt: '2026-11-28T02:00:00.000Z',
      carrier: '顺丰',
      vehicleNo: '苏B12345',
    },
    products: [
      {
        lineNo: 1,
        specCode: 'S3003H14-1.0x1250',
        productFamily: 'strip_coil',
        alloy: '3003',
        temper: 'H14',
        thicknessMm: 1,
        thicknessTol: '-0.05/+0.05',
        widthMm: 1250,
        lengthMm: null,
        toleranceSource: 'GB/T 3880.3-2024',
        quantity: 8.2,
        unit: 't',
      },
    ],
    lots: [
      {
        lotNo: 'RP-C-0001-01',
        kind: 'coil',
        heatNo: 'H26-0101',
        castNo: 'C26-0101',
        alloy: '3003',
        temper: 'H14',
        weightKg: 8200,
        dimensions: { thicknessMm: 1, widthMm: 1250 },
        lineNo: 1,
        quantity: 8.2,
      },
    ],
    chemistry: [
      {
        heatNo: 'H26-0101',
        castNo: 'C26-0101',
        alloy: '3003',
        standard: 'GB/T 3190-2020',
        sampleLotNo: 'RP-I-0001',
        elements: [
          { element: 'Cu', value: 0.12, limit: { min: 0.05, max: 0.2 }, verdict: 'pass' },
          { element: 'Fe', value: 0.55, limit: { min: null, max: 0.7 }, verdict: 'pass' },
          { element: 'Mn', value: 1.21, limit: { min: 1, max: 1.5 }, verdict: 'pass' },
          { element: 'Si', value: 0.21, limit: { min: null, max: 0.6 }, verdict: 'pass' },
        ],
      },
    ],
    mechanical: [
      {
        lotNo: 'RP-C-0001-01',
        sampleLotNo: 'RP-C-0001-01',
        properties: [
          {
            code: 'tensile_strength',
            unit: 'MPa',
            method: 'GB/T 228.1-2021',
            values: [152, 149],
            limit: { min: 140, max: 180 },
            verdict: 'pass',
          },
          {
            code: 'elongation',
            unit: '%',
            method: 'GB/T 228.1-2021',
            values: [1.5],
            limit: { min: 2, max: null },
            verdict: 'fail',
          },
        ],
      },
    ],
    concessions: [
      { lotNo: 'RP-C-0001-01', ncNo: 'NC-2026-0001', defectCode: 'elongation', concessionRef: 'CUST-OK-7' },
    ],
    declaration: { ...CERTIFICATE_DECLARATION },
    inspector: { name: '赵质检 (Zhao)' },
  };
}
