'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { text } from './form-values.ts';
import type { TCustomer } from './types.ts';

/** Customers with contacts; search, create, edit, deactivate (customers with orders are never deleted). */
export function CustomersView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const apiError = useApiError();
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; customer: TCustomer } | null>(
    null,
  );
  const customers = useQuery(
    trpc.masterData.customer.list.queryOptions({ ...(search ? { search } : {}), includeInactive }),
  );
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.masterData.customer.pathKey() });
    setDialog(null);
  };
  const create = useMutation(trpc.masterData.customer.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.masterData.customer.update.mutationOptions({ onSuccess: done }));
  const setActive = useMutation(trpc.masterData.customer.setActive.mutationOptions({ onSuccess: done }));
  const canManage = access.can('masterData.manage');
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };
  const err = apiError(dialog?.kind === 'edit' ? update.error : create.error);
  const fe = err.fieldErrors;
  const init = dialog?.kind === 'edit' ? dialog.customer : undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = {
      code: text(f.get('code')),
      name: text(f.get('name')),
      country: text(f.get('country')).toUpperCase(),
      contact: {
        person: text(f.get('person')),
        phone: text(f.get('phone')),
        email: text(f.get('email')),
        address: text(f.get('address')),
      },
    };
    if (dialog?.kind === 'edit') update.mutate({ id: dialog.customer.id, ...v });
    else create.mutate(v);
  };

  return (
    <>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(text(new FormData(e.currentTarget).get('q')));
        }}
      >
        <Field label={t('masterData.search')}>
          <input name="q" type="search" defaultValue={search} />
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
        <div className="filters__buttons">
          <button type="submit" className="btn">
            {t('prod.search')}
          </button>
          {canManage ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="new-customer"
            >
              + {t('masterData.newCustomer')}
            </button>
          ) : null}
        </div>
      </form>
      {!access.loading && !canManage ? <p className="notice">{t('masterData.readOnly')}</p> : null}
      {customers.error ? <p className="notice notice--error">{apiError(customers.error).formError}</p> : null}
      <FormError message={apiError(setActive.error).formError} />
      {customers.data && customers.data.length === 0 ? (
        <p className="notice">{t('masterData.empty')}</p>
      ) : null}
      {customers.data && customers.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="data" data-testid="customer-table">
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('masterData.country')}</th>
                <th scope="col">{t('masterData.contactPerson')}</th>
                <th scope="col">{t('masterData.contactPhone')}</th>
                <th scope="col">{t('masterData.partnerPortal')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {customers.data.map((c) => (
                <tr key={c.id} data-testid={`customer-${c.code}`}>
                  <td className="mono">
                    {c.code} {c.active ? null : <span className="badge">{t('masterData.inactive')}</span>}
                  </td>
                  <td>{c.name}</td>
                  <td>{c.country}</td>
                  <td>{c.contact.person || '—'}</td>
                  <td>{c.contact.phone || '—'}</td>
                  <td>{c.partnershipId ? '✓' : '—'}</td>
                  {canManage ? (
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setDialog({ kind: 'edit', customer: c })}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setActive.mutate({ id: c.id, active: !c.active })}
                          disabled={setActive.isPending}
                        >
                          {c.active ? t('masterData.deactivate') : t('masterData.activate')}
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
        title={dialog?.kind === 'edit' ? t('masterData.editCustomer') : t('masterData.newCustomer')}
        onClose={close}
        testId="customer-dialog"
      >
        {dialog ? (
          <form className="form" onSubmit={submit} noValidate data-testid="customer-form">
            <FormError message={err.formError} />
            <div className="form-grid">
              <CodeNameFields testIdPrefix="customer" initial={init} fieldErrors={fe} />
              <Field label={t('masterData.country')} error={fe.country}>
                <input name="country" type="text" maxLength={2} defaultValue={init?.country ?? 'CN'} />
              </Field>
              <Field label={t('masterData.contactPerson')} error={fe['contact.person']}>
                <input name="person" type="text" defaultValue={init?.contact.person} />
              </Field>
              <Field label={t('masterData.contactPhone')} error={fe['contact.phone']}>
                <input name="phone" type="text" defaultValue={init?.contact.phone} />
              </Field>
              <Field label={t('masterData.contactEmail')} error={fe['contact.email']}>
                <input name="email" type="email" defaultValue={init?.contact.email} />
              </Field>
            </div>
            <Field label={t('masterData.contactAddress')} error={fe['contact.address']}>
              <input name="address" type="text" defaultValue={init?.contact.address} />
            </Field>
            <div className="form-actions">
              <button type="button" className="btn" onClick={close}>
                {t('common.cancel')}
              </button>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={create.isPending || update.isPending}
                data-testid="customer-submit"
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
