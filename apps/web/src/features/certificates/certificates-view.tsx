'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import styles from './certificates.module.css';

type TRevoking = { id: string; certNo: string } | null;

/**
 * Certificates the member may read: staff see all and (with certificate.issue) issue from a shipment and revoke;
 * a customer's partner member sees only its own customer's, to download and verify.
 */
export function CertificatesView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const access = useAccess();
  const apiError = useApiError();
  const canIssue = access.can('certificate.issue');
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TRevoking>(null);

  const list = useInfiniteQuery(
    trpc.certificate.list.infiniteQueryOptions(
      { limit: 50, ...(search ? { search } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearch(String(new FormData(e.currentTarget).get('search') ?? '').trim());
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('cert.title')}</h1>
          <p>{canIssue ? t('cert.subtitle') : t('cert.partnerSubtitle')}</p>
        </div>
      </div>
      {notice ? (
        <output className="notice notice--ok" data-testid="cert-notice">
          {notice}
        </output>
      ) : null}
      {canIssue ? <IssuePanel onIssued={(certNo) => setNotice(t('cert.issued', { certNo }))} /> : null}

      <form className="filters card card-pad" onSubmit={onSearch}>
        <div className="filters__wide">
          <Field label={t('cert.search')}>
            <input
              name="search"
              type="search"
              defaultValue={search}
              autoComplete="off"
              data-testid="cert-search"
            />
          </Field>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="btn btn-primary">
            {t('prod.search')}
          </button>
        </div>
      </form>

      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {!list.isLoading && !list.error && rows.length === 0 ? (
        <p className="notice">{t('cert.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="cert-table">
            <thead>
              <tr>
                <th scope="col">{t('cert.certNo')}</th>
                <th scope="col">{t('cert.status')}</th>
                <th scope="col">{t('cert.shipmentNo')}</th>
                <th scope="col">{t('cert.orderNo')}</th>
                <th scope="col">{t('cert.customer')}</th>
                <th scope="col">{t('cert.issuedAt')}</th>
                <th scope="col">{t('cert.hash')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid={`cert-row-${c.certNo}`}>
                  <td className="mono">{c.certNo}</td>
                  <td>
                    <span
                      className={`${styles.chip} ${c.status === 'valid' ? styles.valid : styles.revoked}`}
                      data-testid={`cert-status-${c.certNo}`}
                      title={c.status === 'revoked' ? c.revokeReason : undefined}
                    >
                      {t(`cert.status.${c.status}`)}
                    </span>
                  </td>
                  <td className="mono">{c.shipmentNo}</td>
                  <td className="mono">{c.orderNo}</td>
                  <td>{c.customerName}</td>
                  <td>{formatDateTime(c.issuedAt, locale)}</td>
                  <td className={`mono ${styles.hash}`} title={c.contentHash}>
                    {c.contentHash.slice(0, 12)}…
                  </td>
                  <td className={styles.actions}>
                    <a
                      className="btn btn-sm"
                      href={`/api/certificates/${c.id}/pdf`}
                      download={`${c.certNo}.pdf`}
                      data-testid={`cert-pdf-${c.certNo}`}
                    >
                      {t('cert.download')}
                    </a>
                    <a
                      className="btn btn-sm btn-ghost"
                      href={`/verify/${c.verifyToken}`}
                      target="_blank"
                      rel="noreferrer noopener"
                      data-testid={`cert-verify-${c.certNo}`}
                    >
                      {t('cert.verifyLink')}
                    </a>
                    {canIssue && c.status === 'valid' ? (
                      <button
                        type="button"
                        className="btn btn-sm btn-danger"
                        onClick={() => setRevoking({ id: c.id, certNo: c.certNo })}
                        data-testid={`cert-revoke-${c.certNo}`}
                      >
                        {t('cert.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <p>
          <button type="button" className="btn" onClick={() => void list.fetchNextPage()}>
            {t('cert.more')}
          </button>
        </p>
      ) : null}
      <RevokeDialog
        target={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(certNo) => setNotice(t('cert.revoked', { certNo }))}
      />
    </>
  );
}

/** Recent shipments with their certificate, and the button that issues one. */
function IssuePanel({ onIssued }: { onIssued: (certNo: string) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const [search, setSearch] = useState('');
  const shipments = useQuery(
    trpc.certificate.shipments.queryOptions({ limit: 20, ...(search ? { search } : {}) }),
  );
  const issue = useMutation(
    trpc.certificate.issue.mutationOptions({
      onSuccess: async (cert) => {
        await queryClient.invalidateQueries({ queryKey: trpc.certificate.pathKey() });
        onIssued(cert.certNo);
      },
    }),
  );
  return (
    <section className="card card-pad" aria-labelledby="cert-issue-title" data-testid="cert-issue-panel">
      <h2 id="cert-issue-title">{t('cert.issueTitle')}</h2>
      <p className="muted">{t('cert.issueHint')}</p>
      <form
        className={styles.inlineSearch}
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(String(new FormData(e.currentTarget).get('shipment') ?? '').trim());
        }}
      >
        <input
          name="shipment"
          type="search"
          placeholder={t('cert.search')}
          aria-label={t('cert.search')}
          data-testid="cert-shipment-search"
        />
        <button type="submit" className="btn btn-sm">
          {t('prod.search')}
        </button>
      </form>
      <FormError message={issue.error ? apiError(issue.error).formError : null} />
      {shipments.data && shipments.data.length === 0 ? (
        <p className="notice">{t('cert.noShipments')}</p>
      ) : null}
      {shipments.data && shipments.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data" data-testid="cert-shipments">
            <thead>
              <tr>
                <th scope="col">{t('cert.shipmentNo')}</th>
                <th scope="col">{t('cert.orderNo')}</th>
                <th scope="col">{t('cert.customer')}</th>
                <th scope="col">{t('cert.shippedAt')}</th>
                <th scope="col">{t('cert.lots')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {shipments.data.map((s) => (
                <tr key={s.id} data-testid={`cert-shipment-${s.shipmentNo}`}>
                  <td className="mono">{s.shipmentNo}</td>
                  <td className="mono">{s.orderNo}</td>
                  <td>{s.customerName}</td>
                  <td>{formatDateTime(s.shippedAt, locale)}</td>
                  <td className="mono">{s.lotNos.join(', ') || '—'}</td>
                  <td>
                    {s.certificate ? (
                      <span className="muted">
                        {t('cert.hasCertificate', { certNo: s.certificate.certNo })}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-sm btn-primary"
                        disabled={issue.isPending}
                        onClick={() => issue.mutate({ shipmentId: s.id })}
                        data-testid={`cert-issue-${s.shipmentNo}`}
                      >
                        {t('cert.issue')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function RevokeDialog({
  target,
  onClose,
  onRevoked,
}: {
  target: TRevoking;
  onClose: () => void;
  onRevoked: (certNo: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const revoke = useMutation(
    trpc.certificate.revoke.mutationOptions({
      onSuccess: async (cert) => {
        await queryClient.invalidateQueries({ queryKey: trpc.certificate.pathKey() });
        onRevoked(cert.certNo);
        close();
      },
    }),
  );
  const err = apiError(revoke.error);
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      open={target !== null}
      title={`${t('cert.revoke')} ${target?.certNo ?? ''}`}
      onClose={close}
      testId="cert-revoke-dialog"
    >
      <FormFrame
        formError={err.formError}
        pending={revoke.isPending}
        onSubmit={(fields) => {
          if (!target) return;
          revoke.mutate({ id: target.id, reason: String(fields.get('reason') ?? '') });
        }}
        onCancel={close}
        submitLabel={t('cert.revokeConfirm')}
        tone="danger"
        submitTestId="cert-revoke-submit"
      >
        <Field label={t('cert.revokeReason')} error={err.fieldErrors.reason}>
          <textarea name="reason" rows={3} required data-testid="cert-revoke-reason" />
        </Field>
      </FormFrame>
    </Modal>
  );
}
