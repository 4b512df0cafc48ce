/** documents: PDF generation (Chinese + Latin text) and QR codes; see README.md. */
export * from './cjk-font.ts';
export * from './pdf-document.ts';
export * from './qr-png.ts';
