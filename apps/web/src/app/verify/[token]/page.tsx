import { verifyCertificateByToken } from '@ingot/domain';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { createTranslator, type TMessageKey } from '../../../i18n/messages.ts';
import { clientIp } from '../../../server/client-ip.ts';
import { rateLimit } from '../../../server/rate-limit.ts';
import { getPortalRuntime } from '../../../server/runtime.ts';
import styles from './verify.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '质量证书验证 · Certificate verification',
  robots: { index: false, follow: false, nocache: true },
  referrer: 'no-referrer',
};

/** Verifications per minute per client address: plenty for people scanning, useless for trying tokens. */
const VERIFY_LIMIT_PER_MINUTE = 30;

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

/** Both languages: the receiver of a certificate may read either. */
function Both({ k, vars }: { k: TMessageKey; vars?: Record<string, string | number> }) {
  return (
    <>
      {zh(k, vars)} <span className={styles.en}>{en(k, vars)}</span>
    </>
  );
}

const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 1e4) / 1e4));
const limit = (l: { min: number | null; max: number | null }) =>
  l.min !== null && l.max !== null
    ? `${num(l.min)} – ${num(l.max)}`
    : l.min !== null
      ? `≥ ${num(l.min)}`
      : l.max !== null
        ? `≤ ${num(l.max)}`
        : '—';

/**
 * The public verification page of a certificate's QR code (no sign-in): the token is 128 random bits. Shows only
 * that certificate's own facts and whether it is valid or revoked (with the reason). An unknown, tampered or
 * malformed token shows the same "not found"; the page is not indexed, sends no referrer, and each address may
 * verify a limited number of times a minute.
 */
