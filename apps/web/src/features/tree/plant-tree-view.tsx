'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { apiErrorMessage } from '../../trpc/describe-api-error.ts';
import { useTRPC } from '../../trpc/react.tsx';
import type { TTreeArea, TTreeEquipment, TTreeLine } from '../../trpc/types.ts';
import { useApiError } from '../../trpc/use-api-error.ts';
import { useAccess } from '../use-access.ts';
import { formatAttributeKey } from './format-attribute.ts';
import { AreaForm, EquipmentForm, LineForm, MoveForm } from './hierarchy-forms.tsx';

type TDialog =
  | { kind: 'area-create' }
  | { kind: 'area-edit' | 'area-delete'; area: TTreeArea }
  | { kind: 'line-create'; area: TTreeArea }
  | { kind: 'line-edit' | 'line-delete' | 'line-move'; line: TTreeLine }
  | { kind: 'equipment-create'; line: TTreeLine }
  | { kind: 'equipment-edit' | 'equipment-delete' | 'equipment-move'; equipment: TTreeEquipment }
  | null;

const HIDDEN_ATTRIBUTES = new Set(['nameEn', 'source', 'sourceFile']);

function Toggle({
  expanded,
  controls,
  label,
  onToggle,
}: {
  expanded: boolean;
  controls: string;
  label: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="tree-toggle"
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={label}
      onClick={onToggle}
    >
      {expanded ? '▾' : '▸'}
    </button>
  );
}

