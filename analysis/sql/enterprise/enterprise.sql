-- Fractional family counts (sums of the 1/k applicant weights) are rounded to 9 decimals: DuckDB
-- adds in parallel in no fixed order, so unrounded sums differ in their last bits from run to run
-- and flip tied rankings (two applicants with 38.67 families each).

-- Enterprise navigations: every query serves all enterprises (and their competitors) at once,
-- grouped by entity over ent_fam (family × entity). Values are bound parameters; lists are bound
-- as DuckDB lists and unnested.

-- name: create_ent_name
-- Entity → normalised applicant name (fam_app.name). An entity is a configured enterprise (its
-- id) or an applicant-name competitor ("@" + name).
CREATE OR REPLACE TEMP TABLE ent_name (entity VARCHAR, name VARCHAR);

-- name: insert_ent_name
INSERT INTO ent_name
SELECT DISTINCT e, n FROM (SELECT unnest(?::VARCHAR[]) AS e, unnest(?::VARCHAR[]) AS n);

-- name: key_families
-- Families in scope (all years) under each of the given normalised names.
SELECT a.name, count(DISTINCT a.family_id) AS n
FROM fam_app a WHERE a.name IN (SELECT unnest(?::VARCHAR[]))
GROUP BY 1 ORDER BY 1;

-- name: raw_names
-- Raw spellings (parties.name_raw) in scope of the given entities' names, with publication counts.
SELECT e.entity, x.name, x.name_raw, count(DISTINCT x.pub_number) AS pubs
FROM parties x JOIN scope_pub USING (pub_number) JOIN ent_name e ON e.name = x.name
WHERE x.role = 'applicant' AND e.entity IN (SELECT unnest(?::VARCHAR[]))
GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3;

-- name: entity_families
-- Families in scope (all years) of the given entities.
SELECT e.entity, count(DISTINCT a.family_id) AS n
FROM fam_app a JOIN ent_name e USING (name)
WHERE e.entity IN (SELECT unnest(?::VARCHAR[]))
GROUP BY 1 ORDER BY 1;

-- name: fam_quality_exists
SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'fam_quality';

-- name: window_families
SELECT count(*) AS n FROM fam WHERE py BETWEEN ? AND ?;

-- name: ent_q
-- The macro's per-family quality score with the core flag (the top ? families by score, then
-- family id, as the macro ranks them) and the industry decile: ceil(10 · rank / n) with rank the
-- position by score ascending (ties by family id), so 10 = the best tenth, also for small n.
CREATE OR REPLACE TEMP TABLE ent_q AS
SELECT f.family_id, q.score,
       row_number() OVER (ORDER BY q.score DESC, f.family_id) <= ? AS core,
       CAST(ceil(10.0 * row_number() OVER (ORDER BY q.score, f.family_id) / count(*) OVER ()) AS INTEGER) AS decile
FROM fam_quality q JOIN fam f USING (fk)
WHERE f.py BETWEEN ? AND ?;

-- name: ent_q_stats
-- Scored families, core patents, and the score at the given quantile p (linear interpolation,
-- Hyndman–Fan type 7, computed as DuckDB's quantile_cont does: h = (n − 1)·p over the n scores in
-- ascending order x[0..n−1], d = h − ⌊h⌋, threshold = x[⌊h⌋]·(1 − d) + x[⌊h⌋+1]·d, in this order
-- of operations, which gives quantile_cont's value to the last bit; NULL when nothing is scored). Written out because quantile_cont plans its p as a constant: with a bound p the
-- statement's result types are unknown until it runs, so it could not be checked when prepared.
WITH s AS (
    SELECT score, row_number() OVER (ORDER BY score) - 1 AS i FROM ent_q WHERE score IS NOT NULL
), h AS (
    SELECT (count(*) - 1) * ?::DOUBLE AS h FROM s
), q AS (
    SELECT lo.score * (1 - (h.h - floor(h.h))) + coalesce(hi.score, lo.score) * (h.h - floor(h.h)) AS threshold
    FROM h JOIN s lo ON lo.i = floor(h.h) LEFT JOIN s hi ON hi.i = floor(h.h) + 1
)
SELECT (SELECT count(*) FROM ent_q) AS scored, (SELECT count(*) FROM ent_q WHERE core) AS core,
       (SELECT threshold FROM q) AS threshold;

-- name: create_ent_cluster
CREATE OR REPLACE TEMP TABLE ent_cluster (family_id VARCHAR, cluster VARCHAR);

-- name: insert_ent_cluster
INSERT INTO ent_cluster SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]);

