import type { AppRouter } from '@ingot/api';
import { CoilMap, CoilProfileChart } from '@ingot/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useI18n } from '../../../i18n/i18n-provider.tsx';
import { defectLabel, formatIndex, formatMm, formatShare, severityLabel } from './kpi-format.ts';
import styles from './quality-kpi.module.css';

export type TCoilQuality = inferRouterOutputs<AppRouter>['qualityKpi']['coilQuality'];

/** One coil's figures: indices, the deviation profile over the tolerance band, flatness and the defect map. */
export function CoilQualityReport({ q }: { q: TCoilQuality }) {
  const { t } = useI18n();
  const tol = q.tolerance;
  return (
    <>
      <p data-testid="coil-tolerance">
        {tol
          ? t(`qualityKpi.coil.tolerance.${tol.source}`, {
              spec: tol.specCode ?? '',
              lot: tol.lotNo ?? '',
              nominal: formatMm(tol.nominalMm),
              minus: formatMm(tol.minusMm),
              plus: formatMm(tol.plusMm),
            })
          : t('qualityKpi.coil.noTolerance')}
      </p>
      <div className={styles.tiles}>
        <Tile
          label={t('qualityKpi.coil.inTolerance')}
          value={formatShare(q.thickness.quality.shareInTolerance)}
          testId="coil-in-tolerance"
        />
        <Tile
          label={t('qualityKpi.coil.cpk')}
          value={formatIndex(q.thickness.quality.cpk)}
          testId="coil-cpk"
        />
        <Tile label={t('qualityKpi.coil.cp')} value={formatIndex(q.thickness.quality.cp)} />
        <Tile label={t('qualityKpi.coil.ppk')} value={formatIndex(q.thickness.quality.ppk)} />
        <Tile
          label={t('qualityKpi.coil.meanDeviation')}
          value={
            q.thickness.quality.deviation ? `${formatMm(q.thickness.quality.deviation.mean, true)} mm` : '–'
          }
        />
      </div>
      <p className={styles.help}>
        {t('qualityKpi.coil.samples', {
          samples: q.thickness.quality.samples,
          length: q.coil.lengthM === null ? '–' : Math.round(q.coil.lengthM),
        })}
        {q.thickness.quality.lengthOutM !== null
          ? ` · ${t('qualityKpi.coil.lengthOut', { length: Math.round(q.thickness.quality.lengthOutM * 10) / 10 })}`
          : ''}
        {` · ${t('qualityKpi.coil.sigmaHelp')}`}
      </p>
      <CoilProfileChart
        bins={
          tol
            ? q.thickness.bins.map((b) => ({
                ...b,
                min: b.min - tol.nominalMm,
                max: b.max - tol.nominalMm,
                avg: b.avg - tol.nominalMm,
              }))
            : q.thickness.bins
        }
        lengthM={q.coil.lengthM ?? 0}
        band={tol ? { lower: -tol.minusMm, upper: tol.plusMm } : null}
        formatValue={(v) => formatMm(v, !!tol)}
        labels={{
          chart: tol ? t('qualityKpi.coil.profileChart') : t('qualityKpi.coil.thicknessChart'),
          noData: t('qualityKpi.noData'),
          length: t('qualityKpi.coil.lengthAxis'),
          tolerance: t('qualityKpi.coil.toleranceBand'),
        }}
      />
      <h3>{t('qualityKpi.coil.flatness')}</h3>
      <p data-testid="coil-flatness">
        {q.flatness.summary.samples > 0
          ? t('qualityKpi.coil.flatnessSummary', {
              mean: formatIndex(q.flatness.summary.mean),
              max: formatIndex(q.flatness.summary.max),
              p95: formatIndex(q.flatness.summary.p95),
            })
          : t('qualityKpi.coil.noFlatness')}
      </p>
      <h3>{t('qualityKpi.coil.defects')}</h3>
      <p data-testid="coil-defects">
        {t('qualityKpi.coil.defectCount', {
          count: q.defects.defects.length + q.defects.unplaced,
          rate: q.defects.per1000m === null ? '–' : formatIndex(q.defects.per1000m),
        })}
        {q.defects.byType.length > 0
          ? ` · ${q.defects.byType.map((x) => `${defectLabel(t, x.type)} ${x.count}`).join(', ')}`
          : ''}
      </p>
      {q.defects.missed > 0 ? (
        <p className={styles.help}>{t('qualityKpi.coil.missed', { missed: q.defects.missed })}</p>
      ) : null}
      <CoilMap
        lengthM={q.coil.lengthM ?? 0}
        widthMm={null}
        defects={q.defects.defects.map((d) => ({
          key: String(d.defectNo),
          positionM: d.positionM,
          crossPositionMm: d.crossPositionMm,
          severity: d.severity,
          label: t('qualityKpi.coil.defectLabel', {
            type: defectLabel(t, d.type),
            position: d.positionM,
            severity: severityLabel(t, d.severity),
          }),
        }))}
        labels={{
          chart: t('qualityKpi.coil.defectsChart'),
          noData: t('qualityKpi.coil.noDefects'),
          head: t('qualityKpi.coil.head'),
          tail: t('qualityKpi.coil.tail'),
        }}
      />
    </>
  );
}

function Tile({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className={styles.tile}>
      <div className={styles.tileLabel}>{label}</div>
      <div className={styles.tileValue} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
