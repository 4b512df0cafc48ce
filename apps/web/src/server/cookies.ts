/** Cookie names the portal uses. The session cookie's name is @ingot/auth's SESSION_COOKIE (`ingot_session`). */
export const TENANT_COOKIE = 'ingot_tenant';
export const LOCALE_COOKIE = 'ingot_locale';

/** One year, for preferences. */
export const PREFERENCE_MAX_AGE = 365 * 24 * 3600;
