'use client';

import { RATE_UNITS, type TProductFamily, type TRateUnit } from '@ingot/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../trpc/react.tsx';
import { FamilyField } from './family-field.tsx';
import { numberOrNull, text } from './form-values.ts';
import { MasterDataForm } from './master-data-form.tsx';
import type { TMasterDataFormProps, TRouting } from './types.ts';

interface TEquipmentDraft {
  key: number;
  equipmentId: string;
  rate: string;
  rateUnit: TRateUnit;
  fixedMinutes: string;
}
interface TStepDraft {
  key: number;
  operationCode: string;
  name: string;
  yield: string;
  recipe: string;
  equipment: TEquipmentDraft[];
}

export interface TRoutingValues {
  code: string;
  name: string;
  productFamily: TProductFamily;
  alloyId: string | null;
  temperId: string | null;
  steps: {
    operationCode: string;
    name: string;
    yield: number;
    recipe: string | null;
    equipment: { equipmentId: string; rate: number; rateUnit: TRateUnit; fixedMinutes: number }[];
  }[];
}

let seq = 1000;
const nextKey = () => ++seq;
const emptyEquipment = (): TEquipmentDraft => ({
  key: nextKey(),
  equipmentId: '',
  rate: '',
  rateUnit: 't_per_h',
  fixedMinutes: '0',
});
const emptyStep = (): TStepDraft => ({
  key: nextKey(),
  operationCode: '',
  name: '',
  yield: '1',
  recipe: '',
  equipment: [emptyEquipment()],
});

function fromRouting(r: TRouting): TStepDraft[] {
  return r.steps.map((s) => ({
    key: nextKey(),
    operationCode: s.operationCode,
    name: s.name,
    yield: String(s.yield),
    recipe: s.recipe ?? '',
    equipment: s.equipment.map((e) => ({
      key: nextKey(),
      equipmentId: e.equipmentId,
      rate: String(e.rate),
      rateUnit: e.rateUnit,
      fixedMinutes: String(e.fixedMinutes),
    })),
  }));
}

/**
 * A routing template: product family, optional alloy and temper, and its steps in order, each with its yield,
 * furnace recipe and the eligible equipment with rate. Errors appear at the step or equipment they name
 * (`steps.2.equipment.0.rate`).
 */
