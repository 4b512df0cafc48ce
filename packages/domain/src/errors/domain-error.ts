/** What went wrong, in the vocabulary the API maps to tRPC error codes (see packages/api/src/trpc.ts). */
export type TDomainErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST';

/** Why, as a stable key the portal translates (the English message is for logs and API clients). */
export type TDomainErrorReason =
  | 'not_found'
  | 'duplicate_code'
  | 'move_code_conflict'
  | 'has_children'
  | 'plant_has_scoped_members'
  | 'last_admin'
  | 'already_member'
  | 'requires_all_plants'
  | 'grant_outside_scope'
  // Orders, planning, shop floor and lots (issue 5).
  | 'invalid_transition'
  | 'not_editable'
  | 'over_shipment'
  | 'no_routing'
  | 'infeasible_plan_edit'
  | 'not_eligible'
  | 'plan_superseded'
  | 'no_work_orders'
  | 'weight_exceeds'
  | 'mixed_alloys'
  | 'lot_not_usable'
  | 'predecessor_not_done'
  | 'operation_not_startable'
  | 'equipment_not_eligible'
  | 'equipment_already_down'
  | 'equipment_not_down'
  | 'equipment_down'
  | 'equipment_busy'
  | 'plant_mismatch';

export type TDomainErrorParams = Record<string, string | number>;

/**
 * An expected failure of a domain operation. `field` names the input field the failure is about (dotted path,
 * e.g. `code` or `plantIds`), so the portal can show the message next to that field; `reason` and `params`
 * let it say so in the user's language.
 *
 * Messages and params never carry ids or names of rows the caller may not see: a row of another tenant or
 * outside the caller's plant scope answers exactly like a missing row.
 */
export class DomainError extends Error {
  readonly code: TDomainErrorCode;
  readonly field: string | undefined;
  readonly reason: TDomainErrorReason | undefined;
  readonly params: TDomainErrorParams;

  constructor(
    code: TDomainErrorCode,
    message: string,
    field?: string,
    detail?: { reason: TDomainErrorReason; params?: TDomainErrorParams },
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.reason = detail?.reason;
    this.params = detail?.params ?? {};
  }

  /** NOT_FOUND for a row that does not exist *for this caller*: `entity` is the kind (plant, area, line, ...). */
  static notFound(entity: string, field?: string): DomainError {
    return new DomainError('NOT_FOUND', `${entity} not found`, field, {
      reason: 'not_found',
      params: { entity },
    });
  }
}
