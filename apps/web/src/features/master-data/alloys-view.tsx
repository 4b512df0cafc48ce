'use client';

import { METAL_FAMILIES, type TMetalFamily } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TApiErrorView } from '../../trpc/describe-api-error.ts';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { compositionRows, compositionSummary, rowsToComposition, type TElementRow } from './composition.ts';
import { numberOrNull, numberValue, text } from './form-values.ts';
import type { TAlloy } from './types.ts';

function AlloyForm(props: {
  initial?: TAlloy;
  pending: boolean;
  error: TApiErrorView;
  onSubmit: (v: {
    code: string;
    family: TMetalFamily;
    name: string;
    standard: string;
    density: number | null;
    composition: TAlloy['composition'];
  }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const [rows, setRows] = useState<TElementRow[]>(() => compositionRows(init?.composition ?? {}));
  const [nextKey, setNextKey] = useState(() => rows.length + 1);
  const setRow = (key: number, patch: Partial<TElementRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    props.onSubmit({
      code: text(f.get('code')),
      family: (text(f.get('family')) || 'aluminium') as TMetalFamily,
      name: text(f.get('name')),
      standard: text(f.get('standard')),
      density: numberOrNull(f.get('density')),
      composition: rowsToComposition(rows, init?.composition ?? {}),
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="alloy-form">
      <FormError message={props.error.formError ?? fe.composition} />
      <div className="form-grid">
        <CodeNameFields testIdPrefix="alloy" initial={init} fieldErrors={fe} />
        <Field label={t('masterData.family')} error={fe.family}>
          <select name="family" defaultValue={init?.family ?? 'aluminium'} disabled={Boolean(init)}>
            {METAL_FAMILIES.map((m) => (
              <option key={m} value={m}>
                {t(`metalFamily.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('masterData.standard')} error={fe.standard}>
          <input name="standard" type="text" defaultValue={init?.standard} />
        </Field>
        <Field label={t('masterData.density')} error={fe.density}>
          <input
            name="density"
            type="number"
            step="any"
            min={1}
            max={25}
            defaultValue={numberValue(init?.density)}
          />
        </Field>
      </div>
      <fieldset>
        <legend>{t('masterData.composition')}</legend>
        <div className="line-editor">
          {rows.map((r) => (
            <div key={r.key} className="attr-row" style={{ gridTemplateColumns: '1fr 1fr 1fr auto auto' }}>
              <Field label={t('masterData.element')} error={fe[`composition.${r.element}`]}>
                <input
                  type="text"
                  value={r.element}
                  onChange={(e) => setRow(r.key, { element: e.target.value })}
                />
              </Field>
              <Field label={t('masterData.min')} error={fe[`composition.${r.element}.min`]}>
                <input
                  type="number"
                  step="any"
                  value={r.min}
                  onChange={(e) => setRow(r.key, { min: e.target.value })}
                />
              </Field>
              <Field label={t('masterData.max')} error={fe[`composition.${r.element}.max`]}>
                <input
                  type="number"
                  step="any"
                  value={r.max}
                  onChange={(e) => setRow(r.key, { max: e.target.value })}
                />
              </Field>
              <label style={{ alignSelf: 'end', display: 'flex', gap: 4 }}>
                <input
                  type="checkbox"
                  checked={r.remainder}
                  onChange={(e) => setRow(r.key, { remainder: e.target.checked })}
                />
                {t('masterData.remainder')}
              </label>
              <button
                type="button"
                className="btn btn-sm btn-icon"
                style={{ alignSelf: 'end' }}
                onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                aria-label={t('masterData.removeElement', { element: r.element || '?' })}
              >
                ✕
              </button>
            </div>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-sm"
          style={{ marginTop: 8 }}
          onClick={() => {
            setRows((list) => [...list, { key: nextKey, element: '', min: '', max: '', remainder: false }]);
            setNextKey((k) => k + 1);
          }}
        >
          + {t('masterData.addElement')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={props.pending} data-testid="alloy-submit">
          {props.pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Alloys with their composition limits; create, edit, deactivate (alloys in use are never deleted). */
export function AlloysView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [family, setFamily] = useState<TMetalFamily | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; alloy: TAlloy } | null>(null);
  const alloys = useQuery(
    trpc.masterData.alloy.list.queryOptions({ ...(family ? { family } : {}), includeInactive }),
  );
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.masterData.alloy.pathKey() });
    setDialog(null);
  };
  const create = useMutation(trpc.masterData.alloy.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.masterData.alloy.update.mutationOptions({ onSuccess: done }));
  const setActive = useMutation(trpc.masterData.alloy.setActive.mutationOptions({ onSuccess: done }));
  const canManage = access.can('masterData.manage');
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };

  return (
    <>
      <div className="filters">
        <Field label={t('masterData.family')}>
          <select value={family} onChange={(e) => setFamily(e.target.value as TMetalFamily | '')}>
            <option value="">{t('masterData.allFamilies')}</option>
            {METAL_FAMILIES.map((m) => (
              <option key={m} value={m}>
                {t(`metalFamily.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={includeInactive}
              onChange={(e) => setIncludeInactive(e.target.checked)}
            />{' '}
            {t('masterData.includeInactive')}
          </label>
        </div>
        {canManage ? (
          <div className="filters__buttons">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="new-alloy"
            >
              + {t('masterData.newAlloy')}
            </button>
          </div>
        ) : null}
      </div>
      {!access.loading && !canManage ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {alloys.error ? <p className="notice notice--error">{apiError(alloys.error).formError}</p> : null}
      <FormError message={apiError(setActive.error).formError} />
      {alloys.data && alloys.data.length === 0 ? <p className="notice">{t('masterData.empty')}</p> : null}
      {alloys.data && alloys.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="alloy-table">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('masterData.family')}</th>
                <th scope="col">{t('masterData.name')}</th>
                <th scope="col">{t('masterData.standard')}</th>
                <th scope="col" className="num">
                  {t('masterData.density')}
                </th>
                <th scope="col">{t('masterData.composition')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {alloys.data.map((a) => (
                <tr key={a.id} data-testid={`alloy-${a.code}`}>
                  <td className="mono">
                    {a.code} {a.active ? null : <span className="badge">{t('masterData.inactive')}</span>}
                  </td>
                  <td>{t(`metalFamily.${a.family}`)}</td>
                  <td>{a.name || '—'}</td>
                  <td>{a.standard || '—'}</td>
                  <td className="num">{a.density ?? '—'}</td>
                  <td className="muted" style={{ fontSize: 13 }}>
                    {compositionSummary(a.composition, t('masterData.remainder')) || '—'}
                  </td>
                  {canManage ? (
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setDialog({ kind: 'edit', alloy: a })}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setActive.mutate({ id: a.id, active: !a.active })}
                          disabled={setActive.isPending}
                        >
                          {a.active ? t('masterData.deactivate') : t('masterData.activate')}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'edit' ? t('masterData.editAlloy') : t('masterData.newAlloy')}
        onClose={close}
        testId="alloy-dialog"
      >
        {dialog?.kind === 'edit' ? (
          <AlloyForm
            initial={dialog.alloy}
            pending={update.isPending}
            error={apiError(update.error)}
            onCancel={close}
            onSubmit={({ family: _f, ...v }) => update.mutate({ id: dialog.alloy.id, ...v })}
          />
        ) : dialog?.kind === 'create' ? (
          <AlloyForm
            pending={create.isPending}
            error={apiError(create.error)}
            onCancel={close}
            onSubmit={(v) => create.mutate(v)}
          />
        ) : null}
      </Modal>
    </>
  );
}
