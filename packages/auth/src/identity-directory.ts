/**
 * Where people's sign-in accounts live (Keycloak), as the API sees it when a tenant administrator adds, changes or
 * removes a member. The database stays the source of truth for authorization; the directory gets what Keycloak
 * needs for its own decisions: the account, realm roles (a second factor for administrators) and the tenant's
 * group.
 */
export interface TIdentityDirectory {
  /**
   * The person's account (found by e-mail, else created), with the realm roles of `roles` (our role names) added
   * and a place in the tenant's group. Idempotent.
   */
  provisionMember(input: {
    email: string;
    displayName: string;
    roles: readonly string[];
    tenant: { id: string; slug: string; name: string };
  }): Promise<TMemberIdentity>;
  /** Adds the realm roles of `roles` (never removes: they may come from another tenant). */
  grantRoles(input: { email: string; roles: readonly string[] }): Promise<void>;
  /** Takes the person out of the tenant's group (the account stays: other tenants, other partners). */
  removeFromTenant(input: { email: string; tenantSlug: string }): Promise<void>;
  /**
   * Requires a second factor at sign-in from every member of the tenant (MLPS level 3), or stops requiring it
   * for being a member (administrators keep it through their role). Granted to the tenant's group, so members
   * added later inherit it and other tenants of the same person are unaffected.
   */
  setTenantSecondFactor(input: { tenant: { id: string; slug: string }; required: boolean }): Promise<void>;
  /**
   * A new temporary password for an account nobody has signed in to yet (changed at first sign-in); shown once
   * to whoever hands it over, never stored by us. NOT_FOUND-like `null` when there is no such account.
   */
  issueTemporaryPassword(input: { email: string }): Promise<string | null>;
}

export interface TMemberIdentity {
  /** An account with this e-mail existed, or was created now. */
  account: 'existing' | 'created';
  /**
   * How a new account gets its password: an e-mail with a link (when the realm can send mail), else a temporary
   * password the administrator hands over (changed at first sign-in). `none` for an existing account.
   */
  activation: 'none' | 'email-sent' | 'temporary-password';
  /** Only with `temporary-password`: shown once to the administrator, never stored by us. */
  temporaryPassword: string | null;
}