export default async function VerifyCertificatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const limited = rateLimit(`verify:${clientIp(await headers()) ?? 'unknown'}`, VERIFY_LIMIT_PER_MINUTE, 60);
  if (!limited.ok)
    return (
      <main className={styles.page}>
        <p className={styles.notFound} data-testid="verify-too-many">
          <Both k="verify.tooMany" />
        </p>
      </main>
    );
  const { db } = await getPortalRuntime();
  const cert = await verifyCertificateByToken(db, token);
  if (!cert)
    return (
      <main className={styles.page}>
        <h1 className={styles.title}>
          <Both k="verify.title" />
        </h1>
        <section className={`${styles.status} ${styles.statusBad}`} data-testid="verify-not-found">
          <h2>
            <Both k="verify.notFound" />
          </h2>
          <p>
            <Both k="verify.notFoundHint" />
          </p>
        </section>
      </main>
    );
  const c = cert.content;
  const valid = cert.status === 'valid' && cert.intact;
  return (
    <main className={styles.page}>
      <h1 className={styles.title}>
        <Both k="verify.title" />
      </h1>
      <p className={styles.muted}>
        <Both k="verify.subtitle" />
      </p>
      <section
        className={`${styles.status} ${valid ? styles.statusOk : styles.statusBad}`}
        data-testid="verify-status"
        data-status={cert.status}
      >
        <h2>{cert.status === 'revoked' ? <Both k="verify.revoked" /> : <Both k="verify.valid" />}</h2>
        {cert.status === 'revoked' ? (
          <p data-testid="verify-revoke-reason">
            <Both k="verify.revokedReason" vars={{ reason: cert.revokeReason }} />
            {cert.revokedAt ? ` · ${cert.revokedAt.toISOString().slice(0, 10)}` : ''}
          </p>
        ) : null}
        {!cert.intact ? (
          <p>
            <Both k="verify.tampered" />
          </p>
        ) : null}
      </section>

      <dl className={styles.facts}>
        <dt>
          <Both k="cert.certNo" />
        </dt>
        <dd className={styles.mono} data-testid="verify-cert-no">
          {cert.certNo}
        </dd>
        <dt>
          <Both k="verify.issuer" />
        </dt>
        <dd>{cert.issuerName}</dd>
        <dt>
          <Both k="verify.standard" />
        </dt>
        <dd>{c.standard}</dd>
        <dt>
          <Both k="cert.issuedAt" />
        </dt>
        <dd>{cert.issuedAt.toISOString().slice(0, 10)}</dd>
        <dt>
          <Both k="cert.customer" />
        </dt>
        <dd>{c.customer.name}</dd>
        <dt>
          <Both k="cert.orderNo" />
        </dt>
        <dd className={styles.mono}>
          {c.order.orderNo}
          {c.order.customerPo ? ` · PO ${c.order.customerPo}` : ''}
        </dd>
        <dt>
          <Both k="cert.shipmentNo" />
        </dt>
        <dd className={styles.mono}>
          {c.shipment.shipmentNo} · {c.shipment.shippedAt.slice(0, 10)}
        </dd>
        <dt>
          <Both k="cert.hash" />
        </dt>
        <dd className={`${styles.mono} ${styles.hash}`} data-testid="verify-hash">
          {cert.contentHash}
        </dd>
      </dl>

      <h2 className={styles.h2}>
        <Both k="verify.lots" />
      </h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">
              <Both k="trace.lot" />
            </th>
            <th scope="col">
              <Both k="verify.heat" />
            </th>
            <th scope="col">Alloy</th>
            <th scope="col">kg</th>
          </tr>
        </thead>
        <tbody>
          {c.lots.map((l) => (
            <tr key={l.lotNo}>
              <td className={styles.mono}>{l.lotNo}</td>
              <td className={styles.mono}>{[l.heatNo, l.castNo].filter(Boolean).join(' / ') || '—'}</td>
              <td>{`${l.alloy ?? '—'}-${l.temper ?? '—'}`}</td>
              <td>{num(l.weightKg)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {c.chemistry.map((heat) => (
        <section key={heat.heatNo || heat.sampleLotNo}>
          <h2 className={styles.h2}>
            <Both k="verify.chemistry" /> · {heat.heatNo} · {heat.alloy}
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">
                  <Both k="verify.element" />
                </th>
                <th scope="col">
                  <Both k="verify.limit" />
                </th>
                <th scope="col">
                  <Both k="verify.actual" />
                </th>
              </tr>
            </thead>
            <tbody>
              {heat.elements.map((e) => (
                <tr key={e.element}>
                  <td>{e.element}</td>
                  <td>{limit(e.limit)}</td>
                  <td>{num(e.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      {c.mechanical.length > 0 ? (
        <>
          <h2 className={styles.h2}>
            <Both k="verify.mechanical" />
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">
                  <Both k="trace.lot" />
                </th>
                <th scope="col">
                  <Both k="verify.property" />
                </th>
                <th scope="col">
                  <Both k="verify.limit" />
                </th>
                <th scope="col">
                  <Both k="verify.actual" />
                </th>
                <th scope="col">
                  <Both k="verify.result" />
                </th>
              </tr>
            </thead>
            <tbody>
              {c.mechanical.flatMap((m) =>
                m.properties.map((p) => (
                  <tr key={`${m.lotNo}-${p.code}`}>
                    <td className={styles.mono}>{m.lotNo}</td>
                    <td>
                      {p.code} ({p.unit})
                    </td>
                    <td>{limit(p.limit)}</td>
                    <td>{p.values.map(num).join(' / ')}</td>
                    <td>{p.verdict === 'pass' ? <Both k="verify.pass" /> : <Both k="verify.fail" />}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}

      {c.concessions.length > 0 ? (
        <>
          <h2 className={styles.h2}>
            <Both k="verify.concessions" />
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">
                  <Both k="trace.lot" />
                </th>
                <th scope="col">
                  <Both k="verify.ncNo" />
                </th>
                <th scope="col">
                  <Both k="verify.deviation" />
                </th>
                <th scope="col">
                  <Both k="verify.concessionRef" />
                </th>
              </tr>
            </thead>
            <tbody>
              {c.concessions.map((x) => (
                <tr key={x.ncNo} data-testid={`verify-concession-${x.ncNo}`}>
                  <td className={styles.mono}>{x.lotNo}</td>
                  <td className={styles.mono}>{x.ncNo}</td>
                  <td>{x.defectCode}</td>
                  <td className={styles.mono}>{x.concessionRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </main>
  );
}
