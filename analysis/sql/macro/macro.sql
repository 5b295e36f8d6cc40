-- Fractional family counts (sums of the 1/k applicant weights) are rounded to 9 decimals: DuckDB
-- adds in parallel in no fixed order, so unrounded sums differ in their last bits from run to run
-- and flip tied rankings (two applicants with 38.67 families each).

-- name: scope_by_source
SELECT p.source || ' / ' || p.source_file AS k, count(*) AS n
FROM pat p WHERE p.in_scope GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: scope_by_office
SELECT p.jurisdiction AS k, count(*) AS n
FROM pat p WHERE p.in_scope GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: scope_counts
SELECT (SELECT count(*) FROM scope_pub) AS pubs, (SELECT count(*) FROM fam) AS fams,
       (SELECT count(*) FROM fam WHERE fk NOT IN (SELECT fk FROM fam_bk)) AS untagged;

-- name: branch_counts
-- Families per branch: fam_bk holds a family once per branch, and fam a row per family, so the
-- families are counted as rows (a branch without any counts 0), not as distinct keys.
SELECT b.branch_id, count(fb.fk) AS n
FROM cfg_branch b LEFT JOIN fam_bk fb USING (branch_id) LEFT JOIN fam f USING (fk)
WHERE f.py BETWEEN ? AND ? OR fb.fk IS NULL
GROUP BY 1 ORDER BY 1;

-- name: trend
-- Families (or publications) per priority year in the window.
SELECT py, count(*) AS n FROM fam WHERE py BETWEEN ? AND ? GROUP BY py ORDER BY py;

-- name: trend_pub
SELECT year(coalesce(p.priority_date, p.app_date, p.pub_date)) AS py, count(*) AS n
FROM pat p
WHERE p.in_scope AND py BETWEEN ? AND ? GROUP BY 1 ORDER BY 1;

-- name: life_cycle
-- Per priority year: families and distinct applicants filing that year, each counted by plain
-- grouping as in branch_life_cycle (fam has a row per family; the distinct names by grouping
-- twice) instead of two count(DISTINCT …) over the families × applicants join.
WITH fy AS (
    SELECT fk, py FROM fam WHERE py BETWEEN ? AND ?
), apps AS (
    SELECT py, count(*) AS apps FROM fy GROUP BY 1
), names AS (
    SELECT py, count(name) AS applicants
    FROM (SELECT DISTINCT fy.py, a.name FROM fy JOIN fam_app a USING (fk))
    GROUP BY 1
)
SELECT apps.py, apps.apps, coalesce(names.applicants, 0) AS applicants
FROM apps LEFT JOIN names USING (py) ORDER BY 1;

-- name: branch_trend
SELECT fb.branch_id, f.py, count(*) AS n
FROM fam_bk fb JOIN fam f USING (fk)
WHERE f.py BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1, 2;

-- name: branch_life_cycle
-- life_cycle per branch: families (fam_bk has one row per family and branch) and distinct
-- applicants per branch and priority year, each counted by plain grouping (the distinct names
-- by grouping twice) instead of two count(DISTINCT …) over the families × applicants join.
WITH fb AS (
    SELECT fb.branch_id, f.py, fb.fk
    FROM fam_bk fb JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
), apps AS (
    SELECT branch_id, py, count(*) AS apps FROM fb GROUP BY 1, 2
), names AS (
    SELECT branch_id, py, count(name) AS applicants
    FROM (SELECT DISTINCT fb.branch_id, fb.py, a.name FROM fb JOIN fam_app a USING (fk))
    GROUP BY 1, 2
)
SELECT apps.branch_id, apps.py, apps.apps, coalesce(names.applicants, 0) AS applicants
FROM apps LEFT JOIN names USING (branch_id, py) ORDER BY 1, 2;

-- name: geo_matrix
-- Source country × filing office: families with a member at the office. Offices of all the
-- family's publications in the lake count (not only the in-scope ones).
WITH fo AS (
    SELECT DISTINCT f.fk, p.jurisdiction AS office
    FROM fam f JOIN pat p USING (family_id)
    WHERE f.py BETWEEN ? AND ?
)
SELECT coalesce(c.country, '??') AS src, fo.office, count(*) AS n
FROM fo JOIN fam_country c USING (fk) GROUP BY 1, 2 ORDER BY 1, 2;

