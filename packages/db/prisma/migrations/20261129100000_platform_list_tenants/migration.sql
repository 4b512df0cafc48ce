-- Every tenant, for platform administrators (the platform console). Crosses the tenant wall on purpose, so it is a
-- SECURITY DEFINER function like the others; it answers only when app.user_id (set by withUser/withTenant) is a
-- platform administrator, and returns no rows otherwise. Runs as the owner, which reads tenant and app_user
-- through the definer policies of 20261129093500_tenant_isolation.
CREATE FUNCTION app_platform_list_tenants() RETURNS SETOF tenant
  LANGUAGE sql
  STABLE
  SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT t.*
      FROM tenant t
     WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.id = app_current_user_id() AND u.platform_admin)
     ORDER BY t.slug
  $$;
REVOKE ALL ON FUNCTION app_platform_list_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_platform_list_tenants() TO ingot_app;