-- name: ent_dim
-- The dimensions gaps are looked for in: branches of the decomposition tree, and technology
-- clusters when the caller supplied them.
CREATE OR REPLACE TEMP VIEW ent_dim AS
SELECT family_id, 'branch' AS dim, branch_id AS key FROM fam_branch
UNION ALL
SELECT family_id, 'cluster' AS dim, cluster AS key FROM ent_cluster;

-- name: ent_fam
-- Family × entity in the window, with the entity's fractional weight (sum of 1/k over its names
-- on the family).
CREATE OR REPLACE TEMP TABLE ent_fam AS
SELECT a.family_id, e.entity, round(sum(a.w), 9) AS w
FROM fam_app a JOIN ent_name e USING (name) JOIN fam f USING (family_id)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1, 2;

-- name: applicant_totals
-- Fractional families of every applicant in the window (for ranks).
SELECT a.name, round(sum(a.w), 9) AS n
FROM fam_app a JOIN fam f USING (family_id)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1;

-- name: industry_summary
-- Industry totals in the window: families, families with applicants, scored, mean score, mean
-- offices, recent and previous windows.
SELECT count(*) AS fams,
       count(*) FILTER (WHERE f.family_id IN (SELECT family_id FROM fam_app)) AS with_app,
       count(q.score) AS scored, avg(q.score) AS qmean, avg(f.n_offices) AS offices,
       count(*) FILTER (WHERE f.py BETWEEN ? AND ?) AS recent,
       count(*) FILTER (WHERE f.py BETWEEN ? AND ?) AS previous
FROM fam f LEFT JOIN ent_q q USING (family_id)
WHERE f.py BETWEEN ? AND ?;

-- name: industry_dims
-- Industry counts per branch / cluster: families, families with applicants, recent and previous
-- windows (with applicants) and core patents.
WITH wa AS (SELECT DISTINCT family_id FROM fam_app)
SELECT d.dim, d.key, count(*) AS fams,
       count(wa.family_id) AS with_app,
       count(wa.family_id) FILTER (WHERE f.py BETWEEN ? AND ?) AS recent,
       count(wa.family_id) FILTER (WHERE f.py BETWEEN ? AND ?) AS previous,
       count(*) FILTER (WHERE q.core) AS core
FROM ent_dim d JOIN fam f USING (family_id) LEFT JOIN wa USING (family_id) LEFT JOIN ent_q q USING (family_id)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: industry_offices
SELECT o.office, count(*) AS n
FROM fam f JOIN fam_office o USING (fk)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: ent_summary
-- Per entity: fractional and whole families, document types, legal status, grants, years,
-- offices, quality, core patents and the two growth windows.
SELECT e.entity,
       round(sum(e.w), 9) AS fam, count(*) AS whole,
       count(*) FILTER (WHERE f.invention) AS inv,
       count(*) FILTER (WHERE NOT f.invention AND f.utility) AS um,
       count(*) FILTER (WHERE NOT f.invention AND NOT f.utility) AS other,
       count(*) FILTER (WHERE f.granted) AS granted,
       count(*) FILTER (WHERE f.status = 'alive') AS alive,
       count(*) FILTER (WHERE f.status = 'pending') AS pending,
       count(*) FILTER (WHERE f.status = 'lapsed') AS lapsed,
       count(*) FILTER (WHERE f.status NOT IN ('alive', 'pending', 'lapsed')) AS unknown,
       min(f.py) AS first_year, max(f.py) AS last_year,
       avg(f.n_offices) AS offices,
       count(q.score) AS scored, avg(q.score) AS qmean,
       count(*) FILTER (WHERE q.decile = 10) AS top_decile,
       count(*) FILTER (WHERE q.core) AS core_whole,
       coalesce(round(sum(e.w) FILTER (WHERE q.core), 9), 0) AS core_frac,
       coalesce(round(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 9), 0) AS recent,
       coalesce(round(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 9), 0) AS previous
