'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { useApiError } from '../../trpc/use-api-error.ts';

/**
 * The planner's side of a breakdown: record a machine down (until further notice, or a planned maintenance
 * window) or back up; the planning workflow reschedules around it keeping the frozen horizon.
 */
export function EquipmentDowntimeForm({
  equipment,
}: {
  equipment: readonly { id: string; code: string; name: string }[];
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apiError = useApiError();
  const [equipmentId, setEquipmentId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const down = useMutation(
    trpc.plan.equipmentDown.mutationOptions({
      onSuccess: async () => {
        setDone(t('planning.downSaved'));
        await queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
      },
    }),
  );
  const up = useMutation(
    trpc.plan.equipmentUp.mutationOptions({
      onSuccess: async () => {
        setDone(t('planning.upSaved'));
        await queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
      },
    }),
  );
  const err = apiError(down.error ?? up.error);
  const submit = (f: FormData) => {
    const end = String(f.get('end') ?? '').trim();
    setDone(null);
    down.mutate({
      equipmentId,
      kind: f.get('kind') === 'maintenance' ? 'maintenance' : 'breakdown',
      reason: String(f.get('reason') ?? ''),
      ...(end ? { end: new Date(end) } : {}),
    });
  };
  return (
    <FormFrame
      className="card card-pad"
      heading={<h3 style={{ margin: 0 }}>{t('planning.equipmentDown')}</h3>}
      formError={err.formError}
      pending={down.isPending}
      onSubmit={submit}
      extraActions={
        <button
          type="button"
          className="btn"
          disabled={!equipmentId || up.isPending}
          onClick={() => {
            setDone(null);
            up.mutate({ equipmentId });
          }}
        >
          {t('planning.equipmentUp')}
        </button>
      }
      submitLabel={t('planning.equipmentDown')}
      tone="danger"
      testId="plan-downtime"
    >
      <div className="form-grid">
        <Field label={t('prod.equipment')} error={err.fieldErrors.equipmentId}>
          <select value={equipmentId} onChange={(e) => setEquipmentId(e.target.value)}>
            <option value="">{t('shopFloor.chooseMachine')}</option>
            {equipment.map((m) => (
              <option key={m.id} value={m.id}>
                {m.code} · {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('planning.downKind')}>
          <select name="kind" defaultValue="breakdown">
            <option value="breakdown">{t('planning.downKind.breakdown')}</option>
            <option value="maintenance">{t('planning.downKind.maintenance')}</option>
          </select>
        </Field>
        <Field label={t('planning.downUntil')} hint={t('planning.downUntilHint')} error={err.fieldErrors.end}>
          <input name="end" type="datetime-local" />
        </Field>
      </div>
      <Field label={t('planning.downReason')} error={err.fieldErrors.reason}>
        <input name="reason" type="text" />
      </Field>
      {done ? (
        <output className="notice notice--ok" style={{ display: 'block' }}>
          {done}
        </output>
      ) : null}
    </FormFrame>
  );
}
