import PDFDocument from 'pdfkit';
import { cjkFontBuffer } from './cjk-font.ts';

/** Font names registered on every document from createPdfDocument. */
export const PDF_FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;

export type TCreatePdfDocumentOptions = {
  title: string;
  author?: string;
  subject?: string;
  /** Document keywords (plain ASCII stays searchable in the PDF's bytes, e.g. a certificate number). */
  keywords?: string;
  /** Page size name (pdfkit's, e.g. 'A4', 'A6') or [width, height] in points. */
  size?: string | [number, number];
  /** Page margin in points. */
  margin?: number;
  /** Document language, BCP 47; the default is Chinese because plant users read Chinese first. */
  lang?: string;
};

/**
 * A pdfkit document that can set Simplified Chinese and Latin text: the CJK font is registered as
 * PDF_FONT.regular / PDF_FONT.bold and is the default font, so pdfkit never loads a standard font
 * (whose glyphs would show Chinese as blanks). Finish it with pdfToBuffer.
 */
export function createPdfDocument(options: TCreatePdfDocumentOptions): PDFKit.PDFDocument {
  const regular = cjkFontBuffer('regular');
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? 40,
    lang: options.lang ?? 'zh-CN',
    displayTitle: true,
    bufferPages: true,
    // null: no default standard font (Helvetica) is loaded; the CJK font is chosen below.
    font: null as unknown as string,
    info: {
      Title: options.title,
      Author: options.author ?? 'Ingot',
      Subject: options.subject ?? options.title,
      ...(options.keywords ? { Keywords: options.keywords } : {}),
      Creator: 'Ingot',
      Producer: 'Ingot (pdfkit)',
    },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont(PDF_FONT.regular, regular);
  doc.registerFont(PDF_FONT.bold, cjkFontBuffer('bold'));
  doc.font(PDF_FONT.regular);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
