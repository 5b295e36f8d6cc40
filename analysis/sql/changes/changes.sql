-- Queries over the lake's changes view (observed facts of a publication that changed between two
-- of its observations), restricted to the industry's scope. Values are bound parameters.

-- name: scope_changes
-- Changes of the in-scope publications' legal status, grant, owner, operation counts and invalidation
-- recorded by ingests after a lake version (bound; '' lists every change), with the family, its
-- source country and first applicant. Oldest first.
SELECT c.pub_number, p.family_id, coalesce(fc.country, '') AS country, coalesce(fc.first_applicant, '') AS applicant,
       c.field, coalesce(c.old_value, '') AS old_value, coalesce(c.new_value, '') AS new_value, c.observed,
       c.source_file, c.ingest_id
FROM changes c
JOIN scope_pub s USING (pub_number)
JOIN pat p USING (pub_number)
LEFT JOIN fam_country fc ON fc.family_id = p.family_id
WHERE c.ingest_id > ?
  AND c.field IN ('legal_status', 'current_owner', 'transfer_count', 'licence_count', 'pledge_count', 'invalidated', 'granted')
ORDER BY c.observed, c.pub_number, c.field, c.ingest_id, c.source_file;