FROM ent_fam e JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
GROUP BY 1 ORDER BY 1;

-- name: ent_years
SELECT e.entity, f.py, round(sum(e.w), 9) AS n
FROM ent_fam e JOIN fam f USING (family_id)
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: ent_dims
-- Per entity × branch / cluster: fractional families, in the two windows, and core patents held.
SELECT e.entity, d.dim, d.key, round(sum(e.w), 9) AS n,
       coalesce(round(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 9), 0) AS recent,
       coalesce(round(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 9), 0) AS previous,
       coalesce(round(sum(e.w) FILTER (WHERE q.core), 9), 0) AS core
FROM ent_fam e JOIN ent_dim d USING (family_id) JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- name: ent_offices
SELECT e.entity, o.office, count(*) AS n
FROM ent_fam e JOIN fam f USING (family_id) JOIN fam_office o USING (fk)
GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2;

-- name: ent_deciles
SELECT e.entity, q.decile, count(*) AS n
FROM ent_fam e JOIN ent_q q USING (family_id)
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: create_ent_prof
-- The leaf-branch profile weights of enterprises that need automatic competitors.
CREATE OR REPLACE TEMP TABLE ent_prof (entity VARCHAR, branch_id VARCHAR, wt DOUBLE);

-- name: insert_ent_prof
INSERT INTO ent_prof SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[]);