export function RoutingForm(props: TMasterDataFormProps<TRouting, TRoutingValues>) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const init = props.initial;
  const fe = props.error.fieldErrors;
  const alloys = useQuery(trpc.masterData.alloy.list.queryOptions({ includeInactive: false }));
  const tempers = useQuery(trpc.masterData.temper.list.queryOptions({}));
  const equipment = useQuery(trpc.equipment.list.queryOptions({}));
  const [steps, setSteps] = useState<TStepDraft[]>(() => (init ? fromRouting(init) : [emptyStep()]));

  const setStep = (key: number, patch: Partial<TStepDraft>) =>
    setSteps((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const setEq = (stepKey: number, eqKey: number, patch: Partial<TEquipmentDraft>) =>
    setSteps((list) =>
      list.map((s) =>
        s.key === stepKey
          ? { ...s, equipment: s.equipment.map((e) => (e.key === eqKey ? { ...e, ...patch } : e)) }
          : s,
      ),
    );

  const submit = (f: FormData) =>
    props.onSubmit({
      code: text(f.get('code')),
      name: text(f.get('name')),
      productFamily: (text(f.get('productFamily')) || 'strip_coil') as TProductFamily,
      alloyId: text(f.get('alloyId')) || null,
      temperId: text(f.get('temperId')) || null,
      steps: steps.map((s) => ({
        operationCode: s.operationCode.trim(),
        name: s.name.trim(),
        yield: numberOrNull(s.yield) ?? Number.NaN,
        recipe: s.recipe.trim() || null,
        equipment: s.equipment.map((x) => ({
          equipmentId: x.equipmentId,
          rate: numberOrNull(x.rate) ?? Number.NaN,
          rateUnit: x.rateUnit,
          fixedMinutes: numberOrNull(x.fixedMinutes) ?? 0,
        })),
      })),
    });

  return (
    <MasterDataForm
      kind="routing"
      formError={props.error.formError ?? fe.steps}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={t('common.code')} error={fe.code}>
          <input
            name="code"
            type="text"
            defaultValue={init?.code}
            disabled={Boolean(init)}
            data-testid="routing-code"
          />
        </Field>
        <Field label={t('common.name')} error={fe.name}>
          <input name="name" type="text" defaultValue={init?.name} data-testid="routing-name" />
        </Field>
        <FamilyField
          of="product"
          initial={init?.productFamily}
          locked={Boolean(init)}
          error={fe.productFamily}
        />
        <Field label={t('masterData.alloy')} error={fe.alloyId}>
          <select name="alloyId" defaultValue={init?.alloy?.id ?? ''} disabled={Boolean(init)}>
            <option value="">{t('masterData.anyAlloy')}</option>
            {alloys.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('masterData.temper')} error={fe.temperId}>
          <select name="temperId" defaultValue={init?.temper?.id ?? ''} disabled={Boolean(init)}>
            <option value="">{t('masterData.anyTemper')}</option>
            {tempers.data?.map((x) => (
              <option key={x.id} value={x.id}>
                {x.code} ({t(`metalFamily.${x.family}`)})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {init ? <p className="muted">{t('masterData.stepsReplaceHint')}</p> : null}
      {steps.map((s, i) => (
        <fieldset key={s.key}>
          <legend>{t('masterData.step', { n: i + 1 })}</legend>
          <FormError message={fe[`steps.${i}`] ?? fe[`steps.${i}.equipment`]} />
          <div className="form-grid">
            <Field
              label={t('masterData.operationCode')}
              hint={t('masterData.operationCodeHint')}
              error={fe[`steps.${i}.operationCode`]}
            >
              <input
                type="text"
                value={s.operationCode}
                onChange={(e) => setStep(s.key, { operationCode: e.target.value })}
                data-testid={`step-${i}-operation-code`}
              />
            </Field>
            <Field label={t('masterData.stepName')} error={fe[`steps.${i}.name`]}>
              <input
                type="text"
                value={s.name}
                onChange={(e) => setStep(s.key, { name: e.target.value })}
                data-testid={`step-${i}-name`}
              />
            </Field>
            <Field label={t('masterData.yield')} error={fe[`steps.${i}.yield`]}>
              <input
                type="number"
                step="any"
                min={0}
                max={1}
                value={s.yield}
                onChange={(e) => setStep(s.key, { yield: e.target.value })}
              />
            </Field>
            <Field label={t('masterData.recipe')} error={fe[`steps.${i}.recipe`]}>
              <input
                type="text"
                value={s.recipe}
                onChange={(e) => setStep(s.key, { recipe: e.target.value })}
              />
            </Field>
          </div>
          <p className="muted" style={{ margin: '8px 0 4px' }}>
            {t('masterData.eligibleEquipment')}
          </p>
          {s.equipment.map((x, j) => (
            <div
              key={x.key}
              className="attr-row"
              style={{ gridTemplateColumns: '2fr 1fr 1fr 1fr auto', marginBottom: 6 }}
            >
              <Field label={t('prod.equipment')} error={fe[`steps.${i}.equipment.${j}.equipmentId`]}>
                <select
                  value={x.equipmentId}
                  onChange={(e) => setEq(s.key, x.key, { equipmentId: e.target.value })}
                  data-testid={`step-${i}-equipment-${j}`}
                >
                  <option value="">{t('masterData.chooseEquipment')}</option>
                  {equipment.data?.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.code} · {m.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('masterData.rate')} error={fe[`steps.${i}.equipment.${j}.rate`]}>
                <input
                  type="number"
                  step="any"
                  min={0}
                  value={x.rate}
                  onChange={(e) => setEq(s.key, x.key, { rate: e.target.value })}
                  data-testid={`step-${i}-rate-${j}`}
                />
              </Field>
              <Field label={t('masterData.rateUnit')} error={fe[`steps.${i}.equipment.${j}.rateUnit`]}>
                <select
                  value={x.rateUnit}
                  onChange={(e) => setEq(s.key, x.key, { rateUnit: e.target.value as TRateUnit })}
                >
                  {RATE_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`rateUnit.${u}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label={t('masterData.fixedMinutes')}
                error={fe[`steps.${i}.equipment.${j}.fixedMinutes`]}
              >
                <input
                  type="number"
                  step="any"
                  min={0}
                  value={x.fixedMinutes}
                  onChange={(e) => setEq(s.key, x.key, { fixedMinutes: e.target.value })}
                />
              </Field>
              <button
                type="button"
                className="btn btn-sm btn-icon"
                style={{ alignSelf: 'end' }}
                aria-label={t('masterData.removeEquipment')}
                onClick={() => setStep(s.key, { equipment: s.equipment.filter((y) => y.key !== x.key) })}
              >
                ✕
              </button>
            </div>
          ))}
          <div className="actions">
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => setStep(s.key, { equipment: [...s.equipment, emptyEquipment()] })}
            >
              + {t('masterData.addEquipment')}
            </button>
            <button
              type="button"
              className="btn btn-sm btn-danger"
              onClick={() => setSteps((list) => list.filter((y) => y.key !== s.key))}
              disabled={steps.length === 1}
            >
              {t('masterData.removeStep', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => setSteps((list) => [...list, emptyStep()])}
        >
          + {t('masterData.addStep')}
        </button>
      </p>
    </MasterDataForm>
  );
}