/** The buttons at the end of a tree row; shown only to users who may change the hierarchy. */
function RowActions({
  actions,
}: {
  actions: ReadonlyArray<{ label: string; onClick: () => void; testId?: string; danger?: boolean }>;
}) {
  return (
    <div className="actions">
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          className={a.danger ? 'btn btn-sm btn-danger' : 'btn btn-sm'}
          onClick={a.onClick}
          data-testid={a.testId}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}

/** One plant's ISA-95 hierarchy — areas, lines, equipment — with every change done in place. */
export function PlantTreeView({ plantId }: { plantId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useAccess();
  const tree = useQuery(trpc.equipment.tree.queryOptions({ plantId }));
  const [dialog, setDialog] = useState<TDialog>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const baseId = useId();
  const canEdit = access.canEditHierarchy;
  const apiError = useApiError();
  const fallback = t('common.unexpectedError');

  // Move targets for equipment: every line the member can reach, across plants.
  const allLines = useQuery({
    ...trpc.workCenter.list.queryOptions({}),
    enabled: dialog?.kind === 'equipment-move',
  });
  const allPlants = useQuery({
    ...trpc.plant.list.queryOptions(),
    enabled: dialog?.kind === 'equipment-move',
  });

  const done = async () => {
    await queryClient.invalidateQueries();
    setDialog(null);
  };
  const m = {
    areaCreate: useMutation(trpc.area.create.mutationOptions({ onSuccess: done })),
    areaUpdate: useMutation(trpc.area.update.mutationOptions({ onSuccess: done })),
    areaDelete: useMutation(trpc.area.delete.mutationOptions({ onSuccess: done })),
    lineCreate: useMutation(trpc.workCenter.create.mutationOptions({ onSuccess: done })),
    lineUpdate: useMutation(trpc.workCenter.update.mutationOptions({ onSuccess: done })),
    lineDelete: useMutation(trpc.workCenter.delete.mutationOptions({ onSuccess: done })),
    lineMove: useMutation(trpc.workCenter.move.mutationOptions({ onSuccess: done })),
    equipmentCreate: useMutation(trpc.equipment.create.mutationOptions({ onSuccess: done })),
    equipmentUpdate: useMutation(trpc.equipment.update.mutationOptions({ onSuccess: done })),
    equipmentDelete: useMutation(trpc.equipment.delete.mutationOptions({ onSuccess: done })),
    equipmentMove: useMutation(trpc.equipment.move.mutationOptions({ onSuccess: done })),
  };
  const close = () => {
    setDialog(null);
    for (const mutation of Object.values(m)) mutation.reset();
  };
  const err = apiError;
  const deleteError = (e: unknown) => apiErrorMessage(apiError(e));

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (tree.isLoading) return <p aria-live="polite">{t('common.loading')}</p>;
  if (tree.error || !tree.data) {
    return <p className="notice notice--error">{err(tree.error).formError ?? fallback}</p>;
  }
  const { plant, areas } = tree.data;

  const equipmentLabel = (e: TTreeEquipment) => {
    const en = e.attributes.nameEn;
    return locale === 'en' && typeof en === 'string' && en !== '' ? en : null;
  };
  const attrSummary = (e: TTreeEquipment) =>
    Object.entries(e.attributes)
      .filter(([k]) => !HIDDEN_ATTRIBUTES.has(k))
      .map(([k, v]) => `${formatAttributeKey(k)}: ${v === null ? '—' : String(v)}`)
      .join(' · ');

  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <ol>
          <li>
            <Link href="/plants">{t('plants.title')}</Link>
          </li>
          <li aria-current="page">{plant.name}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">
            <span className="badge mono">{plant.code}</span> {plant.name}
          </h1>
          <p>
            {t('tree.title')} — {t('tree.subtitle')}
          </p>
        </div>
        {canEdit ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setDialog({ kind: 'area-create' })}
            data-testid="new-area"
          >
            + {t('tree.newArea')}
          </button>
        ) : null}
      </div>

      {areas.length === 0 ? <p className="notice">{t('tree.noAreas')}</p> : null}
      <ul className="tree" data-testid="tree">
        {areas.map((area) => {
          const areaBody = `${baseId}-a-${area.id}`;
          const areaOpen = !collapsed.has(area.id);
          return (
            <li key={area.id} className="tree-node" data-testid={`area-${area.code}`}>
              <div className="tree-row tree-row--area">
                <Toggle
                  expanded={areaOpen}
                  controls={areaBody}
                  label={`${areaOpen ? t('tree.collapse') : t('tree.expand')} ${area.name}`}
                  onToggle={() => toggle(area.id)}
                />
                <div className="tree-row__title">
                  <span className="badge">{t('tree.area')}</span>
                  <span className="mono">{area.code}</span>
                  <strong>{area.name}</strong>
                </div>
                {canEdit ? (
                  <RowActions
                    actions={[
                      {
                        label: `+ ${t('tree.newLine')}`,
                        onClick: () => setDialog({ kind: 'line-create', area }),
                        testId: `new-line-${area.code}`,
                      },
                      { label: t('common.edit'), onClick: () => setDialog({ kind: 'area-edit', area }) },
                      {
                        label: t('common.delete'),
                        onClick: () => setDialog({ kind: 'area-delete', area }),
                        danger: true,
                      },
                    ]}
                  />
                ) : null}
              </div>
              <ul id={areaBody} hidden={!areaOpen}>
                {area.workCenters.length === 0 ? <li className="tree-empty">{t('tree.noLines')}</li> : null}
                {area.workCenters.map((line) => {
                  const lineBody = `${baseId}-l-${line.id}`;
                  const lineOpen = !collapsed.has(line.id);
                  return (
                    <li key={line.id} className="tree-node" data-testid={`line-${line.code}`}>
                      <div className="tree-row tree-row--line">
                        <Toggle
                          expanded={lineOpen}
                          controls={lineBody}
                          label={`${lineOpen ? t('tree.collapse') : t('tree.expand')} ${line.name}`}
                          onToggle={() => toggle(line.id)}
                        />
                        <div className="tree-row__title">
                          <span className="badge">{t(`tree.kind.${line.kind}`)}</span>
                          <span className="mono">{line.code}</span>
                          <strong>{line.name}</strong>
                        </div>
                        {canEdit ? (
                          <RowActions
                            actions={[
                              {
                                label: `+ ${t('tree.newEquipment')}`,
                                onClick: () => setDialog({ kind: 'equipment-create', line }),
                                testId: `new-equipment-${line.code}`,
                              },
                              {
                                label: t('common.edit'),
                                onClick: () => setDialog({ kind: 'line-edit', line }),
                              },
                              {
                                label: t('common.move'),
                                onClick: () => setDialog({ kind: 'line-move', line }),
                              },
                              {
                                label: t('common.delete'),
                                onClick: () => setDialog({ kind: 'line-delete', line }),
                                danger: true,
                              },
                            ]}
                          />
                        ) : null}
                      </div>
                      <ul id={lineBody} hidden={!lineOpen}>
                        {line.equipment.length === 0 ? (
                          <li className="tree-empty">{t('tree.noEquipment')}</li>
                        ) : null}
                        {line.equipment.map((e) => (
                          <li key={e.id} className="tree-node" data-testid={`equipment-${e.code}`}>
                            <div className="tree-row">
                              <div className="tree-row__title">
                                <span className="badge">{t(`equipmentClass.${e.class}`)}</span>
                                <span className="mono">{e.code}</span>
                                <strong>{e.name}</strong>
                                {equipmentLabel(e) ? (
                                  <span className="muted">{equipmentLabel(e)}</span>
                                ) : null}
                              </div>
                              {canEdit ? (
                                <RowActions
                                  actions={[
                                    {
                                      label: t('common.edit'),
                                      onClick: () => setDialog({ kind: 'equipment-edit', equipment: e }),
                                    },
                                    {
                                      label: t('common.move'),
                                      onClick: () => setDialog({ kind: 'equipment-move', equipment: e }),
                                    },
                                    {
                                      label: t('common.delete'),
                                      onClick: () => setDialog({ kind: 'equipment-delete', equipment: e }),
                                      danger: true,
                                    },
                                  ]}
                                />
                              ) : null}
                              {attrSummary(e) || e.attributes.source ? (
                                <div className="tree-row__attrs">
                                  {attrSummary(e)}
                                  {typeof e.attributes.source === 'string' ? (
                                    <>
                                      {' '}
                                      · {t('tree.source')}: <code>{e.attributes.source}</code>
                                    </>
                                  ) : null}
                                </div>
                              ) : null}
                            </div>
                          </li>
                        ))}
                      </ul>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>

      {/* Areas */}
      <Modal
        open={dialog?.kind === 'area-create'}
        title={t('tree.newArea')}
        onClose={close}
        testId="area-dialog"
      >
        <AreaForm
          pending={m.areaCreate.isPending}
          error={err(m.areaCreate.error)}
          onCancel={close}
          onSubmit={(v) => m.areaCreate.mutate({ plantId, ...v })}
        />
      </Modal>
      <Modal
        open={dialog?.kind === 'area-edit'}
        title={t('tree.editArea')}
        onClose={close}
        testId="area-dialog"
      >
        {dialog?.kind === 'area-edit' ? (
          <AreaForm
            initial={dialog.area}
            pending={m.areaUpdate.isPending}
            error={err(m.areaUpdate.error)}
            onCancel={close}
            onSubmit={(v) => m.areaUpdate.mutate({ id: dialog.area.id, ...v })}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'area-delete'}
        title={t('common.deleteConfirmTitle')}
        body={dialog?.kind === 'area-delete' ? t('common.deleteConfirmBody', { name: dialog.area.name }) : ''}
        confirmLabel={t('common.delete')}
        pending={m.areaDelete.isPending}
        error={deleteError(m.areaDelete.error)}
        onConfirm={() => dialog?.kind === 'area-delete' && m.areaDelete.mutate({ id: dialog.area.id })}
        onClose={close}
      />

      {/* Lines */}
      <Modal
        open={dialog?.kind === 'line-create'}
        title={t('tree.newLine')}
        onClose={close}
        testId="line-dialog"
      >
        {dialog?.kind === 'line-create' ? (
          <LineForm
            pending={m.lineCreate.isPending}
            error={err(m.lineCreate.error)}
            onCancel={close}
            onSubmit={(v) => m.lineCreate.mutate({ areaId: dialog.area.id, ...v })}
          />
        ) : null}
      </Modal>
      <Modal
        open={dialog?.kind === 'line-edit'}
        title={t('tree.editLine')}
        onClose={close}
        testId="line-dialog"
      >
        {dialog?.kind === 'line-edit' ? (
          <LineForm
            initial={dialog.line}
            pending={m.lineUpdate.isPending}
            error={err(m.lineUpdate.error)}
            onCancel={close}
            onSubmit={(v) => m.lineUpdate.mutate({ id: dialog.line.id, ...v })}
          />
        ) : null}
      </Modal>
      <Modal
        open={dialog?.kind === 'line-move'}
        title={t('tree.moveLineTitle')}
        onClose={close}
        testId="move-dialog"
      >
        {dialog?.kind === 'line-move' ? (
          <MoveForm
            label={t('tree.targetArea')}
            field="areaId"
            currentId={dialog.line.areaId}
            groups={[
              {
                label: `${plant.code} ${plant.name}`,
                options: areas.map((a) => ({ id: a.id, label: `${a.code} ${a.name}` })),
              },
            ]}
            pending={m.lineMove.isPending}
            error={err(m.lineMove.error)}
            onCancel={close}
            onSubmit={(areaId) => m.lineMove.mutate({ id: dialog.line.id, areaId })}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'line-delete'}
        title={t('common.deleteConfirmTitle')}
        body={dialog?.kind === 'line-delete' ? t('common.deleteConfirmBody', { name: dialog.line.name }) : ''}
        confirmLabel={t('common.delete')}
        pending={m.lineDelete.isPending}
        error={deleteError(m.lineDelete.error)}
        onConfirm={() => dialog?.kind === 'line-delete' && m.lineDelete.mutate({ id: dialog.line.id })}
        onClose={close}
      />

      {/* Equipment */}
      <Modal
        open={dialog?.kind === 'equipment-create'}
        title={t('tree.newEquipment')}
        onClose={close}
        testId="equipment-dialog"
      >
        {dialog?.kind === 'equipment-create' ? (
          <EquipmentForm
            pending={m.equipmentCreate.isPending}
            error={err(m.equipmentCreate.error)}
            onCancel={close}
            onSubmit={(v) => m.equipmentCreate.mutate({ workCenterId: dialog.line.id, ...v })}
          />
        ) : null}
      </Modal>
      <Modal
        open={dialog?.kind === 'equipment-edit'}
        title={t('tree.editEquipment')}
        onClose={close}
        testId="equipment-dialog"
      >
        {dialog?.kind === 'equipment-edit' ? (
          <EquipmentForm
            initial={dialog.equipment}
            pending={m.equipmentUpdate.isPending}
            error={err(m.equipmentUpdate.error)}
            onCancel={close}
            onSubmit={(v) => m.equipmentUpdate.mutate({ id: dialog.equipment.id, ...v })}
          />
        ) : null}
      </Modal>
      <Modal
        open={dialog?.kind === 'equipment-move'}
        title={t('tree.moveEquipmentTitle')}
        onClose={close}
        testId="move-dialog"
      >
        {dialog?.kind === 'equipment-move' ? (
          allLines.data && allPlants.data ? (
            <MoveForm
              label={t('tree.targetLine')}
              field="workCenterId"
              currentId={dialog.equipment.workCenterId}
              groups={allPlants.data.map((p) => ({
                label: `${p.code} ${p.name}`,
                options: allLines.data
                  .filter((l) => l.plantId === p.id)
                  .map((l) => ({ id: l.id, label: `${l.code} ${l.name}` })),
              }))}
              pending={m.equipmentMove.isPending}
              error={err(m.equipmentMove.error)}
              onCancel={close}
              onSubmit={(workCenterId) => m.equipmentMove.mutate({ id: dialog.equipment.id, workCenterId })}
            />
          ) : (
            <p>{t('common.loading')}</p>
          )
        ) : null}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'equipment-delete'}
        title={t('common.deleteConfirmTitle')}
        body={
          dialog?.kind === 'equipment-delete'
            ? t('common.deleteConfirmBody', { name: dialog.equipment.name })
            : ''
        }
        confirmLabel={t('common.delete')}
        pending={m.equipmentDelete.isPending}
        error={deleteError(m.equipmentDelete.error)}
        onConfirm={() =>
          dialog?.kind === 'equipment-delete' && m.equipmentDelete.mutate({ id: dialog.equipment.id })
        }
        onClose={close}
      />
    </>
  );
}