-- name: geo_pct
-- with_members: families whose members the sources show (more than one publication, or a family
-- size the source states); without any, a PCT share of 0 % could not be told from an export that
-- lists one publication per family (CNIPA lists, USPTO grants).
SELECT count(*) FILTER (WHERE wo) AS pct, count(*) AS n,
       count(*) FILTER (WHERE pubs > 1 OR size_src IS NOT NULL) AS with_members
FROM (SELECT f.fk, bool_or(p.jurisdiction = 'WO') AS wo, count(*) AS pubs, any_value(f.family_size_src) AS size_src
      FROM fam f JOIN pat p USING (family_id) WHERE f.py BETWEEN ? AND ? GROUP BY 1);

-- name: geo_foreign_in
-- Families with a member at the office (bound) whose source country is another country.
SELECT c.country AS k, count(DISTINCT f.fk) AS n
FROM fam f JOIN pat p USING (family_id) JOIN fam_country c ON c.fk = f.fk
WHERE p.jurisdiction = ? AND c.country IS NOT NULL AND c.country <> ? AND f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?;

-- name: geo_provinces
SELECT a.province AS k, round(sum(a.w), 9) AS n
FROM fam_app a JOIN fam f USING (fk)
WHERE a.country = 'CN' AND a.province IS NOT NULL AND f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: geo_cities
SELECT a.city AS k, round(sum(a.w), 9) AS n
FROM fam_app a JOIN fam f USING (fk)
WHERE a.country = 'CN' AND a.city IS NOT NULL AND f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?;

-- name: applicants_top
-- Applicants by fractional families, with whole counts, granted, alive, citations and years. An
-- applicant's kind, country and province are its most frequent known ones (ties by value).
WITH a AS (
    SELECT a.* FROM fam_app a JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
), attr AS (
    SELECT name,
        first(kind ORDER BY (kind IS NULL OR kind = 'unknown'), c DESC, kind) AS kind,
        first(country ORDER BY (country IS NULL), c DESC, country) AS country,
        first(province ORDER BY (province IS NULL), c DESC, province) AS province
    FROM (SELECT name, kind, country, province, count(*) AS c FROM a GROUP BY ALL) GROUP BY name
)
SELECT a.name, attr.kind, attr.country, attr.province,
       round(sum(a.w), 9) AS fam_frac, count(*) AS whole,
       count(*) FILTER (WHERE f.granted) AS granted,
       count(*) FILTER (WHERE f.status = 'alive') AS alive,
       coalesce(sum(f.cited_by_src), 0) AS cites,
       min(f.py) AS first_year, max(f.py) AS last_year
FROM a JOIN fam f USING (fk) JOIN attr USING (name)
GROUP BY a.name, attr.kind, attr.country, attr.province ORDER BY fam_frac DESC, a.name;

-- name: applicant_variants
-- Raw spellings of the given normalised names, most frequent first.
SELECT x.name, x.name_raw, count(*) AS n
FROM parties x JOIN scope_pub USING (pub_number)
WHERE x.role = 'applicant' AND list_contains(?::VARCHAR[], x.name)
GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: applicant_branches
SELECT a.name, fb.branch_id AS k, round(sum(a.w), 9) AS n
FROM fam_app a JOIN fam_bk fb USING (fk) JOIN fam f USING (fk)
JOIN cfg_branch b USING (branch_id)
WHERE b.level = 1 AND list_contains(?::VARCHAR[], a.name) AND f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: applicant_offices
SELECT a.name, o.office AS k, count(DISTINCT a.fk) AS n
FROM fam_app a JOIN fam f USING (fk) JOIN fam_office o USING (fk)
WHERE list_contains(?::VARCHAR[], a.name) AND f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: applicant_coapplicants
SELECT a.name, b.name AS k, count(*) AS n
FROM fam_app a JOIN fam_app b ON a.fk = b.fk AND a.name <> b.name
JOIN fam f ON f.fk = a.fk
WHERE list_contains(?::VARCHAR[], a.name) AND f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: kind_mix
SELECT coalesce(a.kind, 'unknown') AS k, round(sum(a.w), 9) AS n
FROM fam_app a JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: subclass_trend
-- Families per main IPC subclass per year: each family's subclass from fam_tsub (made with the
-- scope by family_trend_subclass).
SELECT t.subclass, f.py, count(*) AS n
FROM fam_tsub t JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: country_branch
-- Source country × level-1 branch, families (for RTA).
SELECT coalesce(c.country, '??') AS country, fb.branch_id, count(*) AS n
FROM fam_bk fb JOIN cfg_branch b USING (branch_id) JOIN fam f USING (fk) JOIN fam_country c USING (fk)
WHERE b.level = 1 AND f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: country_families
-- Source country: distinct families in a level-1 branch (the count of the RTA's minimum-data rule;
-- country_branch counts a family once per branch).
SELECT coalesce(c.country, '??') AS k, count(DISTINCT fb.fk) AS n
FROM fam_bk fb JOIN cfg_branch b USING (branch_id) JOIN fam f USING (fk) JOIN fam_country c USING (fk)
WHERE b.level = 1 AND f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 1;

