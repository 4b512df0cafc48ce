'use client';

import { METAL_FAMILIES, type TMetalFamily } from '@ingot/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { text } from './form-values.ts';
import type { TTemper } from './types.ts';

/** Temper designations per metal (O, H14, T5, …); create, and edit the description. */
export function TempersView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [family, setFamily] = useState<TMetalFamily | ''>('');
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; temper: TTemper } | null>(null);
  const tempers = useQuery(trpc.masterData.temper.list.queryOptions(family ? { family } : {}));
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.masterData.temper.pathKey() });
    setDialog(null);
  };
  const create = useMutation(trpc.masterData.temper.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.masterData.temper.update.mutationOptions({ onSuccess: done }));
  const canManage = access.can('masterData.manage');
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };
  const err = apiError(dialog?.kind === 'edit' ? update.error : create.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (dialog?.kind === 'edit')
      update.mutate({ id: dialog.temper.id, description: text(f.get('description')) });
    else
      create.mutate({
        code: text(f.get('code')),
        family: (text(f.get('family')) || 'aluminium') as TMetalFamily,
        description: text(f.get('description')),
      });
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
        {canManage ? (
          <div className="filters__buttons">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="new-temper"
            >
              + {t('masterData.newTemper')}
            </button>
          </div>
        ) : null}
      </div>
      {!access.loading && !canManage ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {tempers.error ? <p className="notice notice--error">{apiError(tempers.error).formError}</p> : null}
      {tempers.data && tempers.data.length === 0 ? <p className="notice">{t('masterData.empty')}</p> : null}
      {tempers.data && tempers.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="temper-table">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('masterData.family')}</th>
                <th scope="col">{t('masterData.description')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {tempers.data.map((x) => (
                <tr key={x.id} data-testid={`temper-${x.family}-${x.code}`}>
                  <td className="mono">{x.code}</td>
                  <td>{t(`metalFamily.${x.family}`)}</td>
                  <td>{x.description || '—'}</td>
                  {canManage ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setDialog({ kind: 'edit', temper: x })}
                      >
                        {t('common.edit')}
                      </button>
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
        title={dialog?.kind === 'edit' ? t('masterData.editTemper') : t('masterData.newTemper')}
        onClose={close}
        testId="temper-dialog"
      >
        {dialog ? (
          <form className="form" onSubmit={submit} noValidate data-testid="temper-form">
            <FormError message={err.formError} />
            <div className="form-grid">
              <Field label={t('common.code')} error={err.fieldErrors.code} testId="temper-code">
                <input
                  name="code"
                  type="text"
                  defaultValue={dialog.kind === 'edit' ? dialog.temper.code : ''}
                  disabled={dialog.kind === 'edit'}
                  data-testid="temper-code"
                />
              </Field>
              <Field label={t('masterData.family')} error={err.fieldErrors.family}>
                <select
                  name="family"
                  defaultValue={dialog.kind === 'edit' ? dialog.temper.family : 'aluminium'}
                  disabled={dialog.kind === 'edit'}
                >
                  {METAL_FAMILIES.map((m) => (
                    <option key={m} value={m}>
                      {t(`metalFamily.${m}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field label={t('masterData.description')} error={err.fieldErrors.description}>
              <textarea
                name="description"
                rows={2}
                defaultValue={dialog.kind === 'edit' ? dialog.temper.description : ''}
              />
            </Field>
            <div className="form-actions">
              <button type="button" className="btn" onClick={close}>
                {t('common.cancel')}
              </button>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={create.isPending || update.isPending}
                data-testid="temper-submit"
              >
                {t('common.save')}
              </button>
            </div>
          </form>
        ) : null}
      </Modal>
    </>
  );
}
