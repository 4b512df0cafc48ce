import { z } from 'zod';

/** Who the identity server says the caller is. Authorization (tenants, roles, plants) comes from our database. */
export const ZIdentity = z.object({
  subject: z.string().min(1),
  email: z.email(),
  name: z.string().min(1),
});
export type TIdentity = z.infer<typeof ZIdentity>;

/** The session cookie holding the access token in the portal. */
export const SESSION_COOKIE = 'ingot_session';
/** The audience every Ingot portal token must carry. */
export const PORTAL_AUDIENCE = 'ingot-portal';