-- name: auto_competitors
-- Applicants ranked per enterprise by overlap = Σ_b wt(b) · N_a(b) over its leaf branches
-- (N_a(b): the applicant's fractional families in b). The enterprise's own names,
-- universities, institutes, individuals and government bodies are left out.
WITH ab AS (
    SELECT fb.branch_id, a.name, round(sum(a.w), 9) AS n
    FROM fam_app a JOIN fam_branch fb USING (family_id) JOIN fam f USING (family_id)
    WHERE f.py BETWEEN ? AND ? AND fb.branch_id IN (SELECT DISTINCT branch_id FROM ent_prof)
      AND coalesce(a.kind, 'unknown') NOT IN ('university', 'institute', 'individual', 'government')
    GROUP BY 1, 2
), sc AS (
    SELECT p.entity, ab.name, sum(p.wt * ab.n) AS score
    FROM ent_prof p JOIN ab USING (branch_id)
    LEFT JOIN ent_name x ON x.entity = p.entity AND x.name = ab.name
    WHERE x.name IS NULL
    GROUP BY 1, 2
)
SELECT entity, name, score FROM sc
QUALIFY row_number() OVER (PARTITION BY entity ORDER BY score DESC, name) <= ?
ORDER BY entity, score DESC, name;

-- name: display_names
-- The most frequent raw spelling of each given normalised name.
SELECT x.name, x.name_raw, count(*) AS n
FROM parties x JOIN scope_pub USING (pub_number)
WHERE x.role = 'applicant' AND x.name IN (SELECT unnest(?::VARCHAR[]))
GROUP BY 1, 2
QUALIFY row_number() OVER (PARTITION BY x.name ORDER BY count(*) DESC, x.name_raw) = 1
ORDER BY 1;

-- name: ent_partners
-- Co-applicants of each enterprise (names that are not its own), shared families; the top ones
-- overall and the top universities and institutes.
WITH p AS (
    SELECT e.entity, b.name, any_value(b.kind) AS kind, mode(b.country) AS country,
           count(DISTINCT e.family_id) AS n
    FROM ent_fam e JOIN fam_app b USING (family_id)
    LEFT JOIN ent_name x ON x.entity = e.entity AND x.name = b.name
    WHERE x.name IS NULL AND e.entity IN (SELECT unnest(?::VARCHAR[]))
    GROUP BY 1, 2
)
SELECT entity, name, kind, country, n,
       row_number() OVER (PARTITION BY entity ORDER BY n DESC, name) AS r_all,
       row_number() OVER (PARTITION BY entity, kind IN ('university', 'institute') ORDER BY n DESC, name) AS r_kind
FROM p
QUALIFY r_all <= ? OR (kind IN ('university', 'institute') AND r_kind <= ?)
ORDER BY entity, n DESC, name;

-- name: ent_inventors
-- Inventors of each entity's families: the top K per entity, the families naming inventors,
-- distinct inventors, and the families naming at least one of the top K.
WITH fi AS (
    SELECT DISTINCT p.family_id, x.name
    FROM parties x JOIN scope_fam p USING (pub_number)
    WHERE x.role = 'inventor' AND x.name <> '' AND p.family_id IN (SELECT family_id FROM ent_fam)
), ei AS (
    SELECT e.entity, fi.name, count(*) AS n FROM ent_fam e JOIN fi USING (family_id) GROUP BY 1, 2
), top AS (
    SELECT entity, name, n FROM ei
    QUALIFY row_number() OVER (PARTITION BY entity ORDER BY n DESC, name) <= ?
), cov AS (
    SELECT e.entity, count(DISTINCT e.family_id) AS with_inv, count(DISTINCT fi.name) AS inventors
    FROM ent_fam e JOIN fi USING (family_id) GROUP BY 1
), dep AS (
    SELECT e.entity, count(DISTINCT e.family_id) AS by_top
    FROM ent_fam e JOIN fi USING (family_id) JOIN top t ON t.entity = e.entity AND t.name = fi.name
    GROUP BY 1
)
SELECT t.entity, t.name, t.n, cov.with_inv, cov.inventors, dep.by_top
FROM top t JOIN cov USING (entity) JOIN dep USING (entity)
ORDER BY t.entity, t.n DESC, t.name;

-- name: ent_expiry
-- Expiring and lapsed families of the given entities. Expiry: the source's date, else the earliest
-- filing + 20 years (invention) or + 10 years (utility model). Lapsed: status lapsed, or status
-- unknown with the estimated term over before the cut-off. Expiring: alive or unknown status,
-- expiry between the cut-off and the horizon. The best (by quality) of each kind are listed; cnt
-- is the full count.
WITH x AS (
    SELECT e.entity, f.family_id, f.status, q.score,
           coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                        WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END) AS expiry
    FROM ent_fam e JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
    WHERE e.entity IN (SELECT unnest(?::VARCHAR[]))
), k AS (
    SELECT *, CASE WHEN status = 'lapsed' OR (status NOT IN ('alive', 'pending') AND expiry < ?::DATE) THEN 'lapsed'
                   WHEN status IN ('alive', 'unknown') AND expiry >= ?::DATE AND expiry <= ?::DATE THEN 'expiring' END AS kind
    FROM x
)
SELECT entity, kind, family_id, count(*) OVER (PARTITION BY entity, kind) AS cnt
FROM k WHERE kind IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY entity, kind ORDER BY score DESC NULLS LAST, family_id) <= ?
ORDER BY entity, kind, score DESC NULLS LAST, family_id;

-- name: ent_top_patents
-- The best families (by quality) of the given entities.
SELECT e.entity, q.family_id
FROM ent_fam e JOIN ent_q q USING (family_id)
WHERE e.entity IN (SELECT unnest(?::VARCHAR[]))
QUALIFY row_number() OVER (PARTITION BY e.entity ORDER BY q.score DESC, q.family_id) <= ?
ORDER BY e.entity, q.score DESC, q.family_id;

