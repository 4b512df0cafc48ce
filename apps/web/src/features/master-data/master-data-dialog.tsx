'use client';

import type { ReactNode } from 'react';
import { Modal } from '../../components/modal.tsx';
import type { TEditTarget } from './use-edit-dialog.ts';

/**
 * The modal holding a master-data form: titled "new …" or "edit …", its form rendered only while open
 * (children get the row being edited, or undefined for a new one).
 */
export function MasterDataDialog<TRow>(props: {
  /** Names the test id `${kind}-dialog`. */
  kind: string;
  target: TEditTarget<TRow>;
  titles: { create: string; edit: string };
  onClose: () => void;
  children: (editing: TRow | undefined) => ReactNode;
}) {
  const { target } = props;
  return (
    <Modal
      open={target !== null}
      title={target?.kind === 'edit' ? props.titles.edit : props.titles.create}
      onClose={props.onClose}
      testId={`${props.kind}-dialog`}
    >
      {target ? props.children(target.kind === 'edit' ? target.row : undefined) : null}
    </Modal>
  );
}
