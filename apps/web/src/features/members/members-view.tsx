'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { apiErrorMessage } from '../../trpc/describe-api-error.ts';
import { useTRPC } from '../../trpc/react.tsx';
import type { TMember } from '../../trpc/types.ts';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { MemberForm } from './member-form.tsx';
import { SecondFactorSetting } from './second-factor-setting.tsx';

type TDialog = { kind: 'add' } | { kind: 'edit' | 'remove'; member: TMember } | null;

/** The tenant's members: roles and plant scope (tenant administrators only). */
export function MembersView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: access.isTenantAdmin });
  const plants = useQuery(trpc.plant.list.queryOptions());
  const [dialog, setDialog] = useState<TDialog>(null);
  const apiError = useApiError();

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
    setDialog(null);
  };
  // A new account without an activation e-mail: its temporary password, shown once, to hand over in person.
  const [invited, setInvited] = useState<{
    email: string;
    activation: string;
    password: string | null;
  } | null>(null);
  const add = useMutation(
    trpc.member.add.mutationOptions({
      onSuccess: async (member) => {
        setInvited(
          member.invitation && member.invitation.account === 'created'
            ? {
                email: member.email,
                activation: member.invitation.activation,
                password: member.invitation.temporaryPassword,
              }
            : null,
        );
        await done();
      },
    }),
  );
  const update = useMutation(trpc.member.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: done }));
  const close = () => {
    setDialog(null);
    add.reset();
    update.reset();
    remove.reset();
  };

  if (access.loading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!access.isTenantAdmin) return <p className="notice notice--warn">{t('members.forbidden')}</p>;

  const plantList = plants.data ?? [];
  const plantName = (id: string) => {
    const p = plantList.find((x) => x.id === id);
    return p ? `${p.code} ${p.name}` : id.slice(0, 8);
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{t('members.title')}</h1>
          <p>{t('members.subtitle')}</p>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setDialog({ kind: 'add' })}
          data-testid="add-member"
        >
          + {t('members.add')}
        </button>
      </div>
      {invited ? (
        <section className="notice notice--ok" aria-live="polite" data-testid="member-invited">
          {invited.activation === 'email-sent' ? (
            <p>{t('members.invitedEmail', { email: invited.email })}</p>
          ) : (
            <>
              <p>{t('members.invitedPassword', { email: invited.email })}</p>
              <p>
                <code data-testid="member-temporary-password">{invited.password}</code>
              </p>
            </>
          )}
          <button type="button" className="btn btn-sm" onClick={() => setInvited(null)}>
            {t('common.close')}
          </button>
        </section>
      ) : null}
      {members.isLoading ? <p aria-live="polite">{t('common.loading')}</p> : null}
      <div className="card table-wrap">
        <table className="data" data-testid="member-table">
          <thead>
            <tr>
              <th scope="col">{t('members.displayName')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.roles')}</th>
              <th scope="col">{t('members.plants')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data?.map((mem) => (
              <tr key={mem.id} data-testid={`member-${mem.email}`}>
                <td>
                  {mem.displayName}
                  {mem.id === access.tenant?.access.membershipId ? (
                    <span className="muted"> {t('members.you')}</span>
                  ) : null}
                </td>
                <td className="mono">{mem.email}</td>
                <td>
                  {mem.roles.map((r) => (
                    <span key={r} className="badge">
                      {t(`role.${r}`)}
                    </span>
                  ))}
                </td>
                <td>
                  {mem.plantIds.length === 0 ? (
                    <span className="badge badge--ok">{t('members.allPlants')}</span>
                  ) : (
                    mem.plantIds.map((id) => (
                      <span key={id} className="badge">
                        {plantName(id)}
                      </span>
                    ))
                  )}
                </td>
                <td>
                  <div className="actions">
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => setDialog({ kind: 'edit', member: mem })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() => setDialog({ kind: 'remove', member: mem })}
                    >
                      {t('members.remove')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SecondFactorSetting />

      <Modal open={dialog?.kind === 'add'} title={t('members.add')} onClose={close} testId="member-dialog">
        <MemberForm
          mode="add"
          plants={plantList}
          pending={add.isPending}
          error={apiError(add.error)}
          onCancel={close}
          onSubmit={(v) => add.mutate(v)}
        />
      </Modal>
      <Modal
        open={dialog?.kind === 'edit'}
        title={t('members.editTitle')}
        onClose={close}
        testId="member-dialog"
      >
        {dialog?.kind === 'edit' ? (
          <MemberForm
            mode="edit"
            initial={dialog.member}
            plants={plantList}
            pending={update.isPending}
            error={apiError(update.error)}
            onCancel={close}
            onSubmit={(v) => update.mutate({ id: dialog.member.id, roles: v.roles, plantIds: v.plantIds })}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'remove'}
        title={t('members.remove')}
        body={
          dialog?.kind === 'remove' ? t('members.removeConfirm', { name: dialog.member.displayName }) : ''
        }
        confirmLabel={t('members.remove')}
        pending={remove.isPending}
        error={apiErrorMessage(apiError(remove.error))}
        onConfirm={() => dialog?.kind === 'remove' && remove.mutate({ id: dialog.member.id })}
        onClose={close}
      />
    </>
  );
}