-- name: inventors_top
WITH fi AS (SELECT fk, name FROM fam_inv)
SELECT fi.name, count(*) AS fams, list(coalesce(f.cited_by_src, 0)) AS cites
FROM fi JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?;

-- name: family_inventors
-- fam_inv: the distinct named inventors of each family in scope (over its in-scope
-- publications), made once (Session.PrepareInventors) for inventors_top, inventor_applicants and
-- inventor_teams. The list of top names that inventor_applicants binds has no empty name.
CREATE OR REPLACE TEMP TABLE fam_inv AS
SELECT DISTINCT p.fk, x.name
FROM parties x JOIN scope_fam p USING (pub_number)
WHERE x.role = 'inventor' AND x.name <> '';

-- name: inventor_total
-- The distinct named inventors of the publications in scope, read from fam_inv (family_inventors,
-- made first): the same names as a join of the lake's parties with scope_pub, grouped again
-- (10M families: 0.36–0.37 s against 7.7–9.9 s, the same 31,662 names; 1M: see
-- docs/scale.md). An empty normalised name is no inventor's (fam_inv and the lists of top
-- inventors leave it out); the join counted it as one more.
SELECT count(DISTINCT name) AS n FROM fam_inv;

-- name: inventor_applicants
WITH fi AS (
    SELECT fk, name FROM fam_inv WHERE list_contains(?::VARCHAR[], name)
)
SELECT fi.name, a.name AS applicant, count(*) AS n
FROM fi JOIN fam_app a USING (fk) GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: inventor_teams
-- The most frequent co-inventor pairs involving a top inventor, with the applicant they file for
-- most. Only the families of the window with a top inventor (tf) are paired with themselves: the
-- self-join of every family's inventors took 32 s on the 10M-family lake.
-- Parameters: from, to, the top names (three times), the number of pairs.
WITH tf AS (
    SELECT DISTINCT i.fk FROM fam_inv i JOIN fam f USING (fk)
    WHERE f.py BETWEEN ? AND ? AND list_contains(?::VARCHAR[], i.name)
), fi AS (
    SELECT i.fk, i.name FROM fam_inv i JOIN tf USING (fk)
), pairs AS (
    SELECT a.name AS i1, b.name AS i2, a.fk
    FROM fi a JOIN fi b ON a.fk = b.fk AND a.name < b.name
    WHERE list_contains(?::VARCHAR[], a.name) OR list_contains(?::VARCHAR[], b.name)
), top AS (
    SELECT i1, i2, count(*) AS n FROM pairs GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?
), pa AS (
    SELECT t.i1, t.i2, a.name, count(*) AS c
    FROM top t JOIN pairs p USING (i1, i2) JOIN fam_app a ON a.fk = p.fk
    GROUP BY 1, 2, 3
)
SELECT t.i1, t.i2, t.n, first(pa.name ORDER BY pa.c DESC, pa.name) AS applicant
FROM top t LEFT JOIN pa USING (i1, i2)
GROUP BY t.i1, t.i2, t.n ORDER BY t.n DESC, t.i1, t.i2;

-- name: legal_status
SELECT status AS k, count(*) AS n FROM fam WHERE py BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: grant_rate
-- Invention families decided: granted, or lapsed without a grant (refused / withdrawn).
SELECT count(*) FILTER (WHERE granted) AS granted,
       count(*) FILTER (WHERE NOT granted AND status = 'lapsed') AS refused,
       median(date_diff('day', app_date, grant_date)) FILTER (WHERE granted AND app_date IS NOT NULL) / 365.25 AS pendency
FROM fam WHERE invention AND py BETWEEN ? AND ?;

-- name: operations
SELECT count(*) FILTER (WHERE transferred) AS transferred, count(*) FILTER (WHERE licensed) AS licensed,
       count(*) FILTER (WHERE pledged) AS pledged, count(*) FILTER (WHERE invalidated) AS invalidated,
       count(*) FILTER (WHERE transferred IS NOT NULL OR licensed IS NOT NULL OR pledged IS NOT NULL) AS known
