-- name: create_rules
CREATE OR REPLACE TEMP TABLE cfg_rule (
    target  VARCHAR,   -- 'scope', 'exclude', or a branch id
    kind    VARCHAR,   -- how a code rule matches: group / main / sub / class / section
    value   VARCHAR,   -- the code or prefix as configured (canonical)
    mkey    VARCHAR    -- the equality key: main group, subclass, class or section
);
CREATE OR REPLACE TEMP TABLE kwmap (kw INTEGER, target VARCHAR);

-- name: insert_rule
INSERT INTO cfg_rule VALUES (?, ?, ?, ?);

-- name: insert_kwmap
INSERT INTO kwmap VALUES (?, ?);

-- name: create_branches
CREATE OR REPLACE TEMP TABLE cfg_branch (
    branch_id VARCHAR, parent VARCHAR, level INTEGER, ord INTEGER, name_zh VARCHAR, name_en VARCHAR
);

-- name: insert_branch
INSERT INTO cfg_branch VALUES (?, ?, ?, ?, ?, ?);

-- name: create_code_hit
CREATE OR REPLACE TEMP TABLE code_hit (target VARCHAR, pub_number VARCHAR);

-- name: code_hits_group
-- Publications whose IPC/CPC codes match a code rule of the scope or the exclusions; one
-- statement per rule kind, run only when the config has rules of that kind, each an equality
-- (hash) join on its key: a group rule (G05D1/10) on the main group, then the code prefix (it
-- also matches subgroups such as G05D1/101); a main group (H04W84), a subclass (H04W), a class
-- (H04) or a section (H) on that part of the code. Each statement keeps a publication once per
-- target (a publication has several codes under one rule), so that scope_pubs reads fewer rows;
-- duplicates between statements are dropped where code_hit is used. The branches' rules are
-- matched later on the scope's own codes (branch_hits), which already carry the family's key.
INSERT INTO code_hit SELECT DISTINCT r.target, c.pub_number FROM classifications c JOIN cfg_rule r
  ON r.kind = 'group' AND r.target IN ('scope', 'exclude') AND c.main_group = r.mkey AND starts_with(c.code, r.value);

-- name: code_hits_main
INSERT INTO code_hit SELECT DISTINCT r.target, c.pub_number FROM classifications c JOIN cfg_rule r
  ON r.kind = 'main' AND r.target IN ('scope', 'exclude') AND c.main_group = r.mkey;

-- name: code_hits_sub
INSERT INTO code_hit SELECT DISTINCT r.target, c.pub_number FROM classifications c JOIN cfg_rule r
  ON r.kind = 'sub' AND r.target IN ('scope', 'exclude') AND c.subclass = r.mkey;

-- name: code_hits_class
INSERT INTO code_hit SELECT DISTINCT r.target, c.pub_number FROM classifications c JOIN cfg_rule r
  ON r.kind = 'class' AND r.target IN ('scope', 'exclude') AND left(c.subclass, 3) = r.mkey;

-- name: code_hits_section
INSERT INTO code_hit SELECT DISTINCT r.target, c.pub_number FROM classifications c JOIN cfg_rule r
  ON r.kind = 'section' AND r.target IN ('scope', 'exclude') AND left(c.subclass, 1) = r.mkey;

