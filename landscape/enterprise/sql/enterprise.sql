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
-- Raw spellings (parties.name_raw) in scope of every entity's names, with publication counts.
SELECT e.entity, x.name, x.name_raw, count(DISTINCT x.pub_number) AS pubs
FROM parties x JOIN scope_pub USING (pub_number) JOIN ent_name e ON e.name = x.name
WHERE x.role = 'applicant'
GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3;

-- name: create_ent_q
-- Per scored family: composite quality score, industry decile (10 = best), core flag and the
-- raw forward citations and family size behind it.
CREATE OR REPLACE TEMP TABLE ent_q (
    family_id VARCHAR, score DOUBLE, core BOOLEAN, fwd DOUBLE, size INTEGER, decile INTEGER
);

-- name: insert_ent_q
INSERT INTO ent_q
SELECT f, s, c, w, z, NULL FROM (
    SELECT unnest(?::VARCHAR[]) AS f, unnest(?::DOUBLE[]) AS s, unnest(?::BOOLEAN[]) AS c,
           unnest(?::DOUBLE[]) AS w, unnest(?::INTEGER[]) AS z);

-- name: ent_q_deciles
-- Industry deciles of the score: ntile over score ascending, ties broken by family id.
CREATE OR REPLACE TEMP TABLE ent_q AS
SELECT family_id, score, core, fwd, size,
       ntile(10) OVER (ORDER BY score, family_id) AS decile
FROM ent_q;

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
SELECT a.family_id, e.entity, sum(a.w) AS w
FROM fam_app a JOIN ent_name e USING (name) JOIN fam f USING (family_id)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1, 2;

-- name: applicant_totals
-- Fractional families of every applicant in the window (for ranks).
SELECT a.name, sum(a.w) AS n
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
FROM fam f, unnest(f.offices) AS o(office)
WHERE f.py BETWEEN ? AND ?
GROUP BY 1 ORDER BY 2 DESC, 1;

-- name: ent_summary
-- Per entity: fractional and whole families, document types, legal status, grants, years,
-- offices, quality, core patents and the two growth windows.
SELECT e.entity,
       sum(e.w) AS fam, count(*) AS whole,
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
       coalesce(sum(e.w) FILTER (WHERE q.core), 0) AS core_frac,
       coalesce(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 0) AS recent,
       coalesce(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 0) AS previous
FROM ent_fam e JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
GROUP BY 1 ORDER BY 1;

-- name: ent_years
SELECT e.entity, f.py, sum(e.w) AS n
FROM ent_fam e JOIN fam f USING (family_id)
GROUP BY 1, 2 ORDER BY 1, 2;

-- name: ent_dims
-- Per entity × branch / cluster: fractional families, in the two windows, and core patents held.
SELECT e.entity, d.dim, d.key, sum(e.w) AS n,
       coalesce(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 0) AS recent,
       coalesce(sum(e.w) FILTER (WHERE f.py BETWEEN ? AND ?), 0) AS previous,
       coalesce(sum(e.w) FILTER (WHERE q.core), 0) AS core
FROM ent_fam e JOIN ent_dim d USING (family_id) JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- name: ent_offices
SELECT e.entity, o.office, count(*) AS n
FROM ent_fam e JOIN fam f USING (family_id), unnest(f.offices) AS o(office)
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
    SELECT fb.branch_id, a.name, sum(a.w) AS n
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
    FROM parties x JOIN scope_pub USING (pub_number) JOIN pat p USING (pub_number)
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

-- name: citation_coverage
-- Patent citations made by publications in scope, and how many resolve to a publication in the lake.
SELECT count(*) AS cites,
       count(*) FILTER (WHERE c.cited_doc IS NOT NULL AND EXISTS (SELECT 1 FROM pat p WHERE p.doc_number = c.cited_doc)) AS resolved
FROM citations c JOIN scope_pub s ON s.pub_number = c.citing
WHERE c.kind = 'patent';

-- name: ent_citations
-- Citation flows between entities: distinct (citing family, cited family) pairs, both families in
-- ent_fam, self-family citations left out.
WITH cf AS (
    SELECT DISTINCT cp.family_id AS citing_fam, p.family_id AS cited_fam
    FROM citations c JOIN pat cp ON cp.pub_number = c.citing JOIN pat p ON p.doc_number = c.cited_doc
    WHERE c.kind = 'patent' AND cp.family_id <> p.family_id
      AND cp.family_id IN (SELECT family_id FROM ent_fam) AND p.family_id IN (SELECT family_id FROM ent_fam)
)
SELECT a.entity AS citing, b.entity AS cited, count(*) AS n
FROM cf JOIN ent_fam a ON a.family_id = cf.citing_fam JOIN ent_fam b ON b.family_id = cf.cited_fam
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
-- core branches overlapped; then family id. cnt is the number of candidates.
WITH cand AS (
    SELECT f.family_id, q.score, f.status,
           CASE f.status WHEN 'alive' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END AS sr
    FROM fam f JOIN ent_q q USING (family_id)
    WHERE q.score >= ? AND f.py BETWEEN ? AND ? AND f.status <> 'lapsed'
      AND (f.status IN ('alive', 'pending')
           OR coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                           WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END, ?::DATE) >= ?::DATE)
), hits AS (
    SELECT c.entity, cand.family_id, cand.score, cand.sr,
           list(c.branch_id ORDER BY c.branch_id) AS overlap, count(*) AS k
    FROM ent_core c JOIN fam_branch fb USING (branch_id) JOIN cand USING (family_id)
    GROUP BY 1, 2, 3, 4
)
SELECT h.entity, h.family_id, h.overlap, count(*) OVER (PARTITION BY h.entity) AS cnt
FROM hits h
LEFT JOIN ent_fam own ON own.entity = h.entity AND own.family_id = h.family_id
WHERE own.family_id IS NULL
QUALIFY row_number() OVER (PARTITION BY h.entity ORDER BY h.sr, h.score DESC, h.k DESC, h.family_id) <= ?
ORDER BY h.entity, h.sr, h.score DESC, h.k DESC, h.family_id;

-- name: create_ent_gap
CREATE OR REPLACE TEMP TABLE ent_gap (entity VARCHAR, branch_id VARCHAR);

-- name: insert_ent_gap
INSERT INTO ent_gap SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]);

-- name: gap_academics
-- Universities and institutes with the most fractional families in each enterprise's gap branches.
WITH ab AS (
    SELECT fb.branch_id, a.name, any_value(a.kind) AS kind, sum(a.w) AS n
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
-- quality, holders (applicants by first position) and branches; expiry stated or estimated.
WITH ids AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS family_id)
SELECT f.family_id, f.rep_pub, f.title, f.py, f.status, f.granted, q.score, q.decile, q.fwd, q.size,
       (SELECT list(a.name ORDER BY a.seq, a.name) FROM fam_app a WHERE a.family_id = f.family_id) AS holders,
       (SELECT list(fb.branch_id ORDER BY fb.branch_id) FROM fam_branch fb WHERE fb.family_id = f.family_id) AS branches,
       coalesce(f.expiry_date, CASE WHEN f.invention THEN f.app_date + INTERVAL 20 YEAR
                                    WHEN f.utility THEN f.app_date + INTERVAL 10 YEAR END) AS expiry,
       f.expiry_date IS NULL AS estimated,
       f.n_offices
FROM ids JOIN fam f USING (family_id) LEFT JOIN ent_q q USING (family_id)
ORDER BY f.family_id;
