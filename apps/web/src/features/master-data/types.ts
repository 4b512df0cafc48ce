import type { TApiErrorView } from '../../trpc/describe-api-error.ts';
import type { TRouterOutputs } from '../../trpc/types.ts';

export type TAlloy = TRouterOutputs['masterData']['alloy']['list'][number];
export type TTemper = TRouterOutputs['masterData']['temper']['list'][number];
export type TCustomer = TRouterOutputs['masterData']['customer']['list'][number];
export type TSpec = TRouterOutputs['masterData']['spec']['list'][number];
export type TRouting = TRouterOutputs['routing']['list'][number];

/** What every master-data form is given: the row it edits (none for a new one), the save's state, and callbacks. */
export interface TMasterDataFormProps<TRow, TValues> {
  initial?: TRow | undefined;
  pending: boolean;
  error: TApiErrorView;
  onSubmit: (values: TValues) => void;
  onCancel: () => void;
}