-- name: kw_hits
-- Publications whose title or abstract contains a keyword of a target, in ONE pass over the lake:
-- the bound row function (Session.keywordHits: keywordMatcher through duck.RegisterFunc) gives
-- each publication the distinct keywords matched in lower(title || ' ' || abstract), a NULL
-- title or abstract read as empty, as the alternation of every keyword (lower case, longest first) extracted them in SQL, by their index
-- (kwmap's kw); kwmap maps each matched keyword to the targets of every keyword it contains. A
-- pair still repeats when two of a publication's keywords name one target, and both readers make
-- their rows distinct anyway (scope_pubs by set operations, family_branches per family and
-- target). Go instead of RE2's extraction: measured in docs/scale.md (twenty-ninth session).
CREATE OR REPLACE TEMP TABLE kw_hit AS
SELECT m.target, p.pub_number
FROM (SELECT pub_number, CAST(kw AS INTEGER) AS kw
      FROM (SELECT pub_number, unnest(string_split(patnav_func(?, title, abstract), ',')) AS kw FROM patents)) p
JOIN kwmap m USING (kw);

-- name: create_kw_hit
CREATE OR REPLACE TEMP TABLE kw_hit (target VARCHAR, pub_number VARCHAR);

-- name: scope_pubs
-- The industry's publications: scope codes and/or keywords (require = any/both), minus exclusions.
CREATE OR REPLACE TEMP TABLE scope_pub AS
WITH c AS (SELECT pub_number FROM code_hit WHERE target = 'scope'),
     k AS (SELECT pub_number FROM kw_hit WHERE target = 'scope'),
     hit AS (
        SELECT pub_number FROM c UNION SELECT pub_number FROM k
     ),
     both_hit AS (SELECT pub_number FROM c INTERSECT SELECT pub_number FROM k),
     excl AS (SELECT pub_number FROM code_hit WHERE target = 'exclude'
              UNION SELECT pub_number FROM kw_hit WHERE target = 'exclude')
SELECT pub_number FROM (SELECT pub_number FROM hit WHERE NOT ? UNION ALL SELECT pub_number FROM both_hit WHERE ?)
EXCEPT SELECT pub_number FROM excl;

-- name: family_apps
-- The family × application number pairs that family_edges reads, each with whether a
-- publication of the pair is in scope: those of the families that can take part in an edge,
-- every pair of theirs (whether a family is in scope depends on all its publications). Those
-- families are the ones with an application number that more than one family id names (found by
-- one grouping of the lake by application number) and the ones a recorded link names. In a lake
-- of one source they are few, where the pairs of every family of the lake, each with its mark
-- against every publication in scope, were two groupings of every publication by strings (1M
-- families: 1.08–1.24 s for this statement and family_edges, against 1.37–1.64 s). In a lake
-- whose sources name most families twice (two exports of the same patents), nearly every family
-- is one, and the statement does the old work plus the grouping by application number.
CREATE OR REPLACE TEMP TABLE fe_app AS
WITH shared AS (
    SELECT app_number FROM patents WHERE app_number IS NOT NULL
    GROUP BY app_number HAVING min(family_id) <> max(family_id)
), cand AS (
    SELECT family_id FROM patents WHERE app_number IN (SELECT app_number FROM shared)
    UNION SELECT family_id FROM family_links
    UNION SELECT linked_family_id FROM family_links
)
SELECT p.family_id, p.app_number, bool_or(s.pub_number IS NOT NULL) AS in_scope
FROM patents p LEFT JOIN scope_pub s USING (pub_number)
WHERE p.family_id IN (SELECT family_id FROM cand)
GROUP BY p.family_id, p.app_number;

-- name: family_edges
-- Pairs of family ids that name the same family (fe_app, made by family_apps): recorded links
-- (the same publication arrived under two family ids) and families sharing an application
-- number — each such family paired with the smallest family id sharing the number, which joins
-- the same families as every pair would (the union-find in resolveFamilies) without a self-join
-- of every application number: only numbers shared by more than one family are joined.
WITH sf AS (SELECT DISTINCT family_id FROM fe_app WHERE in_scope),
multi AS (
    SELECT app_number, min(family_id) AS root FROM fe_app
    WHERE app_number IS NOT NULL AND family_id IN (SELECT family_id FROM sf)
    GROUP BY app_number HAVING count(*) > 1
)
SELECT family_id AS a, linked_family_id AS b FROM family_links
WHERE family_id IN (SELECT family_id FROM sf) OR linked_family_id IN (SELECT family_id FROM sf)
UNION
SELECT m.root, f.family_id FROM fe_app f JOIN multi m USING (app_number)
WHERE f.family_id <> m.root AND f.family_id IN (SELECT family_id FROM sf)
ORDER BY 1, 2;

-- name: create_fam_map
CREATE OR REPLACE TEMP TABLE fam_map (family_id VARCHAR PRIMARY KEY, fkey VARCHAR);

-- name: insert_fam_map
INSERT INTO fam_map VALUES (?, ?);

-- name: pat_view
-- The lake's patents as the analyses see them, materialised once without the long texts
-- (abstract, claims) and without the columns no analysis reads (the URL, the title's language,
-- the NPL count, the raw legal status, the designated states; a lake that predates one of them
-- lacks it, so they are left out by name, not by EXCLUDE): family ids resolved across sources
-- (fam_map). The patents view already shows each publication as it stands at the session's
-- cut-off: every changeable fact (legal status, owner, operation counts, the first applicant's
-- place …) is its latest observation. Without the unread columns the table is 7 % smaller and
-- made in 20 % less time (1M families: 1.6–2.0 s instead of 2.3–2.5 s, about 776 MB instead of 835).
-- in_scope marks the publications in scope (scope_pub), once: the queries that read pat's
-- publications in scope filter on it instead of each joining pat with scope_pub by number
-- (scope_fam, scope_families, family_applicants, the macro's counts by source, office and year,
-- the value and effect queries).
-- family_key(id), a macro, is a family's key (see scope_fam). pat's COLUMNS filter writes its
-- lambda in DuckDB's newer syntax (lambda c: …), which DuckDB 1.5 reads too and DuckDB 2.0
-- requires (it refuses the arrow, c -> …).
DROP TABLE IF EXISTS fe_app;
CREATE OR REPLACE TEMP MACRO family_key(id) AS
    (CASE WHEN getvariable('patnav_fk_salt') = '' THEN hash(id) ELSE hash(getvariable('patnav_fk_salt') || id) END)
    >> getvariable('patnav_fk_shift');
CREATE OR REPLACE TEMP TABLE pat AS
SELECT p.* REPLACE (coalesce(m.fkey, p.family_id) AS family_id), p.pub_number IN (SELECT pub_number FROM scope_pub) AS in_scope
FROM (SELECT COLUMNS(lambda c: c NOT IN ('abstract', 'claims', 'url', 'title_lang', 'npl_count', 'legal_status_raw',
                                          'designated_states'))
      FROM patents) p
LEFT JOIN fam_map m USING (family_id);

-- name: scope_fam
-- scope_fam: each in-scope publication with its (resolved) family, publication date and office,
-- for the queries that need no more of pat (fam_office, family_branches, scope_classes, the
-- inventors' fam_inv and the enterprises' inventors): one join each instead of a join with
-- scope_pub and another with pat, whose two hash tables (a row per publication each) were held
-- at once. Its rows are pat's rows in scope (in_scope).
--
-- fk is the family's key, a 64-bit hash of its (resolved) id (family_key): the tables of the
-- families in scope (fam, fam_app, scope_cls, fam_inv …) carry it beside the id (fam_bk and fam_office instead of it), and
-- the queries that join or group them by family do so on fk, an integer, instead of the id, a
-- string of 17 characters for a generated id, which DuckDB neither inlines nor hashes as cheaply
-- (the same grouping of the 1M-family lake's branches by family and year: 2.0 s on the ids,
-- 0.7 s on the keys). Two families in scope with one key would be one family: scope_families,
-- which groups every in-scope publication by key, stops with "patnav: family key clash" when a
-- key holds two ids (a second hash of the ids differs within the key), and Session.familyKeys
-- makes scope_fam and fam again with a salt (the variable patnav_fk_salt, '' at first) until no
-- two collide (at 10M families a clash has a chance of about 2.5 in a million). patnav_fk_shift (0) drops low bits of the key, so that a test
-- can make keys collide. pat has no key: its families beyond the scope are not checked, so joins
-- with pat stay on the family id (quality_members, the citing families of quality_fwd).
CREATE OR REPLACE TEMP TABLE scope_fam AS
SELECT pub_number, p.family_id, p.pub_date, p.jurisdiction, family_key(p.family_id) AS fk FROM pat p WHERE p.in_scope;

-- name: scope_families
-- One row per family in scope, with family-level facts over its in-scope publications, and
-- fam_office: the distinct offices (jurisdictions) of each family's in-scope publications, by
-- the family's key only (its readers join fam by key; without the id, a string in every
-- row, the grouping holds no string state per group).
-- py: priority year = year of the earliest priority (else filing, else publication) date.
-- No aggregate here is a DISTINCT, ORDER BY or list aggregate (those do not spill), so the
-- grouping of every family spills to disk under DuckDB's memory cap instead of failing: the
-- offices are a table of their own, counted per family, and the representative publication's
-- title, and its priority office for family_country, are joined back from pat. (Taking the
-- title in the representative's arg_min instead, as a struct with its number, was faster on the
-- session's tables alone but slower in the landscape: 10M families, 48.3 s for this statement
-- and 53.9 s for the next, family_applicants, against 39.3 and 37.5 s with the join, one run
-- each.)
--
-- A key that holds two family ids stops the statement ("patnav: family key clash"): every id of
-- the key gives the same second hash, of the id with a '#' appended (h1 = h2), which a salt
-- does not change. Two integers per key instead of the ids' min and max, strings that DuckDB
-- does not inline: at 10M families this statement took 39.3 s instead of 48.9 s, and the 10M
-- landscape 13:14 instead of 14:50 (one run each, with this session's other changes).
CREATE OR REPLACE TEMP TABLE fam_office AS
SELECT DISTINCT jurisdiction AS office, fk FROM scope_fam;
CREATE OR REPLACE TEMP TABLE fam AS
WITH m AS (
    SELECT p.*, family_key(p.family_id) AS fk FROM pat p WHERE p.in_scope
), g AS (
    SELECT
        fk,
        any_value(family_id)                                         AS family_id,
        min(hash(family_id || '#'))                                  AS h1,
        max(hash(family_id || '#'))                                  AS h2,
        min(coalesce(priority_date, app_date, pub_date))            AS first_date,
        year(min(coalesce(priority_date, app_date, pub_date)))      AS py,
        min(pub_date)                                                AS first_pub,
        count(*)                                                     AS pubs,
        bool_or(jurisdiction = 'WO')                                 AS pct,
        bool_or(granted OR grant_date IS NOT NULL)                   AS granted,
        min(grant_date)                                              AS grant_date,
        min(app_date)                                                AS app_date,
        CASE WHEN bool_or(legal_status = 'alive') THEN 'alive'
             WHEN bool_or(legal_status = 'pending') THEN 'pending'
             WHEN bool_or(legal_status = 'lapsed') THEN 'lapsed'
             ELSE 'unknown' END                                      AS status,
        bool_or(doc_type = 'invention')                              AS invention,
        bool_or(doc_type = 'utility_model')                          AS utility,
        max(cited_by_count)                                          AS cited_by_src,
        max(cites_count)                                             AS cites_src,
        max(family_size)                                             AS family_size_src,
        max(claims_count)                                            AS claims,
        arg_min(pub_number, coalesce(pub_date::VARCHAR, '9999') || pub_number) AS rep_pub,
        bool_or(transfer_count > 0)                                  AS transferred,
        bool_or(licence_count > 0)                                   AS licensed,
        bool_or(pledge_count > 0)                                    AS pledged,
        bool_or(invalidated)                                         AS invalidated,
        max(expiry_date)                                             AS expiry_date
    FROM m
    GROUP BY fk
), o AS (
    SELECT fk, count(office) AS n_offices FROM fam_office GROUP BY fk
)
SELECT CASE WHEN g.h1 = g.h2 THEN g.family_id ELSE error('patnav: family key clash') END AS family_id,
       g.first_date, g.py, g.first_pub, g.pubs, o.n_offices, g.pct, g.granted,
       g.grant_date, g.app_date, g.status, g.invention, g.utility, g.cited_by_src, g.cites_src,
       g.family_size_src, g.claims, g.rep_pub, t.title, g.transferred, g.licensed, g.pledged,
       g.invalidated, g.expiry_date, t.priority_office AS rep_priority_office, g.fk
FROM g JOIN o USING (fk) JOIN pat t ON t.pub_number = g.rep_pub;

-- name: family_applicants
-- Distinct applicants of each family (normalised name), with fractional weight 1/k. An
-- applicant's kind and place are those of its earliest mention (lowest seq, then publication);
-- the first applicant's place, when the stored source lacks it, is the publication's latest
-- observed one (e.g. the province a CNIPA export states for a publication stored from Lens).
CREATE OR REPLACE TEMP TABLE fam_app AS
WITH x AS (
    SELECT family_key(p.family_id) AS fk, p.family_id, x.name, x.kind, x.seq, x.pub_number,
           CASE WHEN x.seq = 1 AND p.applicant_province IS NOT NULL AND x.province IS NULL
                THEN coalesce(p.applicant_country, x.country) ELSE coalesce(x.country, CASE WHEN x.seq = 1 THEN p.applicant_country END) END AS country,
           CASE WHEN x.seq = 1 THEN coalesce(x.province, p.applicant_province) ELSE x.province END AS province,
           CASE WHEN x.seq = 1 THEN coalesce(x.city, p.applicant_city) ELSE x.city END AS city
    FROM parties x
    JOIN pat p USING (pub_number)
    WHERE p.in_scope AND x.role = 'applicant' AND x.name <> ''
), a AS (
    SELECT any_value(family_id) AS family_id, name,
        arg_min(kind, lpad(seq::VARCHAR, 4, '0') || pub_number) AS kind,
        arg_min(country, lpad(seq::VARCHAR, 4, '0') || pub_number) AS country,
        arg_min(province, lpad(seq::VARCHAR, 4, '0') || pub_number) AS province,
        arg_min(city, lpad(seq::VARCHAR, 4, '0') || pub_number) AS city,
        min(seq) AS seq, fk
    FROM x GROUP BY fk, name
)
SELECT a.*, 1.0 / count(*) OVER (PARTITION BY fk) AS w FROM a;

-- name: family_first
-- The first applicant of each family and the first stated country, province and city (see
-- family_country).
CREATE OR REPLACE TEMP TABLE fam_first AS
    SELECT fk,
        arg_min(country, lpad(seq::VARCHAR, 4, '0') || name) FILTER (WHERE country IS NOT NULL) AS country,
        arg_min(province, lpad(seq::VARCHAR, 4, '0') || name) FILTER (WHERE province IS NOT NULL) AS province,
        arg_min(city, lpad(seq::VARCHAR, 4, '0') || name) FILTER (WHERE city IS NOT NULL) AS city,
        arg_min(name, lpad(seq::VARCHAR, 4, '0') || name) AS first_applicant
    FROM fam_app GROUP BY fk;

-- name: family_country
-- The family's source country: its first applicant's country (lowest seq, then name), else the
-- office of the earliest priority claim of its representative publication unless that is a
-- regional or international office (the bound list: EP, WO, IB …, which name no country; the
-- applicants' own countries follow the same rule at ingest), else NULL (reported as '??'); the
-- first applicant's CN province and city; and the first applicant. "First" is the lowest seq,
-- then name, as one sort key (seq is at most four digits): arg_min instead of an ORDER BY
-- aggregate, so that the grouping spills under DuckDB's memory cap; the grouping is a table of
-- its own before the join (as one statement, the grouping built into the join's hash table did
-- not spill: a 1M-family lake failed under a 400 MB cap): family_first makes it. The
-- representative's priority office is fam's rep_priority_office, read by scope_families in the
-- join that fetches the representative's title, instead of a join of every family with pat by
-- publication number here (1M families: 0.64–0.72 s → 0.16–0.22 s).
CREATE OR REPLACE TEMP TABLE fam_country AS
SELECT f.family_id,
       coalesce(a.country, CASE WHEN NOT list_contains(?::VARCHAR[], f.rep_priority_office) THEN f.rep_priority_office END) AS country,
       a.province, a.city, a.first_applicant, f.fk
FROM fam f LEFT JOIN fam_first a USING (fk);

-- name: create_branch_hit
CREATE OR REPLACE TEMP TABLE branch_hit (target VARCHAR, fk UBIGINT);

-- name: branch_hits_group
-- The families whose in-scope codes (scope_cls, made by scope_classes, keyed by family) match a
-- code rule of a branch, per rule kind as code_hits matches the lake's codes, each family kept
-- once per branch. Matching the scope's codes, which carry the family's key, spares
-- family_branches the join of every code hit with scope_fam by publication number (a string):
-- at 1M families code_hits held 5.7M rows, most of them the branches'. The lake's codes that
-- scope_cls leaves out (no subclass: Derwent classes and manual codes) match no code rule.
INSERT INTO branch_hit SELECT DISTINCT r.target, c.fk FROM scope_cls c JOIN cfg_rule r
  ON r.kind = 'group' AND r.target NOT IN ('scope', 'exclude') AND c.main_group = r.mkey AND starts_with(c.code, r.value);

-- name: branch_hits_main
INSERT INTO branch_hit SELECT DISTINCT r.target, c.fk FROM scope_cls c JOIN cfg_rule r
  ON r.kind = 'main' AND r.target NOT IN ('scope', 'exclude') AND c.main_group = r.mkey;

-- name: branch_hits_sub
INSERT INTO branch_hit SELECT DISTINCT r.target, c.fk FROM scope_cls c JOIN cfg_rule r
  ON r.kind = 'sub' AND r.target NOT IN ('scope', 'exclude') AND c.subclass = r.mkey;

-- name: branch_hits_class
INSERT INTO branch_hit SELECT DISTINCT r.target, c.fk FROM scope_cls c JOIN cfg_rule r
  ON r.kind = 'class' AND r.target NOT IN ('scope', 'exclude') AND left(c.subclass, 3) = r.mkey;

-- name: branch_hits_section
INSERT INTO branch_hit SELECT DISTINCT r.target, c.fk FROM scope_cls c JOIN cfg_rule r
  ON r.kind = 'section' AND r.target NOT IN ('scope', 'exclude') AND left(c.subclass, 1) = r.mkey;

-- name: family_branches
-- Branch tags: a family is in a branch when one of its in-scope publications matches one of the
-- branch's rules or the rules of a descendant branch: its codes (branch_hit) or its title or
-- abstract (kw_hit, joined with scope_fam for the family). The hits are made distinct once, per
-- family and rule target, before the targets are expanded to their ancestors (a UNION of the
-- publications' hits, then a DISTINCT over the expanded rows, grouped twice as many rows: 1M
-- families 4.6 s → 2.3 s).
--
-- The table, fam_bk, holds each family's key and branch only (10M families: 37.8M rows); the
-- macro analyses, which join it with the other family tables by key, read it. fam_branch, a
-- view, adds the family id for the stages that join by id (enterprises, warnings, value …).
CREATE OR REPLACE TEMP TABLE fam_bk AS
WITH RECURSIVE anc(branch_id, ancestor) AS (
    SELECT branch_id, branch_id FROM cfg_branch
    UNION ALL
    SELECT a.branch_id, b.parent FROM anc a JOIN cfg_branch b ON b.branch_id = a.ancestor WHERE b.parent <> ''
), ft AS (
    SELECT DISTINCT fk, target FROM (
        SELECT fk, target FROM branch_hit
        UNION ALL
        SELECT p.fk, h.target FROM kw_hit h JOIN scope_fam p USING (pub_number) WHERE h.target NOT IN ('scope', 'exclude')
    )
)
SELECT DISTINCT anc.ancestor AS branch_id, ft.fk FROM ft JOIN anc ON anc.branch_id = ft.target;
CREATE OR REPLACE TEMP VIEW fam_branch AS SELECT f.family_id, b.branch_id, b.fk FROM fam_bk b JOIN fam f USING (fk);

-- name: drop_hits
-- The hits are read by scope_pubs and family_branches only: emptied once both ran, so that
-- DuckDB's memory holds the tables still to be read. A query of its own, after
-- family_branches: a statement that DuckDB runs again after running out of memory
-- (duck.DB.Exec) must find the hits.
CREATE OR REPLACE TEMP TABLE code_hit (target VARCHAR, pub_number VARCHAR);
CREATE OR REPLACE TEMP TABLE kw_hit (target VARCHAR, pub_number VARCHAR);
CREATE OR REPLACE TEMP TABLE branch_hit (target VARCHAR, fk UBIGINT);

-- name: scope_classes
-- The IPC/CPC codes of the in-scope publications with their family's key fk (Derwent classes and
-- manual codes, which have no subclass, left out), read once from the lake's largest table for
-- the statements that match or group them by family, all run with the scope (Session.prepare):
-- the branches' code rules (branch_hits), and the per-family tables the later analyses read
-- instead: the trend's main subclass (family_trend_subclass), the quality's subclasses
-- (family_subclasses) and the clustering's codes (cluster_groups). Then it is emptied
-- (drop_scope_classes): it is the largest of the session's tables (at 1M families 8.1M rows,
-- about 720 MB of DuckDB's 1.7 GB of tables), and held to the end it kept the other tables out
-- of DuckDB's cap, in the spill folder (what it gained: docs/scale.md, twenty-second session).
--
-- Its rows are narrow, for at 10M families it is 80.8M rows, most of them in the spill folder,
-- read back by each statement: pid names the publication by its row in scope_fam (an integer;
-- scope_fam is made again only after a key clash, before this table, and not changed after; a
-- publication's rows in it have the same codes) for the statement that only groups by
-- publication (family_trend_subclass), and ipc is whether the code is an IPC one (NULL when the
-- scheme is unknown) instead of the scheme's name. The
-- publication number stays for the one order that needs it (cluster_groups' tie-break).
-- Measured in docs/scale.md (twenty-fourth session). The cast to INTEGER fails loudly beyond
-- 2^31 publications in scope.
CREATE OR REPLACE TEMP TABLE scope_cls AS
SELECT p.fk, p.rowid::INTEGER AS pid, c.pub_number, c.subclass, c.main_group, c.scheme = 'ipc' AS ipc,
       c.is_main, c.code, p.pub_date
FROM classifications c JOIN scope_fam p USING (pub_number)
WHERE c.subclass <> '';

-- name: family_trend_subclass
-- fam_tsub: each family's main subclass for subclass_trend, read from its in-scope publications'
-- codes (scope_cls): the IPC codes, and the CPC codes of a publication without an IPC subclass;
-- a main code first, then the alphabetically first subclass. The order is one sort key, k: '0'
-- for a main code ('1' not, '2' unknown) followed by the subclass, so the least k names the
-- subclass. Each publication's least k (among its IPC codes when it has one, else among all its
-- codes) is taken in one grouping by publication, then the family's least of those: no list of
-- the publications with an IPC code joined back to every code (1M families: 0.64 s instead of
-- 0.69–0.80 s, the same subclasses). Both steps use plain min, not first(… ORDER BY …), so the
-- grouping of every family spills under DuckDB's memory cap (docs/scale.md).
CREATE OR REPLACE TEMP TABLE fam_tsub AS
WITH pk AS (
    SELECT fk, coalesce(min(k) FILTER (WHERE ipc), min(k)) AS k
    FROM (SELECT fk, pid, ipc,
                 CASE WHEN is_main THEN '0' WHEN NOT is_main THEN '1' ELSE '2' END || subclass AS k
          FROM scope_cls)
    GROUP BY fk, pid
)
SELECT fk, substr(min(k), 2) AS subclass FROM pk GROUP BY fk;

-- name: family_subclasses
-- fam_subs, the quality's scope (quality_base): per family, the number of distinct IPC
-- subclasses of its in-scope publications, and its main subclass (the first main one, else the
-- first; IPC/CPC only: Derwent classes and manual codes have no subclass). Counted by grouping
-- twice, not with count(DISTINCT …), so that it spills under DuckDB's cap.
CREATE OR REPLACE TEMP TABLE fam_subs AS
SELECT fk, count(*) AS n,
       arg_min(subclass, CASE WHEN is_main THEN '0' ELSE '1' END || subclass) AS main_sub
FROM (
    SELECT c.fk, c.subclass, bool_or(c.is_main) AS is_main
    FROM scope_cls c
    GROUP BY 1, 2
) GROUP BY 1;

-- name: drop_scope_classes
-- scope_cls emptied once the statements above read it (the table stays, empty, with its columns, so
-- that their SQL still prepares: CheckQueries). Session.prepare runs it last, and a read of the
-- codes after it is refused in Go (Session.PrepareClusterDocs), not answered from the empty table.
CREATE OR REPLACE TEMP TABLE scope_cls AS SELECT * FROM scope_cls LIMIT 0;

-- name: families_of
-- Families in scope with an applicant among the given normalised names.
SELECT DISTINCT family_id FROM fam_app WHERE list_contains(?::VARCHAR[], name) ORDER BY 1;

-- name: last_publication
-- The data cut-off when the config gives none: the latest first publication of a family in scope,
-- else (no publication dates) the latest filing date, from which the cut-off is estimated.
SELECT max(first_pub) AS last_pub, max(coalesce(app_date, first_date)) AS last_filing FROM fam;

-- name: duckdb_version
SELECT library_version FROM pragma_version();