-- name: ent_cite
-- Family-level citation pairs (citing family → cited family, distinct, self-family citations left
-- out) of the patent citations made by publications in scope, resolved through
-- citations.cited_doc = patents.doc_number to a publication anywhere in the lake, family ids
-- resolved across sources (fam_map). ONE pass over the citations serves the flows between
-- entities and the forward citations of the listed families. The pairs are distinct, so it reads
-- citation_rows (repeats between sources kept) rather than paying for the citations view's DISTINCT.
CREATE OR REPLACE TEMP TABLE ent_doc AS
SELECT DISTINCT p.doc_number, coalesce(m.fkey, p.family_id) AS family_id
FROM patents p LEFT JOIN fam_map m USING (family_id)
WHERE p.doc_number IS NOT NULL;
CREATE OR REPLACE TEMP TABLE ent_cite AS
WITH sp AS (
    SELECT s.pub_number, coalesce(m.fkey, p.family_id) AS family_id
    FROM scope_pub s JOIN patents p USING (pub_number) LEFT JOIN fam_map m ON m.family_id = p.family_id
)
SELECT DISTINCT a.family_id AS citing_fam, b.family_id AS cited_fam
FROM citation_rows c JOIN sp a ON a.pub_number = c.citing JOIN ent_doc b ON b.doc_number = c.cited_doc
WHERE c.kind = 'patent' AND a.family_id <> b.family_id;
DROP TABLE ent_doc;

-- name: ent_citations_any
-- Whether publications in scope make patent citations at all (run only when ent_cite is empty, to
-- tell "no citations" from "citations that resolve to nothing"; stops at the first row).
SELECT count(*) AS n FROM (SELECT 1 FROM citation_rows c JOIN scope_pub s ON s.pub_number = c.citing WHERE c.kind = 'patent' LIMIT 1);

-- name: cite_pairs
SELECT count(*) AS n FROM ent_cite;

-- name: ent_citations
-- Citation flows between entities: distinct (citing family, cited family) pairs, both families in
-- ent_fam; pairs is the number of pairs in ent_cite.
SELECT a.entity AS citing, b.entity AS cited, count(*) AS n
FROM ent_cite cf JOIN ent_fam a ON a.family_id = cf.citing_fam JOIN ent_fam b ON b.family_id = cf.cited_fam
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: create_ent_core
-- Each enterprise's core branches (the watch list looks there).
CREATE OR REPLACE TEMP TABLE ent_core (entity VARCHAR, branch_id VARCHAR);

-- name: insert_ent_core
INSERT INTO ent_core SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]);

-- name: watch_list
-- Candidates: families of others (the enterprise holds no share) in its core branches, scoring at
-- least the threshold, possibly in force: alive or pending, or status unknown with the estimated
-- term not over at the cut-off. Ranked: alive, pending, unknown; then score; then the number of
-- core branches overlapped; then offices, then the source's forward citations (ties are common
-- where small cohorts saturate the index at 1); then family id. cnt is the number of candidates.
WITH cand AS (
    SELECT f.family_id, q.score, f.status, f.n_offices, coalesce(f.cited_by_src, 0) AS cites,
           CASE f.status WHEN 'alive' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END AS sr
    FROM fam f JOIN ent_q q USING (family_id)
    WHERE q.score >= ? AND f.py BETWEEN ? AND ? AND f.status <> 'lapsed'
      AND (f.status IN ('alive', 'pending')
           OR coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                           WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END, ?::DATE) >= ?::DATE)
), hits AS (
    SELECT c.entity, cand.family_id, cand.score, cand.sr, cand.n_offices, cand.cites,
           list(c.branch_id ORDER BY c.branch_id) AS overlap, count(*) AS k
    FROM ent_core c JOIN fam_branch fb USING (branch_id) JOIN cand USING (family_id)
    GROUP BY 1, 2, 3, 4, 5, 6
)
SELECT h.entity, h.family_id, h.overlap, count(*) OVER (PARTITION BY h.entity) AS cnt
FROM hits h
LEFT JOIN ent_fam own ON own.entity = h.entity AND own.family_id = h.family_id
WHERE own.family_id IS NULL
QUALIFY row_number() OVER (PARTITION BY h.entity ORDER BY h.sr, h.score DESC, h.k DESC, h.n_offices DESC, h.cites DESC, h.family_id) <= ?
ORDER BY h.entity, h.sr, h.score DESC, h.k DESC, h.n_offices DESC, h.cites DESC, h.family_id;

