-- The zone's effect tracking (绩效): per calendar year, the region's filings, grants, operation
-- events and filers, over the families in scope (fam, fam_app, pat of the scope step). The
-- region's applicants are eff_app (effect_region); its families eff_fam.

-- name: effect_place_coverage
-- How far the applicants of the region's country carry a place: applicants (family × name) of
-- the country, with a CN province, with a city. A region narrower than its country can only be
-- matched when places are known. Placed: applicants of any country with any place (0: the
-- sources carry no place data, so no family can be placed in any region).
SELECT count(*) FILTER (WHERE country = ?) AS country_apps,
       count(*) FILTER (WHERE country = ? AND province IS NOT NULL) AS with_province,
       count(*) FILTER (WHERE country = ? AND city IS NOT NULL) AS with_city,
       count(*) FILTER (WHERE country IS NOT NULL OR province IS NOT NULL OR city IS NOT NULL) AS placed
FROM fam_app;

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
    SELECT family_id, invention, pct, year(coalesce(app_date, first_date)) AS fy,
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
       count(*) FILTER (WHERE f.reg AND f.pct) AS pct,
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
    SELECT p.* FROM pat p
    WHERE p.in_scope AND p.family_id IN (SELECT family_id FROM eff_fam)
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
-- included) and operation event dates, per kind those operated and those with the latest
-- operation's date, and how many have a publication with a WO member or a
-- priority claim (a PCT filing can be seen).
WITH p AS (
    SELECT p.* FROM pat p
    WHERE p.in_scope AND p.family_id IN (SELECT family_id FROM eff_fam)
)
SELECT count(DISTINCT family_id) AS families,
       count(DISTINCT family_id) FILTER (WHERE legal_status <> 'unknown') AS with_status,
       count(DISTINCT family_id) FILTER (WHERE grant_date IS NOT NULL) AS with_grant,
       count(DISTINCT family_id) FILTER (WHERE transfer_count IS NOT NULL OR licence_count IS NOT NULL OR pledge_count IS NOT NULL) AS with_operation,
       count(DISTINCT family_id) FILTER (WHERE last_transfer_date IS NOT NULL OR last_licence_date IS NOT NULL OR last_pledge_date IS NOT NULL) AS with_operation_dates,
       count(DISTINCT family_id) FILTER (WHERE transfer_count > 0) AS transferred,
       count(DISTINCT family_id) FILTER (WHERE transfer_count > 0 AND last_transfer_date IS NOT NULL) AS transferred_dated,
       count(DISTINCT family_id) FILTER (WHERE licence_count > 0) AS licensed,
       count(DISTINCT family_id) FILTER (WHERE licence_count > 0 AND last_licence_date IS NOT NULL) AS licensed_dated,
       count(DISTINCT family_id) FILTER (WHERE pledge_count > 0) AS pledged,
       count(DISTINCT family_id) FILTER (WHERE pledge_count > 0 AND last_pledge_date IS NOT NULL) AS pledged_dated,
       count(DISTINCT family_id) FILTER (WHERE jurisdiction <> 'CN' OR priority_office IS NOT NULL) AS with_abroad_info
FROM p;

-- name: effect_high_value
-- The region's alive invention families at the cut-off, those granted (the stock of
-- 每万人口发明专利拥有量) and the high-value ones among them (the
-- national statistics' 高价值发明专利, as far as the lake records it): a member filed abroad
-- or through PCT (two offices or more, or a WO member), forward citations in the top decile of
-- their priority-year cohort, a transfer, licence or pledge, litigation, or an invalidation
-- request survived (invalidation facts on a family still alive).
WITH c AS (
    SELECT family_id, cited_by_src, percent_rank() OVER (PARTITION BY py ORDER BY cited_by_src) AS pr
    FROM fam WHERE cited_by_src IS NOT NULL
), lit AS (
    SELECT family_id, max(litigation_count) AS lit FROM pat WHERE in_scope GROUP BY family_id
)
SELECT count(*) AS alive,
       count(*) FILTER (WHERE f.granted) AS alive_granted,
       count(*) FILTER (WHERE f.n_offices > 1 OR f.pct
                        OR coalesce(c.pr >= 0.9 AND c.cited_by_src > 0, false)
                        OR f.transferred OR f.licensed OR f.pledged
                        OR coalesce(lit.lit, 0) > 0 OR f.invalidated) AS high_value
FROM fam f LEFT JOIN c USING (family_id) LEFT JOIN lit USING (family_id)
WHERE f.status = 'alive' AND f.invention AND f.family_id IN (SELECT family_id FROM eff_fam);

-- name: effect_flow_events
-- The legal events of the publications in scope that may record a transfer, licence or pledge
-- (their text or code names one, in Chinese or English), with the publication's family: the
-- builder reads the parties and their places from the text. Ordered for determinism.
SELECT p.family_id, e.pub_number, e.date, coalesce(e.code, '') AS code,
       coalesce(e.text, e.description, '') AS text
FROM legal_events e JOIN pat p USING (pub_number)
WHERE p.in_scope AND regexp_matches(coalesce(e.text, '') || ' ' || coalesce(e.description, '') || ' ' || coalesce(e.code, ''),
                     '转移|转让|许可|质押|出质|(?i:transfer|assign|licen|pledge)')
ORDER BY p.family_id, e.date NULLS LAST, e.pub_number, text;

-- name: effect_flow_families
-- The families in scope with operation facts (counts, latest dates, as the patents view stands
-- now), their current owner as stated by the latest observation (of the publication with the
-- latest transfer, else the first by number) and their first applicant with its place (fam_app):
-- what the builder reads a family's latest transfer, licence and pledge from when no legal event
-- names the parties.
WITH p AS (
    SELECT p.* FROM pat p
    WHERE p.in_scope AND (p.transfer_count > 0 OR p.licence_count > 0 OR p.pledge_count > 0)
), f AS (
    SELECT family_id,
           max(transfer_count) AS transfers, max(last_transfer_date) AS last_transfer,
           max(licence_count) AS licences, max(last_licence_date) AS last_licence,
           max(pledge_count) AS pledges, max(last_pledge_date) AS last_pledge,
           arg_max(current_owner, coalesce(last_transfer_date::VARCHAR, '0000') || pub_number)
               FILTER (WHERE current_owner IS NOT NULL AND current_owner <> '') AS owner
    FROM p GROUP BY family_id
), a AS (
    SELECT family_id, arg_min(name, lpad(seq::VARCHAR, 4, '0') || name) AS first_name
    FROM fam_app GROUP BY family_id
)
SELECT f.family_id, coalesce(f.transfers, 0) AS transfers, f.last_transfer,
       coalesce(f.licences, 0) AS licences, f.last_licence,
       coalesce(f.pledges, 0) AS pledges, f.last_pledge, coalesce(f.owner, '') AS owner,
       coalesce(a.first_name, '') AS first_name,
       coalesce((SELECT list(x.name ORDER BY x.name) FROM fam_app x WHERE x.family_id = f.family_id), []) AS applicants
FROM f LEFT JOIN a USING (family_id)
ORDER BY f.family_id;

-- name: effect_party_places
-- Where the lake places each applicant name of the families in scope: one row per name and
-- place with the number of families that give it (the builder keeps a name's place only when one
-- place is given most often), and whether the name is one of the region's applicants (eff_app).
SELECT name, coalesce(country, '') AS country, coalesce(province, '') AS province, coalesce(city, '') AS city,
       count(DISTINCT family_id) AS n,
       name IN (SELECT name FROM eff_app) AS region
FROM fam_app WHERE name <> ''
GROUP BY ALL ORDER BY name, n DESC, country, province, city;
