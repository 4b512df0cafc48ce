'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Field } from '../../../components/field.tsx';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { useTRPC } from '../../../trpc/react.tsx';
import { useApiError } from '../../../trpc/use-api-error.ts';
import { CoilQualityReport } from './coil-quality-report.tsx';
import { formatMm } from './kpi-format.ts';
import styles from './quality-kpi.module.css';

const DAY = 86_400_000;
const RANGES = { '1d': DAY, '7d': 7 * DAY } as const;
type TRange = keyof typeof RANGES;

/** One coil of one machine: thickness deviation along the length with the tolerance band, indices, defect map. */
export function CoilQualityPanel({ plantId }: { plantId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const apiError = useApiError();
  const [equipment, setEquipment] = useState('');
  const [range, setRange] = useState<TRange>('1d');
  const [choice, setChoice] = useState('');
  const [draft, setDraft] = useState({ nominal: '', minus: '', plus: '' });
  const [tolerance, setTolerance] = useState<{ nominalMm: number; minusMm: number; plusMm: number } | null>(
    null,
  );
  // The range ends at the minute the range was chosen, so the query key stays put between renders.
  const [now, setNow] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const [specId, setSpecId] = useState('');
  const specs = useQuery(trpc.masterData.spec.list.queryOptions({}));

  const catalogue = useQuery(trpc.telemetry.tags.queryOptions({ plantId }));
  const mills = (catalogue.data?.equipment ?? []).filter((e) => e.tags.some((x) => x.tag === 'coil_id'));
  const coils = useQuery({
    ...trpc.qualityKpi.coils.queryOptions({
      plantId,
      equipment,
      from: new Date(now - RANGES[range]),
      to: new Date(now + 60_000),
    }),
    enabled: !!equipment,
  });
  const list = useMemo(() => [...(coils.data?.coils ?? [])].reverse(), [coils.data]);
  const chosen = list.find((c) => `${c.coilId}|${c.start.getTime()}` === choice) ?? null;
  const quality = useQuery({
    ...trpc.qualityKpi.coilQuality.queryOptions({
      plantId,
      equipment,
      coilId: chosen?.coilId ?? '',
      at: chosen?.start ?? new Date(0),
      ...(tolerance ? { tolerance } : {}),
      ...(specId ? { specId } : {}),
      binMetres: chosen?.lengthM ? Math.max(1, Math.ceil(chosen.lengthM / 400)) : 10,
    }),
    enabled: !!chosen,
  });
  const q = quality.data;
  const fmtTime = (d: Date) =>
    d.toLocaleString(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const notRunning = catalogue.error && apiError(catalogue.error).code === 'PRECONDITION_FAILED';
  const apply = () => {
    const nominalMm = Number(draft.nominal);
    const minusMm = Number(draft.minus);
    const plusMm = Number(draft.plus);
    if ([nominalMm, minusMm, plusMm].every((v) => Number.isFinite(v)) && nominalMm > 0) {
      setTolerance({ nominalMm, minusMm, plusMm });
    }
  };

  return (
    <section className={`card card-pad ${styles.section}`} data-testid="kpi-coil">
      <h2>{t('qualityKpi.coil.title')}</h2>
      {notRunning ? <p className="notice">{t('telemetry.notRunning')}</p> : null}
      <div className={styles.controls}>
        <Field label={t('qualityKpi.coil.equipment')}>
          <select
            value={equipment}
            onChange={(e) => {
              setEquipment(e.target.value);
              setChoice('');
              setNow(Math.floor(Date.now() / 60_000) * 60_000);
            }}
            data-testid="coil-equipment"
          >
            <option value="">{t('qualityKpi.coil.chooseEquipment')}</option>
            {mills.map((e) => (
              <option key={e.code} value={e.code}>
                {e.code}
                {e.name ? ` · ${e.name}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qualityKpi.coil.range')}>
          <select
            value={range}
            onChange={(e) => {
              setRange(e.target.value as TRange);
              setNow(Math.floor(Date.now() / 60_000) * 60_000);
            }}
          >
            {(Object.keys(RANGES) as TRange[]).map((r) => (
              <option key={r} value={r}>
                {t(`qualityKpi.coil.range.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qualityKpi.coil.coil')}>
          <select
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            disabled={!equipment}
            data-testid="coil-choice"
          >
            <option value="">
              {list.length === 0 && equipment
                ? t('qualityKpi.coil.noCoils')
                : t('qualityKpi.coil.chooseCoil')}
            </option>
            {list.map((c) => (
              <option key={`${c.coilId}|${c.start.getTime()}`} value={`${c.coilId}|${c.start.getTime()}`}>
                {t('qualityKpi.coil.coilOption', {
                  coil: c.coilId,
                  length: c.lengthM === null ? '–' : Math.round(c.lengthM),
                  start: fmtTime(c.start),
                })}
                {c.open ? ` · ${t('qualityKpi.coil.onMill')}` : ''}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {coils.error ? <p className="notice notice--error">{apiError(coils.error).formError}</p> : null}
      {quality.error ? <p className="notice notice--error">{apiError(quality.error).formError}</p> : null}

      {q ? (
        <>
          <div className={styles.controls}>
            <Field label={t('qualityKpi.coil.spec')}>
              <select value={specId} onChange={(e) => setSpecId(e.target.value)} data-testid="coil-spec">
                <option value="">{t('qualityKpi.coil.noSpec')}</option>
                {specs.data?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code} · {formatMm(x.thicknessMm)} mm −{formatMm(x.thicknessTolMinus)}/+
                    {formatMm(x.thicknessTolPlus)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('qualityKpi.coil.nominal')}>
              <input
                inputMode="decimal"
                value={draft.nominal}
                onChange={(e) => setDraft({ ...draft, nominal: e.target.value })}
                data-testid="coil-nominal"
              />
            </Field>
            <Field label={t('qualityKpi.coil.minus')}>
              <input
                inputMode="decimal"
                value={draft.minus}
                onChange={(e) => setDraft({ ...draft, minus: e.target.value })}
              />
            </Field>
            <Field label={t('qualityKpi.coil.plus')}>
              <input
                inputMode="decimal"
                value={draft.plus}
                onChange={(e) => setDraft({ ...draft, plus: e.target.value })}
              />
            </Field>
            <button type="button" className="btn" onClick={apply} data-testid="coil-apply">
              {t('qualityKpi.coil.apply')}
            </button>
          </div>
          <CoilQualityReport q={q} />
        </>
      ) : null}
    </section>
  );
}
