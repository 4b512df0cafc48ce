-- Stale-data alarm rules must be watched also for plants whose connectors went silent before an ingest process
-- started: otherwise ingest learns plants only from the batches it receives, and a silent plant sends none. Ingest
-- has no tenant when it starts, so this is the one cross-tenant read it needs for that: which (tenant, plant) pairs
-- have an enabled stale-data rule, nothing of the rules themselves (those are read per tenant under RLS).
CREATE POLICY alarm_rule_definer ON alarm_rule FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION app_plants_with_stale_rules()
  RETURNS TABLE (tenant_id uuid, plant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT r.tenant_id, r.plant_id
      FROM alarm_rule r JOIN tenant t ON t.id = r.tenant_id
     WHERE r.kind = 'stale' AND r.enabled AND t.status = 'active'
$$;
GRANT EXECUTE ON FUNCTION app_plants_with_stale_rules() TO ingot_app;
