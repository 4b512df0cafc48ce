import QRCode from 'qrcode';

export type TQrPngOptions = {
  /** Image width in pixels (the code is scaled to fit). */
  width?: number;
  /** Quiet zone in modules; 4 is the standard, labels with their own white border may use less. */
  margin?: number;
};

/**
 * A PNG of a QR code carrying `text` (error correction level M: survives a smudged label).
 * Embed it in a PDF with doc.image(buffer, …).
 */
export function qrPngBuffer(text: string, options: TQrPngOptions = {}): Promise<Buffer> {
  if (text.length === 0) throw new Error('A QR code needs text');
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: options.margin ?? 4,
    width: options.width ?? 256,
  });
}
