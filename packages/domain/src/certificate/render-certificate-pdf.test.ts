import { describe, expect, it } from 'vitest';
import { contentHashOf } from './canonical-json.ts';
import { renderCertificatePdf } from './render-certificate-pdf.ts';
import { sampleCertificateContent } from './sample-certificate-content.ts';

describe('renderCertificatePdf', () => {
  it('renders the bilingual certificate with its number, hash and QR image', async () => {
    const content = sampleCertificateContent('MTC-2026-00042');
    const hash = contentHashOf(content);
    const pdf = await renderCertificatePdf({
      content,
      contentHash: hash,
      status: 'valid',
      revokeReason: '',
      verifyUrl: 'https://portal.example/verify/AAAAAAAAAAAAAAAAAAAAAA',
    });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // The certificate number and hash are in the document's keywords, readable without a font.
    expect(raw).toContain('MTC-2026-00042');
    expect(raw).toContain(hash);
    expect(raw).toContain('/Subtype /Image');
    expect(raw).toMatch(/NotoSansHans-Bold/);
    expect(raw).not.toContain('Helvetica');
    expect(raw.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
  });
});
