import { describe, expect, it } from 'vitest';
import type { TInspectionRequestDetail } from './lab-requests.ts';
import { renderSampleLabelsPdf } from './sample-labels-pdf.ts';

const request = {
  id: '0190e6d0-0000-7000-8000-000000000001',
  requestNo: 'QI-RP-2611-0007',
  lot: { id: 'l', lotNo: 'RP-CL2611-0042', status: 'available' },
  plan: { id: 'p', code: 'QP-3003-STRIP-FINAL', name: '成品检验' },
  operation: { operationCode: 'cold_rolling', seq: 20, workOrderNo: 'WO-1' },
  sampleList: [
    { id: 's1', sampleNo: 'QI-RP-2611-0007-S1', position: 'head', receivedAt: null },
    { id: 's2', sampleNo: 'QI-RP-2611-0007-S2', position: 'tail', receivedAt: null },
  ],
  limits: [
    { code: 'thickness', element: '' },
    { code: 'chemistry', element: 'Si' },
  ],
} as unknown as TInspectionRequestDetail;

describe('renderSampleLabelsPdf', () => {
  it('renders one label page per sample, as a PDF carrying the request number', async () => {
    const pdf = await renderSampleLabelsPdf(request);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain('QI-RP-2611-0007');
    // Two QR images (one per label).
    expect(text.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
