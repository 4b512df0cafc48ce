-- The platform administrator hands a first password to a tenant's first administrator (Keycloak cannot send mail
-- in every installation). Allowed only for an administrator of that tenant who has never signed in: the user row
-- is still pending (no identity bound), so no working account can be taken over this way.
-- Returns the tenant's id when the pair qualifies, else NULL. Reads the membership under the tenant's own scope
-- (set for the call and restored), so no owner-wide policy on membership is needed.
CREATE FUNCTION app_platform_pending_admin(p_slug text, p_email text) RETURNS uuid
  LANGUAGE plpgsql
  STABLE
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  v_prev   text := current_setting('app.tenant_id', true);
  v_tenant uuid;
  v_ok     boolean;
BEGIN
  SELECT t.id INTO v_tenant FROM tenant t WHERE t.slug = p_slug;
  IF v_tenant IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('app.tenant_id', v_tenant::text, true);
  SELECT EXISTS (
    SELECT 1
      FROM membership m JOIN app_user u ON u.id = m.user_id
     WHERE m.tenant_id = v_tenant
       AND u.email = lower(btrim(p_email))
       AND u.subject LIKE 'pending:%'
       AND 'tenant_admin' = ANY (m.roles)
  ) INTO v_ok;
  PERFORM set_config('app.tenant_id', coalesce(v_prev, ''), true);
  RETURN CASE WHEN v_ok THEN v_tenant END;
END
$$;
REVOKE ALL ON FUNCTION app_platform_pending_admin(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_platform_pending_admin(text, text) TO ingot_app;