-- name: create_ent_gap
CREATE OR REPLACE TEMP TABLE ent_gap (entity VARCHAR, branch_id VARCHAR);

-- name: insert_ent_gap
INSERT INTO ent_gap SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]);

-- name: gap_academics
-- Universities and institutes with the most fractional families in each enterprise's gap branches.
WITH ab AS (
    SELECT fb.branch_id, a.name, any_value(a.kind) AS kind, round(sum(a.w), 9) AS n
    FROM fam_app a JOIN fam_branch fb USING (family_id) JOIN fam f USING (family_id)
    WHERE a.kind IN ('university', 'institute') AND f.py BETWEEN ? AND ?
      AND fb.branch_id IN (SELECT DISTINCT branch_id FROM ent_gap)
    GROUP BY 1, 2
)
SELECT g.entity, g.branch_id, ab.name, ab.kind, ab.n
FROM ent_gap g JOIN ab USING (branch_id)
QUALIFY row_number() OVER (PARTITION BY g.entity, g.branch_id ORDER BY ab.n DESC, ab.name) <= ?
ORDER BY g.entity, g.branch_id, ab.n DESC, ab.name;

-- name: family_details
-- Details of the listed families: representative publication, title, year, status, grant,
-- quality and decile, the source's forward citations, family size (distinct offices of all
-- members in the lake, or the source's size), holders (applicants by first position), branches,
-- and the expiry: stated, else estimated.
WITH ids AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS family_id),
members AS (
    SELECT coalesce(m.fkey, p.family_id) AS family_id, p.jurisdiction
    FROM patents p LEFT JOIN fam_map m USING (family_id)
    WHERE coalesce(m.fkey, p.family_id) IN (SELECT family_id FROM ids)
), fs AS (SELECT family_id, count(DISTINCT jurisdiction) AS n FROM members GROUP BY 1),
ho AS (
    SELECT a.family_id, list(a.name ORDER BY a.seq, a.name) AS holders
    FROM fam_app a WHERE a.family_id IN (SELECT family_id FROM ids) GROUP BY 1
), br AS (
    SELECT fb.family_id, list(fb.branch_id ORDER BY fb.branch_id) AS branches
    FROM fam_branch fb WHERE fb.family_id IN (SELECT family_id FROM ids) GROUP BY 1
)
SELECT f.family_id, f.rep_pub, f.title, f.py, f.status, f.granted, q.score, q.decile, f.cited_by_src,
       greatest(coalesce(fs.n, 1), coalesce(f.family_size_src, 0)) AS family_size,
       ho.holders, br.branches,
       coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                    WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END)::DATE AS expiry,
       f.expiry_date IS NULL AS estimated
FROM ids JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
LEFT JOIN fs USING (family_id) LEFT JOIN ho USING (family_id) LEFT JOIN br USING (family_id)
ORDER BY f.family_id;

-- name: details_fwd
-- Forward citations of the listed families: distinct citing families in scope (from ent_cite).
SELECT cited_fam, count(*) AS n FROM ent_cite
WHERE cited_fam IN (SELECT unnest(?::VARCHAR[]))
GROUP BY 1 ORDER BY 1;

-- name: ent_profile
-- Branch profile (fractional families per branch, in the window) of the given entities, for
-- choosing automatic competitors before ent_fam is built.
SELECT e.entity, fb.branch_id, round(sum(a.w), 9) AS n
FROM fam_app a JOIN ent_name e USING (name) JOIN fam f USING (family_id) JOIN fam_branch fb USING (family_id)
WHERE e.entity IN (SELECT unnest(?::VARCHAR[])) AND f.py BETWEEN ? AND ?
GROUP BY 1, 2 ORDER BY 1, 2;
