-- Queries over the lake's changes view (observed facts of a publication that changed between two
-- of its observations), restricted to the industry's scope. Values are bound parameters.

-- name: scope_changes
-- Changes of the in-scope publications' legal status, grant, owner, operation counts and invalidation
-- recorded by ingests after a lake version (bound; '' lists every change), with the family, its
-- source country and first applicant. Oldest first.
-- For an owner change, the old and new owner's place where an observation states it beside that
-- owner (owner_country, owner_address): the new owner's from the observation that made the
-- change, the old owner's from the latest observation up to it that names the old owner. A
-- changed publication is one observed more than once: its observations are all in
-- reobservations, which does not join every stored row with its parties.
SELECT c.pub_number, p.family_id, coalesce(fc.country, '') AS country, coalesce(fc.first_applicant, '') AS applicant,
       c.field, coalesce(c.old_value, '') AS old_value, coalesce(c.new_value, '') AS new_value, c.observed,
       c.source_file, c.ingest_id,
       coalesce(CASE WHEN c.field = 'current_owner' THEN
           (SELECT arg_max(o.owner_country, o.source_record) FILTER (WHERE o.owner_country IS NOT NULL) FROM reobservations o
            WHERE o.pub_number = c.pub_number AND o.observed = c.observed AND o.ingest_id = c.ingest_id
              AND o.source_file = c.source_file AND o.current_owner = c.new_value) END, '') AS new_owner_country,
       coalesce(CASE WHEN c.field = 'current_owner' THEN
           (SELECT arg_max(o.owner_address, o.source_record) FILTER (WHERE o.owner_address IS NOT NULL) FROM reobservations o
            WHERE o.pub_number = c.pub_number AND o.observed = c.observed AND o.ingest_id = c.ingest_id
              AND o.source_file = c.source_file AND o.current_owner = c.new_value) END, '') AS new_owner_address,
       coalesce(CASE WHEN c.field = 'current_owner' THEN
           (SELECT arg_max(o.owner_country, strftime(o.observed, '%Y%m%d') || o.ingest_id || o.source_file) FILTER (WHERE o.owner_country IS NOT NULL) FROM reobservations o
            WHERE o.pub_number = c.pub_number AND o.observed <= c.observed AND o.current_owner = c.old_value) END, '') AS old_owner_country,
       coalesce(CASE WHEN c.field = 'current_owner' THEN
           (SELECT arg_max(o.owner_address, strftime(o.observed, '%Y%m%d') || o.ingest_id || o.source_file) FILTER (WHERE o.owner_address IS NOT NULL) FROM reobservations o
            WHERE o.pub_number = c.pub_number AND o.observed <= c.observed AND o.current_owner = c.old_value) END, '') AS old_owner_address
FROM changes c
JOIN scope_pub s USING (pub_number)
JOIN pat p USING (pub_number)
LEFT JOIN fam_country fc ON fc.family_id = p.family_id
WHERE c.ingest_id > ?
  AND c.field IN ('legal_status', 'current_owner', 'transfer_count', 'licence_count', 'pledge_count', 'invalidated', 'granted')
ORDER BY c.observed, c.pub_number, c.field, c.ingest_id, c.source_file;
