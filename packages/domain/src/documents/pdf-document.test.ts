import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPdfDocument, PDF_FONT, pdfToBuffer } from './pdf-document.ts';
import { qrPngBuffer } from './qr-png.ts';

/** The decompressed content of every FlateDecode stream, to read what pdfkit wrote. */
function inflatedStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (or the image's own encoding)
    }
  }
  return out;
}

describe('createPdfDocument', () => {
  it('writes a PDF with Chinese and Latin text and embeds a subset of the CJK font', async () => {
    const doc = createPdfDocument({ title: '质量证明书 Mill test certificate' });
    doc.font(PDF_FONT.bold).fontSize(16).text('质量证明书 / Inspection certificate 3.1');
    doc.font(PDF_FONT.regular).fontSize(10).text('铝板带 5052-H32 厚度 1.50 mm，化学成分合格。');
    const pdf = await pdfToBuffer(doc);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // Both weights embedded as subsets (pdfkit prefixes subset names with six capitals and a plus).
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/);
    expect(raw).toContain('/FontFile3');
    expect(raw).not.toContain('Helvetica');
    // A subset, not the 8 MB font.
    expect(pdf.length).toBeLessThan(200_000);
    // The ToUnicode map lets readers extract the Chinese text: 质 is U+8D28, 铝 U+94DD.
    const streams = inflatedStreams(pdf).join('\n').toLowerCase();
    expect(streams).toContain('<8d28>');
    expect(streams).toContain('<94dd>');
    // The document language and title reach the catalogue/info.
    expect(raw).toContain('/Lang (zh-CN)');
  });
});

describe('qrPngBuffer', () => {
  it('renders a PNG that pdfkit can place in a document', async () => {
    const png = await qrPngBuffer('https://ingot.example/verify/abc', { width: 200 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(200);
    const doc = createPdfDocument({ title: 'QR' });
    doc.image(png, { width: 80 });
    const pdf = await pdfToBuffer(doc);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('refuses empty text', () => {
    expect(() => qrPngBuffer('')).toThrow('needs text');
  });
});
