-- Queries of the risk-warning bulletin. They read the analysis session's temporary tables (fam,
-- fam_app, fam_country, fam_branch, the pat view) and return one row per family (or per family ×
-- applicant, family × branch, family × event); the indicators and signals are computed from these
-- rows in Go. Values are always bound parameters.

-- name: families
-- Per family in scope: priority year, origin (fam_country: the first applicant's country, else the
-- first priority office), type flags, status, whether it has an invention publication at the
-- office (bound), the offices of all its members in the lake, and its expiry: the latest over its
-- members of the source's expiry date, else the filing date (else the grant date) plus 20 years
-- for inventions or 10 years for utility models.
WITH members AS (
    SELECT p.family_id, p.jurisdiction, p.doc_type, p.expiry_date, p.app_date, p.grant_date
    FROM pat p WHERE p.family_id IN (SELECT family_id FROM fam)
), agg AS (
    SELECT family_id,
           list(DISTINCT jurisdiction ORDER BY jurisdiction)                     AS offices,
           coalesce(bool_or(jurisdiction = ? AND doc_type = 'invention'), false) AS office_invention,
           max(coalesce(expiry_date,
               CASE WHEN doc_type = 'invention' THEN CAST(coalesce(app_date, grant_date) + INTERVAL 20 YEAR AS DATE)
                    WHEN doc_type = 'utility_model' THEN CAST(coalesce(app_date, grant_date) + INTERVAL 10 YEAR AS DATE)
               END))                                                             AS expiry,
           coalesce(bool_or(expiry_date IS NOT NULL), false)                     AS expiry_stated
    FROM members GROUP BY family_id
)
SELECT f.family_id, f.py, coalesce(c.country, '') AS country, f.invention, f.utility, f.granted,
       f.status, a.office_invention, a.offices, f.rep_pub, coalesce(f.title, '') AS title,
       a.expiry, a.expiry_stated
FROM fam f JOIN agg a USING (family_id) LEFT JOIN fam_country c USING (family_id)
ORDER BY f.family_id;

-- name: applicants
-- Family × applicant (normalised name) with the applicant's country and fractional weight 1/k.
SELECT family_id, name, coalesce(country, '') AS country, coalesce(kind, '') AS kind, w
FROM fam_app ORDER BY family_id, seq, name;

-- name: branches
SELECT family_id, branch_id FROM fam_branch ORDER BY family_id, branch_id;

-- name: family_operations
-- Families with operation or dispute facts (the patents view shows the latest observation of each).
SELECT p.family_id,
       coalesce(max(p.transfer_count), 0)   AS transfers,
       coalesce(max(p.licence_count), 0)    AS licences,
       coalesce(max(p.litigation_count), 0) AS litigations,
       coalesce(bool_or(p.invalidated), false) AS invalidated,
       max(p.last_transfer_date)            AS last_transfer,
       max(p.last_licence_date)             AS last_licence
FROM pat p JOIN fam f USING (family_id)
GROUP BY p.family_id
HAVING coalesce(max(p.transfer_count), 0) > 0 OR coalesce(max(p.licence_count), 0) > 0
    OR coalesce(max(p.litigation_count), 0) > 0 OR coalesce(bool_or(p.invalidated), false)
ORDER BY p.family_id;

-- name: operations_coverage
-- Whether the sources in scope carry operation and dispute facts at all.
SELECT count(p.transfer_count) + count(p.licence_count) AS operations,
       count(p.litigation_count)                         AS litigation,
       count(p.invalidation_raw) + count(*) FILTER (WHERE p.invalidated) AS invalidation
FROM pat p JOIN fam f USING (family_id);

-- name: has_table
SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?;

-- name: legal_events
-- Legal events of families in scope whose code or description matches the bound pattern
-- (litigation, invalidation, transfer or licence words; classified in Go).
SELECT p.family_id, e.date, coalesce(e.code, '') AS code, coalesce(e.description, '') AS description
FROM legal_events e JOIN pat p USING (pub_number) JOIN fam f USING (family_id)
WHERE regexp_matches(coalesce(e.code, '') || ' ' || coalesce(e.description, ''), ?)
ORDER BY p.family_id, e.date, code, description;

-- name: quality
-- Every window family's quality index and percentile (0–1, best = 1), kept by the macro model.
SELECT f.family_id, q.score, q.pct FROM fam_quality q JOIN fam f USING (fk) ORDER BY f.family_id;
