-- The zone's effect tracking (绩效): per calendar year, the region's filings, grants, operation
-- events and filers, over the families in scope (fam, fam_app, pat of the scope step). The
-- region's applicants are eff_app (effect_region); its families eff_fam.

-- name: effect_place_coverage
-- How far the applicants of the region's country carry a place: applicants (family × name) of
-- the country, with a CN province, with a city. A region narrower than its country can only be
-- matched when places are known.
SELECT count(*) AS country_apps,
       count(*) FILTER (WHERE province IS NOT NULL) AS with_province,
       count(*) FILTER (WHERE city IS NOT NULL) AS with_city
FROM fam_app WHERE country = ?;

-- name: effect_region
-- The region's applicants (family × applicant): the country, and the province and city when
-- bound non-empty (the builder binds '' for a level the data cannot match).
CREATE OR REPLACE TEMP TABLE eff_app AS
SELECT family_id, name, kind FROM fam_app
WHERE country = ? AND (? = '' OR province = ?) AND (? = '' OR city = ?);

-- name: effect_region_families
CREATE OR REPLACE TEMP TABLE eff_fam AS SELECT DISTINCT family_id FROM eff_app;

-- name: effect_filing_years
-- Per filing year (year of the family's earliest application, else its earliest date): families
-- in scope, the region's families, its invention families, its families with a PCT (WO) member,
-- its families co-filed by an enterprise and a university or institute (bound: the region's
-- country), and the
-- region's distinct enterprise and university/institute filers.
WITH f AS (
    SELECT family_id, invention, offices, year(coalesce(app_date, first_date)) AS fy,
           family_id IN (SELECT family_id FROM eff_fam) AS reg
    FROM fam
), co AS (
    -- A partner counts when it is the region's, or of the region's country with no place known
    -- (exports carry the first applicant's address only).
    SELECT a.family_id FROM fam_app a
    WHERE a.family_id IN (SELECT family_id FROM eff_fam)
      AND ((a.family_id, a.name) IN (SELECT (family_id, name) FROM eff_app)
           OR (a.country = ? AND a.province IS NULL AND a.city IS NULL))
    GROUP BY a.family_id
    HAVING bool_or(a.kind = 'enterprise') AND bool_or(a.kind IN ('university', 'institute'))
), filers AS (
    SELECT f.fy,
           count(DISTINCT a.name) FILTER (WHERE a.kind = 'enterprise') AS enterprises,
           count(DISTINCT a.name) FILTER (WHERE a.kind IN ('university', 'institute')) AS universities
    FROM eff_app a JOIN f USING (family_id) GROUP BY f.fy
)
SELECT f.fy AS year,
       count(*) AS industry,
       count(*) FILTER (WHERE f.reg) AS families,
       count(*) FILTER (WHERE f.reg AND f.invention) AS inventions,
       count(*) FILTER (WHERE f.reg AND list_contains(f.offices, 'WO')) AS pct,
       count(*) FILTER (WHERE f.family_id IN (SELECT family_id FROM co)) AS co_applications,
       coalesce(any_value(fl.enterprises), 0) AS enterprises,
       coalesce(any_value(fl.universities), 0) AS universities
FROM f LEFT JOIN filers fl USING (fy)
WHERE f.fy IS NOT NULL
GROUP BY f.fy ORDER BY f.fy;

-- name: effect_branch_years
-- Per branch and filing year: the branch's families in scope and the region's among them.
WITH f AS (
    SELECT family_id, year(coalesce(app_date, first_date)) AS fy FROM fam
)
SELECT b.branch_id, f.fy AS year, count(*) AS industry,
       count(*) FILTER (WHERE b.family_id IN (SELECT family_id FROM eff_fam)) AS families
FROM fam_branch b JOIN f USING (family_id)
WHERE f.fy IS NOT NULL
GROUP BY ALL ORDER BY 1, 2;

-- name: effect_event_years
-- Per calendar year of the event: the region's families with an invention granted that year
-- (earliest grant of an invention publication in scope), and with their latest recorded
-- transfer, licence or pledge that year (the lake keeps counts and the latest date only).
WITH p AS (
    SELECT p.* FROM pat p JOIN scope_pub USING (pub_number)
    WHERE p.family_id IN (SELECT family_id FROM eff_fam)
), g AS (
    SELECT family_id, year(min(grant_date)) AS y FROM p
    WHERE doc_type = 'invention' AND grant_date IS NOT NULL GROUP BY family_id
), t AS (
    SELECT family_id, year(max(last_transfer_date)) AS y FROM p
    WHERE transfer_count > 0 AND last_transfer_date IS NOT NULL GROUP BY family_id
), l AS (
    SELECT family_id, year(max(last_licence_date)) AS y FROM p
    WHERE licence_count > 0 AND last_licence_date IS NOT NULL GROUP BY family_id
), q AS (
    SELECT family_id, year(max(last_pledge_date)) AS y FROM p
    WHERE pledge_count > 0 AND last_pledge_date IS NOT NULL GROUP BY family_id
), ev AS (
    SELECT 'grants' AS measure, y FROM g UNION ALL SELECT 'transfers', y FROM t
    UNION ALL SELECT 'licences', y FROM l UNION ALL SELECT 'pledges', y FROM q
)
SELECT measure, y AS year, count(*) AS n FROM ev GROUP BY ALL ORDER BY 1, 2;

-- name: effect_coverage
-- What the lake can say about the region's families: how many there are, how many carry a
-- legal status, a grant date, operation facts (a transfer, licence or pledge count, zero
-- included) and operation event dates, and how many have a publication with a WO member or a
-- priority claim (a PCT filing can be seen).
WITH p AS (
    SELECT p.* FROM pat p JOIN scope_pub USING (pub_number)
    WHERE p.family_id IN (SELECT family_id FROM eff_fam)
)
SELECT count(DISTINCT family_id) AS families,
       count(DISTINCT family_id) FILTER (WHERE legal_status <> 'unknown') AS with_status,
       count(DISTINCT family_id) FILTER (WHERE grant_date IS NOT NULL) AS with_grant,
       count(DISTINCT family_id) FILTER (WHERE transfer_count IS NOT NULL OR licence_count IS NOT NULL OR pledge_count IS NOT NULL) AS with_operation,
       count(DISTINCT family_id) FILTER (WHERE last_transfer_date IS NOT NULL OR last_licence_date IS NOT NULL OR last_pledge_date IS NOT NULL) AS with_operation_dates,
       count(DISTINCT family_id) FILTER (WHERE jurisdiction <> 'CN' OR priority_office IS NOT NULL) AS with_abroad_info
FROM p;

-- name: effect_high_value
-- The region's alive invention families at the cut-off and the high-value ones among them (the
-- national statistics' 高价值发明专利, as far as the lake records it): a member filed abroad
-- or through PCT (two offices or more, or a WO member), forward citations in the top decile of
-- their priority-year cohort, a transfer, licence or pledge, litigation, or an invalidation
-- request survived (invalidation facts on a family still alive).
WITH c AS (
    SELECT family_id, cited_by_src, percent_rank() OVER (PARTITION BY py ORDER BY cited_by_src) AS pr
    FROM fam WHERE cited_by_src IS NOT NULL
), lit AS (
    SELECT family_id, max(litigation_count) AS lit FROM pat JOIN scope_pub USING (pub_number) GROUP BY family_id
)
SELECT count(*) AS alive,
       count(*) FILTER (WHERE f.n_offices > 1 OR list_contains(f.offices, 'WO')
                        OR coalesce(c.pr >= 0.9 AND c.cited_by_src > 0, false)
                        OR f.transferred OR f.licensed OR f.pledged
                        OR coalesce(lit.lit, 0) > 0 OR f.invalidated) AS high_value
FROM fam f LEFT JOIN c USING (family_id) LEFT JOIN lit USING (family_id)
WHERE f.status = 'alive' AND f.invention AND f.family_id IN (SELECT family_id FROM eff_fam);
