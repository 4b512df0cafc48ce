import type { Db } from '@ingot/db';
import { contentHashOf } from './canonical-json.ts';
import type { TCertificateContent } from './certificate-content.ts';
import { isWellFormedVerifyToken } from './verify-token.ts';

/** What the public verification page may show: this certificate's own facts and validity, nothing else. */
export interface TCertificateVerification {
  certNo: string;
  issuerName: string;
  content: TCertificateContent;
  contentHash: string;
  /** The stored content still hashes to contentHash (a changed row would show as not intact). */
  intact: boolean;
  status: 'valid' | 'revoked';
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string;
}

type TRow = {
  cert_no: string;
  issuer_name: string;
  content: unknown;
  content_hash: string;
  status: string;
  issued_at: Date;
  revoked_at: Date | null;
  revoke_reason: string;
};

/**
 * The certificate of a verification token, for the public page (no sign-in, no tenant): read through the SQL
 * function app_certificate_by_token, the one cross-tenant read it needs, as the application role. A malformed
 * token is answered like an unknown one (null) without touching the database.
 */
export async function verifyCertificateByToken(
  db: Db,
  token: string,
): Promise<TCertificateVerification | null> {
  if (!isWellFormedVerifyToken(token)) return null;
  const rows = await db.prisma.$transaction(async (tx) => {
    // PGlite's only session user is a superuser: read as the application role, as on PostgreSQL.
    if (db.kind === 'pglite') await tx.$executeRawUnsafe('SET LOCAL ROLE ingot_app');
    return tx.$queryRaw<TRow[]>`
      SELECT cert_no, issuer_name, content, content_hash, status, issued_at, revoked_at, revoke_reason
        FROM app_certificate_by_token(${token})`;
  });
  const row = rows[0];
  if (!row) return null;
  return {
    certNo: row.cert_no,
    issuerName: row.issuer_name,
    content: row.content as TCertificateContent,
    contentHash: row.content_hash,
    intact: contentHashOf(row.content) === row.content_hash,
    status: row.status === 'revoked' ? 'revoked' : 'valid',
    issuedAt: new Date(row.issued_at),
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
    revokeReason: row.revoke_reason,
  };
}
