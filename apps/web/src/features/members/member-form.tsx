'use client';

import { ROLES, type TRole } from '@ingot/contracts';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TApiErrorView } from '../../trpc/describe-api-error.ts';

export interface TMemberFormValues {
  email: string;
  displayName: string;
  roles: TRole[];
  plantIds: string[];
}

/** Add (email + name + access) or edit (access only) a member. */
export function MemberForm(props: {
  mode: 'add' | 'edit';
  initial?: { email: string; displayName: string; roles: TRole[]; plantIds: string[] };
  plants: { id: string; code: string; name: string }[];
  pending: boolean;
  error: TApiErrorView;
  onSubmit: (v: TMemberFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const fe = props.error.fieldErrors;
  const [roles, setRoles] = useState<Set<TRole>>(new Set(props.initial?.roles ?? ['viewer']));
  const [plantIds, setPlantIds] = useState<Set<string>>(new Set(props.initial?.plantIds ?? []));
  const flip = <T,>(set: Set<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const submit = (f: FormData) => {
    props.onSubmit({
      email: String(f.get('email') ?? props.initial?.email ?? ''),
      displayName: String(f.get('displayName') ?? props.initial?.displayName ?? ''),
      roles: ROLES.filter((r) => roles.has(r)),
      plantIds: [...plantIds],
    });
  };
  const rolesError = Object.entries(fe).find(([k]) => k === 'roles' || k.startsWith('roles.'))?.[1];
  const plantsError = Object.entries(fe).find(([k]) => k === 'plantIds' || k.startsWith('plantIds.'))?.[1];

  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
      testId="member-form"
      submitTestId="member-submit"
    >
      {props.mode === 'add' ? (
        <div className="form-grid">
          <Field label={t('members.email')} error={fe.email} testId="member-email">
            <input name="email" type="email" autoComplete="off" data-testid="member-email" />
          </Field>
          <Field label={t('members.displayName')} error={fe.displayName} testId="member-name">
            <input name="displayName" type="text" autoComplete="off" data-testid="member-name" />
          </Field>
        </div>
      ) : (
        <p style={{ margin: 0 }}>
          <strong>{props.initial?.displayName}</strong> <span className="muted">{props.initial?.email}</span>
        </p>
      )}
      <fieldset aria-describedby={rolesError ? 'member-roles-error' : undefined}>
        <legend>{t('members.roles')}</legend>
        <div className="check-grid">
          {ROLES.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={roles.has(r)} onChange={() => setRoles(flip(roles, r))} />
              {t(`role.${r}`)}
            </label>
          ))}
        </div>
        {rolesError ? (
          <p className="field-error" id="member-roles-error" role="alert">
            {rolesError}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby="member-plants-hint">
        <legend>{t('members.plants')}</legend>
        <div className="check-grid">
          {props.plants.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={plantIds.has(p.id)}
                onChange={() => setPlantIds(flip(plantIds, p.id))}
              />
              <span className="mono">{p.code}</span> {p.name}
            </label>
          ))}
        </div>
        <p className="hint muted" id="member-plants-hint" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {t('members.allPlantsHint')}
        </p>
        {plantsError ? (
          <p className="field-error" role="alert">
            {plantsError}
          </p>
        ) : null}
      </fieldset>
    </FormFrame>
  );
}
