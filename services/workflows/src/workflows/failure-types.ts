/**
 * ApplicationFailure types shared by the workflows and the activities. A failure of one of these types is a
 * permanent answer (bad input, a conflicting row that a retry cannot fix), so retry policies list them as
 * non-retryable. Pure constants: safe to import into the workflow sandbox.
 */
export const FAILURE_TYPES = {
  /** The input does not satisfy its contract (zod). */
  validation: 'ValidationError',
  /** The data is in a state that a retry cannot change (e.g. the slug belongs to a tenant with another id). */
  conflict: 'ProvisioningConflict',
} as const;

export type TFailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];
