/** What went wrong, in the vocabulary the API maps to HTTP-ish codes (see packages/api/src/errors). */
export type TDomainErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST';

/**
 * An expected failure of a domain operation. `field` names the input field the failure is about (dotted path,
 * e.g. `code` or `plantIds`), so the portal can show the message next to that field.
 *
 * Messages never echo ids or names of rows the caller may not see: a row of another tenant or outside the
 * caller's plant scope answers exactly like a missing row.
 */
export class DomainError extends Error {
  readonly code: TDomainErrorCode;
  readonly field: string | undefined;

  constructor(code: TDomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }

  static notFound(what: string, field?: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} not found`, field);
  }
}