FROM fam WHERE py BETWEEN ? AND ?;

-- name: citation_coverage
-- Whether citation data exists: source-reported forward counts, and whether any in-lake patent
-- citation starts in scope (internal: 0 or 1).
SELECT count(*) FILTER (WHERE cited_by_src IS NOT NULL) AS with_src,
       (SELECT count(*) FROM (SELECT 1 FROM citation_rows c JOIN scope_pub s ON s.pub_number = c.citing WHERE c.kind = 'patent' LIMIT 1)) AS internal,
       count(*) FILTER (WHERE claims IS NOT NULL) AS with_claims,
       count(*) AS n
FROM fam WHERE py BETWEEN ? AND ?;

-- name: quality_members
-- The quality indicators are computed in steps, each a table of its own (quality_members,
-- quality_fwd, quality_size; the scope's subclasses are fam_subs, made with the scope by
-- family_subclasses), then joined by quality_base: every grouping counts distinct values by
-- grouping twice (no DISTINCT or ORDER BY aggregate), and no grouping is built into a join's hash
-- table, so that each step spills under DuckDB's memory cap (as one statement with count(DISTINCT
-- …) aggregates, a 1M-family lake failed under a 400 MB cap). Members: the publications in the lake
-- of every family in the window (bound: from, to), each with its family's first publication, the
-- start of quality_fwd's window.
CREATE OR REPLACE TEMP TABLE q_members AS
SELECT f.fk, f.family_id, f.first_pub, p.doc_number, p.jurisdiction FROM fam f JOIN pat p USING (family_id)
WHERE f.py BETWEEN ? AND ?;

-- name: quality_fwd
-- fwd: forward citations received within the window (bound: years after the first publication)
-- from citing publications in the lake, resolved by kind-less number and counted as families.
-- (citation_rows: a repeated citation counts once anyway, as a distinct citing family.) The
-- window starts at the member's first_pub (q_members carries it), not at fam's joined by key
-- once more: at 1M families that join took 0.8 s of 2.7 s, every citation of a member probing
-- a hash table of every family. The window's end is a DATE (first_pub plus whole years is a
-- midnight, so the cast is exact), so that the citing publications' dates are compared as they
-- are instead of each cast to a timestamp (at 1M families a small gain at best, within the
-- noise: the joins on publication numbers are the cost). TestForwardWindowEnds pins the end.
CREATE OR REPLACE TEMP TABLE q_fwd AS
SELECT fk, count(*) AS n FROM (
    SELECT DISTINCT m.fk, cp.family_id AS citing_family
    FROM citation_rows c JOIN q_members m ON m.doc_number = c.cited_doc
    JOIN pat cp ON cp.pub_number = c.citing
    WHERE c.kind = 'patent' AND cp.pub_date <= CAST(m.first_pub + to_years(?::INTEGER) AS DATE) AND cp.family_id <> m.family_id
) GROUP BY 1;

-- name: quality_size
-- family size: distinct offices of all members in the lake.
CREATE OR REPLACE TEMP TABLE q_size AS
SELECT fk, count(jurisdiction) AS n
FROM (SELECT DISTINCT fk, jurisdiction FROM q_members) GROUP BY 1;

