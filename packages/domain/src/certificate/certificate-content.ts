/**
 * The frozen snapshot of a mill test certificate (EN 10204:2004 type 3.1 style): everything the PDF prints and the
 * public verification page shows. Written once at issue; its canonical JSON is hashed (contentHash), so a later
 * change of master data or results never changes an issued certificate.
 */
export const CERTIFICATE_CONTENT_SCHEMA = 'ingot.mtc/1';

export interface TCertificateLimit {
  min: number | null;
  max: number | null;
}

export interface TCertificateChemistry {
  heatNo: string;
  castNo: string | null;
  alloy: string;
  /** The standard the alloy's composition limits come from. */
  standard: string;
  /** The lot whose sample was analysed (usually the cast ingot or slab). */
  sampleLotNo: string;
  elements: Array<{ element: string; value: number; limit: TCertificateLimit; verdict: 'pass' | 'fail' }>;
}

export interface TCertificateMechanical {
  lotNo: string;
  /** The lot the samples were cut from (the shipped lot itself, or its nearest tested ancestor). */
  sampleLotNo: string;
  properties: Array<{
    code: string;
    unit: string;
    method: string;
    values: number[];
    limit: TCertificateLimit;
    verdict: 'pass' | 'fail';
  }>;
}

export interface TCertificateContent {
  schema: typeof CERTIFICATE_CONTENT_SCHEMA;
  standard: string;
  certNo: string;
  issuedAt: string;
  issuer: { name: string; plantName: string; plantAddress: string };
  customer: { code: string; name: string; country: string };
  order: { orderNo: string; customerPo: string };
  shipment: { shipmentNo: string; shippedAt: string; carrier: string; vehicleNo: string };
  products: Array<{
    lineNo: number;
    specCode: string;
    productFamily: string;
    alloy: string;
    temper: string;
    thicknessMm: number;
    thicknessTol: string;
    widthMm: number | null;
    lengthMm: number | null;
    toleranceSource: string;
    quantity: number;
    unit: string;
  }>;
  lots: Array<{
    lotNo: string;
    kind: string;
    heatNo: string | null;
    castNo: string | null;
    alloy: string | null;
    temper: string | null;
    weightKg: number;
    dimensions: Record<string, number>;
    lineNo: number;
    quantity: number;
  }>;
  chemistry: TCertificateChemistry[];
  mechanical: TCertificateMechanical[];
  /** Accepted deviations (nonconformances dispositioned as a concession), with the customer's reference. */
  concessions: Array<{ lotNo: string; ncNo: string; defectCode: string; concessionRef: string }>;
  declaration: { zh: string; en: string };
  inspector: { name: string };
}
