'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import type { TRouterOutputs } from '../../trpc/types.ts';
import { useApiError } from '../../trpc/use-api-error.ts';
import { formatDateTime, formatNumber } from '../orders/format.ts';
import { useAccess } from '../use-access.ts';
import { ConfigEditor } from './config-editor.tsx';
import { formatLag, stateBadge } from './connector-format.ts';
import styles from './connectors.module.css';
import { CredentialsDialog } from './credentials-dialog.tsx';

export type TConnector = TRouterOutputs['connector']['list'][number];
type TIssued = TRouterOutputs['connector']['issueCredentials'];

/** Connectors of the member's plants: health from heartbeats, credentials, and the configuration they run. */
export function ConnectorsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const access = useAccess();
  const canManage = access.can('connector.manage');
  const queryClient = useQueryClient();
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [plantId, setPlantId] = useState('');
  const list = useQuery({
    ...trpc.connector.list.queryOptions(plantId ? { plantId } : {}),
    // Heartbeats arrive every few seconds: keep status, spool and lag current.
    refetchInterval: 5000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.connector.pathKey() });

  const [issued, setIssued] = useState<TIssued | null>(null);
  const [revoking, setRevoking] = useState<TConnector | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const create = useMutation(
    trpc.connector.create.mutationOptions({
      onSuccess: (c) => {
        void refresh();
        setEditing(c.id);
      },
    }),
  );
  const issue = useMutation(
    trpc.connector.issueCredentials.mutationOptions({
      onSuccess: (out) => {
        setIssued(out);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.connector.revoke.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        void refresh();
      },
    }),
  );
  const createErrors = apiError(create.error);
  const plantName = (id: string) => {
    const p = plants.data?.find((x) => x.id === id);
    return p ? `${p.code} · ${p.name}` : '—';
  };

  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      plantId: String(f.get('plantId') ?? ''),
      code: String(f.get('code') ?? '').trim(),
      name: String(f.get('name') ?? '').trim(),
    });
  };
  const editingConnector = list.data?.find((c) => c.id === editing) ?? null;

  return (
    <div className={styles.layout}>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('connectors.title')}</h1>
          <p>{t('connectors.subtitle')}</p>
        </div>
      </div>

      <div className="card card-pad">
        <Field label={t('telemetry.plant')}>
          <select
            value={plantId}
            onChange={(e) => setPlantId(e.target.value)}
            data-testid="connector-plant-filter"
          >
            <option value="">{t('connectors.allPlants')}</option>
            {plants.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {canManage ? (
        <form
          className={`card card-pad ${styles.createForm}`}
          onSubmit={onCreate}
          data-testid="connector-create"
        >
          <Field label={t('telemetry.plant')} error={createErrors.fieldErrors.plantId}>
            <select name="plantId" defaultValue={plantId} required>
              {plants.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} · {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('connectors.code')}
            hint={t('connectors.codeHint')}
            error={createErrors.fieldErrors.code}
          >
            <input name="code" required maxLength={64} autoComplete="off" data-testid="connector-code" />
          </Field>
          <Field label={t('connectors.name')} error={createErrors.fieldErrors.name}>
            <input name="name" required maxLength={120} autoComplete="off" data-testid="connector-name" />
          </Field>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={create.isPending}
            data-testid="connector-create-submit"
          >
            {create.isPending ? t('common.saving') : t('connectors.create')}
          </button>
          <FormError
            message={Object.keys(createErrors.fieldErrors).length === 0 ? createErrors.formError : null}
          />
        </form>
      ) : null}

      {list.error ? <p className="notice notice--error">{apiError(list.error).formError}</p> : null}
      {list.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      {list.data?.length === 0 ? <p className="notice">{t('connectors.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="connector-table">
            <thead>
              <tr>
                <th scope="col">{t('connectors.code')}</th>
                <th scope="col">{t('telemetry.plant')}</th>
                <th scope="col">{t('connectors.status')}</th>
                <th scope="col">{t('connectors.lastSeen')}</th>
                <th scope="col" className="num">
                  {t('connectors.spool')}
                </th>
                <th scope="col" className="num">
                  {t('connectors.lag')}
                </th>
                <th scope="col" className="num">
                  {t('connectors.rate')}
                </th>
                <th scope="col" className="num">
                  {t('connectors.configVersion')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id} data-testid={`connector-${c.code}`}>
                  <td>
                    <span className="mono">{c.code}</span>
                    <div className="muted">{c.name}</div>
                    <div className="muted mono" title={t('connectors.username')}>
                      {c.username}
                    </div>
                  </td>
                  <td>{plantName(c.plantId)}</td>
                  <td>
                    <span
                      className={stateBadge(c.state)}
                      data-testid={`connector-state-${c.code}`}
                      data-state={c.state}
                    >
                      {t(`connectors.state.${c.state}`)}
                    </span>
                    {c.lastStatus.sourcesDown ? (
                      <div className="muted">
                        {t('connectors.sourcesDown', { n: c.lastStatus.sourcesDown })}
                      </div>
                    ) : null}
                  </td>
                  <td>{c.lastSeenAt ? formatDateTime(c.lastSeenAt, locale) : t('connectors.never')}</td>
                  <td className="num">
                    {c.spoolDepth === null ? '—' : formatNumber(c.spoolDepth, locale, 0)}
                    {c.lastStatus.droppedPoints ? (
                      <div className="badge badge--error">
                        {t('connectors.dropped', { n: c.lastStatus.droppedPoints })}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{formatLag(c.lastStatus.lagMs)}</td>
                  <td className="num">
                    {c.lastStatus.pointsPerS === undefined
                      ? '—'
                      : formatNumber(c.lastStatus.pointsPerS, locale, 0)}
                  </td>
                  <td className="num">{c.configVersion}</td>
                  <td>
                    <div className={styles.actions}>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setEditing(c.id)}
                        data-testid={`connector-config-${c.code}`}
                      >
                        {canManage ? t('connectors.configure') : t('connectors.viewConfig')}
                      </button>
                      {canManage ? (
                        <>
                          <button
                            type="button"
                            className="btn btn-sm"
                            disabled={issue.isPending}
                            onClick={() => issue.mutate({ id: c.id })}
                            data-testid={`connector-issue-${c.code}`}
                          >
                            {c.hasCredentials && !c.revokedAt
                              ? t('connectors.reissue')
                              : t('connectors.issue')}
                          </button>
                          {c.hasCredentials && !c.revokedAt ? (
                            <button
                              type="button"
                              className="btn btn-sm btn-danger"
                              onClick={() => setRevoking(c)}
                              data-testid={`connector-revoke-${c.code}`}
                            >
                              {t('connectors.revoke')}
                            </button>
                          ) : null}
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {issue.error ? <p className="notice notice--error">{apiError(issue.error).formError}</p> : null}

      {editingConnector ? (
        <ConfigEditor
          key={editingConnector.id}
          connector={editingConnector}
          canManage={canManage}
          onClose={() => setEditing(null)}
          onSaved={() => void refresh()}
        />
      ) : null}

      <CredentialsDialog issued={issued} onClose={() => setIssued(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('connectors.revokeTitle')}
        body={t('connectors.revokeBody', { code: revoking?.code ?? '' })}
        confirmLabel={t('connectors.revoke')}
        pending={revoke.isPending}
        error={revoke.error ? apiError(revoke.error).formError : null}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
