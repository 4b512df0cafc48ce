/** certificate: mill test certificates (EN 10204 3.1) per shipment, public verification; see README.md. */

// PDF helpers live in documents/; re-exported here until the domain index lists that folder.
export * from '../documents/index.ts';
export * from './canonical-json.ts';
export * from './certificate-access.ts';
export * from './certificate-content.ts';
export * from './certificate-dto.ts';
export * from './certificate-evidence.ts';
export * from './get-certificate.ts';
export * from './issue-certificate.ts';
export * from './list-certificate-shipments.ts';
export * from './list-certificates.ts';
export * from './render-certificate-pdf.ts';
export * from './revoke-certificate.ts';
export * from './seed-demo-customer-partners.ts';
export * from './verify-certificate.ts';
export * from './verify-token.ts';