-- name: quality_base
-- Per family: the raw quality indicators the data supports (numbers only; the details of the core
-- patents are fetched afterwards by quality_details), from the tables of quality_members,
-- quality_fwd and quality_size, and fam_subs (family_subclasses) (bound: from, to). In no order:
-- the index of a family does not depend on the order of the rows (each value is normalised within
-- its cohort by the cohort's trimmed range), and the families are then ranked by a total order that
-- ends with the family id (landscape's quality), so the ids are not sorted here (10M families: a
-- sort of 9.6M strings).
SELECT f.fk, f.family_id, f.py, coalesce(sc.main_sub, '') AS subclass,
       fwd.n AS fwd_internal, f.cited_by_src AS fwd_src,
       greatest(coalesce(fs.n, 1), coalesce(f.family_size_src, 0)) AS family_size, f.claims,
       f.cites_src AS backward,
       CASE WHEN f.granted AND f.app_date IS NOT NULL THEN date_diff('day', f.app_date, f.grant_date) END AS grant_lag,
       sc.n AS scope
FROM fam f LEFT JOIN q_fwd fwd USING (fk) LEFT JOIN fam_subs sc USING (fk) LEFT JOIN q_size fs USING (fk)
WHERE f.py BETWEEN ? AND ?;

-- name: quality_done
-- The quality tables are read by quality_base only: dropped once it has been read (PrepareQuality
-- makes them again), so that DuckDB's memory holds the tables still to be read instead of
-- writing these to its spill folder (10M families: q_members 18.7M rows, the others 9.6M each),
-- and a later read without PrepareQuality fails instead of reading stale tables.
DROP TABLE IF EXISTS q_members;
DROP TABLE IF EXISTS q_fwd;
DROP TABLE IF EXISTS q_size;

-- name: create_fam_quality
-- Every family's quality index and its percentile within scope (0–1), for later stages
-- (enterprise control power, blocking candidates), by the family's key (fam.fk): the readers
-- join fam for the id. A main-schema table: the appender loads it, and a row of three numbers
-- appends faster than one with the id's string (10M families: 9.6M rows).
CREATE OR REPLACE TABLE fam_quality (fk UBIGINT, score DOUBLE, pct DOUBLE);

-- name: quality_details
SELECT f.family_id, f.rep_pub, f.title, f.status, c.first_applicant
FROM fam f LEFT JOIN fam_country c USING (family_id)
WHERE list_contains(?::VARCHAR[], f.family_id);

-- name: branch_concentration
-- Per branch: HHI (Σ share², 0–10,000), CR4, CR8 and the number of applicants, over fractional
-- family counts; and the top five applicants.
WITH x AS (
    SELECT fb.branch_id, a.name, round(sum(a.w), 9) AS n
    FROM fam_app a JOIN fam_bk fb USING (fk) JOIN fam f USING (fk)
    WHERE f.py BETWEEN ? AND ? GROUP BY 1, 2
), r AS (
    SELECT branch_id, name, n, sum(n) OVER (PARTITION BY branch_id) AS tot,
           row_number() OVER (PARTITION BY branch_id ORDER BY n DESC, name) AS rk
    FROM x
)
SELECT branch_id, 10000 * sum((n / tot) ^ 2) AS hhi,
       sum(n / tot) FILTER (WHERE rk <= 4) AS cr4, sum(n / tot) FILTER (WHERE rk <= 8) AS cr8, count(*) AS napps,
       list(name ORDER BY rk) FILTER (WHERE rk <= 5) AS top_names, list(n ORDER BY rk) FILTER (WHERE rk <= 5) AS top_n
FROM r GROUP BY 1 ORDER BY 1;

-- name: year_concentration
WITH x AS (
    SELECT f.py, a.name, round(sum(a.w), 9) AS n
    FROM fam_app a JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ? GROUP BY 1, 2
), r AS (
    SELECT py, n, sum(n) OVER (PARTITION BY py) AS tot, row_number() OVER (PARTITION BY py ORDER BY n DESC, name) AS rk FROM x
)
SELECT py, 10000 * sum((n / tot) ^ 2) AS hhi, sum(n / tot) FILTER (WHERE rk <= 4) AS cr4,
       sum(n / tot) FILTER (WHERE rk <= 8) AS cr8, count(*) AS napps
FROM r GROUP BY 1 ORDER BY 1;

-- name: family_branch_list
-- The branches of the given families (fam picks them, fam_bk gives their branches by key).
SELECT f.family_id, list(b.branch_id ORDER BY b.branch_id) AS branches
FROM fam f JOIN fam_bk b USING (fk)
WHERE list_contains(?::VARCHAR[], f.family_id) GROUP BY 1;

-- name: region_families
-- Families with at least one applicant in the region (country, and province/city when set).
CREATE OR REPLACE TEMP TABLE region_fam AS
SELECT fk, any_value(family_id) AS family_id FROM fam_app
WHERE country = ? AND (? = '' OR province = ?) AND (? = '' OR city = ?)
GROUP BY fk;

-- name: region_count
-- The families of region_fam in the window: the number region_rows gives for the region. When it
-- is 0 the region's RTA (region_branch) and its position (region_rows) have nothing to compare, and
-- the macro skips both (at 10M families with no family placed in the region, 2.3–3.6 and
-- 4.0–6.2 s in eight landscapes, counts over every family that no report printed).
SELECT count(*) AS n FROM region_fam r JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?;

-- name: region_rows
-- Region / nation / world aggregates over the window (structure, enterprise strength, talent,
-- technology, operation). Each set holds a family once (region_fam is grouped by key, nation
-- is distinct, fam has a row per family), so its families are counted as rows, not as
-- distinct keys (five distinct sets of every family's key per scope at 10M families).
WITH nation AS (SELECT DISTINCT fk FROM fam_app WHERE country = ?),
sets AS (
    SELECT 'region' AS scope, fk FROM region_fam
    UNION ALL SELECT 'nation', fk FROM nation
    UNION ALL SELECT 'world', fk FROM fam
)
SELECT s.scope,
       count(*) AS fams,
       count(*) FILTER (WHERE f.granted) AS granted,
       count(*) FILTER (WHERE f.invention) AS inventions,
       count(*) FILTER (WHERE f.status = 'alive') AS alive,
       count(*) FILTER (WHERE f.transferred OR f.licensed OR f.pledged) AS operated,
       avg(f.n_offices) AS offices
FROM sets s JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 1;

-- name: region_applicants
-- Applicants and inventors active in each scope, and the enterprise share of applicants.
WITH nation AS (SELECT DISTINCT fk FROM fam_app WHERE country = ?),
sets AS (
    SELECT 'region' AS scope, fk FROM region_fam
    UNION ALL SELECT 'nation', fk FROM nation
    UNION ALL SELECT 'world', fk FROM fam
)
SELECT s.scope, count(DISTINCT a.name) AS applicants,
       count(DISTINCT a.name) FILTER (WHERE a.kind = 'enterprise') AS enterprises,
       count(DISTINCT a.name) FILTER (WHERE a.kind IN ('university', 'institute')) AS academia
FROM sets s JOIN fam f USING (fk) JOIN fam_app a USING (fk)
WHERE f.py BETWEEN ? AND ? AND (s.scope = 'world' OR (s.scope = 'nation' AND a.country = ?) OR s.scope = 'region')
GROUP BY 1 ORDER BY 1;

-- name: region_inventors
WITH nation AS (SELECT DISTINCT fk FROM fam_app WHERE country = ?),
sets AS (
    SELECT 'region' AS scope, fk FROM region_fam
    UNION ALL SELECT 'nation', fk FROM nation
    UNION ALL SELECT 'world', fk FROM fam
)
SELECT s.scope, count(DISTINCT x.name) AS inventors
FROM sets s JOIN fam f USING (fk) JOIN pat p ON p.family_id = f.family_id
JOIN parties x ON x.pub_number = p.pub_number AND x.role = 'inventor'
WHERE f.py BETWEEN ? AND ? GROUP BY 1 ORDER BY 1;

-- name: region_by_year
WITH nation AS (SELECT DISTINCT fk FROM fam_app WHERE country = ?)
SELECT f.py,
       count(*) FILTER (WHERE f.fk IN (SELECT fk FROM region_fam)) AS region,
       count(*) FILTER (WHERE f.fk IN (SELECT fk FROM nation)) AS nation,
       count(*) AS world,
       count(*) FILTER (WHERE f.granted AND f.fk IN (SELECT fk FROM region_fam)) AS region_granted
FROM fam f WHERE f.py BETWEEN ? AND ? GROUP BY 1 ORDER BY 1;

-- name: region_by_year_people
SELECT f.py, count(DISTINCT a.name) AS applicants,
       (SELECT count(DISTINCT x.name) FROM pat p JOIN parties x ON x.pub_number = p.pub_number AND x.role = 'inventor'
        JOIN fam f2 ON f2.family_id = p.family_id
        WHERE f2.py = f.py AND p.family_id IN (SELECT family_id FROM region_fam)) AS inventors
FROM fam f JOIN fam_app a USING (fk)
WHERE f.fk IN (SELECT fk FROM region_fam) AND f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 1;

-- name: region_branch
SELECT fb.branch_id,
       count(*) FILTER (WHERE fb.fk IN (SELECT fk FROM region_fam)) AS region,
       count(*) AS world
FROM fam_bk fb JOIN fam f USING (fk) WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 1;

-- name: place_data
-- Families in the window with any applicant place (country, province or city), and with an
-- applicant of the region's country (bound) that states a province, a city: 0 at the level the
-- region needs means the sources cannot place the region, which the regional section says
-- instead of "none in the region".
SELECT count(DISTINCT a.fk) FILTER (WHERE a.country IS NOT NULL OR a.province IS NOT NULL OR a.city IS NOT NULL) AS n,
       count(DISTINCT a.fk) FILTER (WHERE a.country = ? AND a.province IS NOT NULL) AS with_province,
       count(DISTINCT a.fk) FILTER (WHERE a.country = ? AND a.city IS NOT NULL) AS with_city
FROM fam_app a JOIN fam f USING (fk)
WHERE f.py BETWEEN ? AND ?;
