-- Patent value and operation: one row per family in scope with the raw value factors, its
-- applicants and branches, and the operation events of the region vs the industry.

-- name: value_families
-- Per family: the raw factors (legal status; expiry as stated, else filing + 20 years for an
-- invention or + 10 for a utility model; offices and a WO member; the source's forward
-- citations with the priority-year cohort; claims; transfers + licences + pledges; litigation;
-- invalidation facts), its representative publication and title, its applicants with their
-- kinds, its branches, and whether an applicant is the region's (bound: country, province,
-- city; '' for a level not matched).
WITH ops AS (
    SELECT p.family_id,
           max(coalesce(transfer_count, 0)) + max(coalesce(licence_count, 0)) + max(coalesce(pledge_count, 0)) AS ops,
           bool_or(transfer_count IS NOT NULL OR licence_count IS NOT NULL OR pledge_count IS NOT NULL) AS ops_known,
           max(litigation_count) AS litigation
    FROM pat p WHERE p.in_scope GROUP BY p.family_id
), apps AS (
    SELECT family_id, list(name ORDER BY seq, name) AS applicants, list(coalesce(kind, 'unknown') ORDER BY seq, name) AS kinds,
           bool_or(country = ? AND (? = '' OR province = ?) AND (? = '' OR city = ?)) AS region
    FROM fam_app GROUP BY family_id
), br AS (
    SELECT family_id, list(branch_id ORDER BY branch_id) AS branches FROM fam_branch GROUP BY family_id
)
SELECT f.family_id, f.rep_pub, coalesce(f.title, '') AS title, f.py, f.status, f.invention,
       coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                    WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END)::DATE AS expiry,
       f.expiry_date IS NOT NULL AS expiry_stated,
       f.n_offices, f.pct, f.cited_by_src AS cited, f.claims,
       coalesce(o.ops, 0) AS ops, coalesce(o.ops_known, false) AS ops_known, o.litigation,
       coalesce(f.invalidated, false) AS invalidated,
       coalesce(a.applicants, []) AS applicants, coalesce(a.kinds, []) AS kinds, coalesce(a.region, false) AS region,
       coalesce(b.branches, []) AS branches
FROM fam f LEFT JOIN ops o USING (family_id) LEFT JOIN apps a USING (family_id) LEFT JOIN br b USING (family_id)
ORDER BY f.family_id;

-- name: value_operation_years
-- Families with their latest recorded transfer, licence or pledge in each calendar year, for
-- the region's families and for all families in scope (bound: the region as in value_families).
WITH reg AS (
    SELECT DISTINCT family_id FROM fam_app
    WHERE country = ? AND (? = '' OR province = ?) AND (? = '' OR city = ?)
), p AS (
    SELECT p.* FROM pat p WHERE p.in_scope
), ev AS (
    SELECT 'transfers' AS measure, family_id, year(max(last_transfer_date)) AS y FROM p
    WHERE transfer_count > 0 AND last_transfer_date IS NOT NULL GROUP BY family_id
    UNION ALL
    SELECT 'licences', family_id, year(max(last_licence_date)) FROM p
    WHERE licence_count > 0 AND last_licence_date IS NOT NULL GROUP BY family_id
    UNION ALL
    SELECT 'pledges', family_id, year(max(last_pledge_date)) FROM p
    WHERE pledge_count > 0 AND last_pledge_date IS NOT NULL GROUP BY family_id
)
SELECT measure, y AS year, count(*) AS industry,
       count(*) FILTER (WHERE family_id IN (SELECT family_id FROM reg)) AS region
FROM ev GROUP BY ALL ORDER BY 1, 2;
