'use client';

import { EQUIPMENT_CLASSES, type TEquipmentClass, WORK_CENTER_KINDS } from '@ingot/contracts';
import { useState } from 'react';
import { CodeNameFields } from '../../components/code-name-fields.tsx';
import { Field } from '../../components/field.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import type { TApiErrorView } from '../../trpc/describe-api-error.ts';

type TAttrValue = string | number | boolean | null;

interface TFormBase {
  pending: boolean;
  error: TApiErrorView;
  onCancel: () => void;
}

function text(fields: FormData, name: string): string {
  return String(fields.get(name) ?? '');
}

/** Code + name: areas. */
export function AreaForm(
  props: TFormBase & {
    initial?: { code: string; name: string };
    onSubmit: (v: { code: string; name: string }) => void;
  },
) {
  const fe = props.error.fieldErrors;
  const submit = (f: FormData) => props.onSubmit({ code: text(f, 'code'), name: text(f, 'name') });
  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
      testId="area-form"
      submitTestId="area-submit"
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="area" initial={props.initial} fieldErrors={fe} />
      </div>
    </FormFrame>
  );
}

type TKind = (typeof WORK_CENTER_KINDS)[number];

/** Code + name + kind: lines / work centres. */
export function LineForm(
  props: TFormBase & {
    initial?: { code: string; name: string; kind: TKind };
    onSubmit: (v: { code: string; name: string; kind: TKind }) => void;
  },
) {
  const { t } = useI18n();
  const fe = props.error.fieldErrors;
  const submit = (f: FormData) =>
    props.onSubmit({ code: text(f, 'code'), name: text(f, 'name'), kind: text(f, 'kind') as TKind });
  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
      testId="line-form"
      submitTestId="line-submit"
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="line" initial={props.initial} fieldErrors={fe} />
        <Field label={t('tree.kind')} error={fe.kind}>
          <select name="kind" defaultValue={props.initial?.kind ?? 'line'}>
            {WORK_CENTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tree.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </FormFrame>
  );
}

interface TAttrRow {
  id: number;
  key: string;
  value: string;
}

function parseValue(raw: string): TAttrValue {
  const v = raw.trim();
  if (v === '') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return raw;
}

export interface TEquipmentFormValues {
  code: string;
  name: string;
  class: TEquipmentClass;
  attributes: Record<string, TAttrValue>;
}

/** Code, name, class and free attributes (numbers, true/false and text; empty value = null). */
export function EquipmentForm(
  props: TFormBase & {
    initial?: { code: string; name: string; class: TEquipmentClass; attributes: Record<string, TAttrValue> };
    onSubmit: (v: TEquipmentFormValues) => void;
  },
) {
  const { t } = useI18n();
  const fe = props.error.fieldErrors;
  const [rows, setRows] = useState<TAttrRow[]>(() =>
    Object.entries(props.initial?.attributes ?? {}).map(([key, value], i) => ({
      id: i,
      key,
      value: value === null ? '' : String(value),
    })),
  );
  const [nextId, setNextId] = useState(rows.length);
  const attrError = Object.entries(fe).find(([k]) => k === 'attributes' || k.startsWith('attributes.'))?.[1];

  const submit = (f: FormData) => {
    const attributes: Record<string, TAttrValue> = {};
    for (const r of rows) {
      if (r.key.trim() !== '') attributes[r.key.trim()] = parseValue(r.value);
    }
    props.onSubmit({
      code: text(f, 'code'),
      name: text(f, 'name'),
      class: text(f, 'class') as TEquipmentClass,
      attributes,
    });
  };

  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={submit}
      onCancel={props.onCancel}
      testId="equipment-form"
      submitTestId="equipment-submit"
    >
      <div className="form-grid">
        <CodeNameFields testIdPrefix="equipment" initial={props.initial} fieldErrors={fe} />
        <Field label={t('tree.class')} error={fe.class}>
          <select
            name="class"
            defaultValue={props.initial?.class ?? 'cold_mill'}
            data-testid="equipment-class"
          >
            {EQUIPMENT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`equipmentClass.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset>
        <legend>{t('tree.attributes')}</legend>
        <div className="form" style={{ gap: 8 }}>
          {rows.map((r) => (
            <div className="attr-row" key={r.id}>
              <input
                type="text"
                aria-label={t('tree.attributeKey')}
                placeholder={t('tree.attributeKey')}
                value={r.key}
                onChange={(e) =>
                  setRows(rows.map((x) => (x.id === r.id ? { ...x, key: e.target.value } : x)))
                }
              />
              <input
                type="text"
                aria-label={t('tree.attributeValue')}
                placeholder={t('tree.attributeValue')}
                value={r.value}
                onChange={(e) =>
                  setRows(rows.map((x) => (x.id === r.id ? { ...x, value: e.target.value } : x)))
                }
              />
              <button
                type="button"
                className="btn btn-sm btn-danger"
                onClick={() => setRows(rows.filter((x) => x.id !== r.id))}
                aria-label={`${t('tree.removeAttribute')} ${r.key}`}
              >
                ✕
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                setRows([...rows, { id: nextId, key: '', value: '' }]);
                setNextId(nextId + 1);
              }}
            >
              + {t('tree.addAttribute')}
            </button>
          </div>
          {attrError ? (
            <p className="field-error" role="alert">
              {attrError}
            </p>
          ) : null}
        </div>
      </fieldset>
    </FormFrame>
  );
}

/** Pick a new parent (area for a line, line for equipment), grouped by plant/area. */
export function MoveForm(
  props: TFormBase & {
    label: string;
    field: string;
    currentId: string;
    groups: { label: string; options: { id: string; label: string }[] }[];
    onSubmit: (targetId: string) => void;
  },
) {
  const { t } = useI18n();
  return (
    <FormFrame
      formError={props.error.formError}
      pending={props.pending}
      onSubmit={(f) => props.onSubmit(text(f, 'target'))}
      onCancel={props.onCancel}
      submitLabel={t('common.move')}
      testId="move-form"
      submitTestId="move-submit"
    >
      <Field label={props.label} error={props.error.fieldErrors[props.field] ?? props.error.fieldErrors.id}>
        <select name="target" defaultValue={props.currentId} data-testid="move-target">
          {props.groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </FormFrame>
  );
}
