-- name: cluster_groups
-- The classification side of cluster_docs, a table of its own made with the scope
-- (Session.familyClasses, before scope_cls is emptied; not for a session without the map): per
-- family in scope, the distinct IPC/CPC main groups of its in-scope publications (a space-separated
-- string; the separator is not in a canonical code) and the main subclass (the first by: an IPC
-- code first (scope_cls.ipc; an unknown scheme last), main code first, earliest publication (none
-- last), publication number, code —
-- as one sort key, a struct compared field by field: built from the row's values, not as a string
-- with the date formatted, which took the table from 1.6–1.9 s to 1.2–1.4 s at 1M families, the
-- same subclasses). No list or ORDER BY aggregate: those do not spill, and a 1M-family lake failed
-- under a 400 MB cap with them. Each part reads scope_cls itself (a shared CTE was materialised
-- with every row's sort key).
CREATE OR REPLACE TEMP TABLE cl_group AS
WITH sub AS (
    SELECT c.fk,
           arg_min(c.subclass, {'s': CASE WHEN c.ipc THEN 0 WHEN NOT c.ipc THEN 1 ELSE 2 END,
                                'm': CASE WHEN c.is_main THEN 0 WHEN NOT c.is_main THEN 1 ELSE 2 END,
                                'd': coalesce(c.pub_date, DATE '9999-12-31'), 'n': c.pub_number, 'c': c.code}) AS subclass
    FROM scope_cls c -- IPC/CPC only (scope_classes)
    GROUP BY c.fk
), grp AS (
    SELECT fk, string_agg(main_group, ' ') AS codes
    FROM (SELECT DISTINCT fk, main_group FROM scope_cls WHERE coalesce(main_group, '') <> '')
    GROUP BY fk
)
SELECT sub.fk, sub.subclass, grp.codes FROM sub LEFT JOIN grp USING (fk);

-- name: cluster_doc_pos
-- cl_pos: each family in scope (fam) with pos, the 1-based rank of its family id, which places
-- its document (cluster.Doc.Pos), and the representative publication whose texts it takes
-- (fam.rep_pub). DuckDB sorts the family ids only, not the families' texts (at 10M families
-- that sort spilled gigabytes of text to disk), and once, for both reads below.
CREATE OR REPLACE TEMP TABLE cl_pos AS
SELECT fk, rep_pub, family_id, py, row_number() OVER (ORDER BY family_id) AS pos FROM fam;

-- name: cluster_doc_meta
-- The documents' metadata by position (cl_pos, made by cluster_doc_pos): the family id, the
-- distinct IPC/CPC main groups of the family's in-scope publications (space-separated:
-- ClusterDocSource splits and sorts them, which spares the driver a list of boxed strings per
-- row) and its main subclass (cl_group, made by cluster_groups), the priority year and the first
-- applicant (fam_first: lowest seq, then name). The rows come in no particular order.
SELECT c.pos,
       c.family_id,
       coalesce(g.codes, '')             AS codes,
       coalesce(g.subclass, '')          AS subclass,
       coalesce(c.py, 0)                 AS py,
       coalesce(a.first_applicant, '')   AS applicant
FROM cl_pos c
LEFT JOIN cl_group g ON g.fk = c.fk
LEFT JOIN fam_first a ON a.fk = c.fk;

-- name: cluster_docs
-- The documents' texts by position: the representative publication's title, abstract and claims
-- from the lake's patents (the pat table has no long texts), in no particular order; a family
-- whose representative the lake lacks has no row here (ClusterDocSource gives it empty texts).
-- The texts stream through one join whose build side is narrow (cl_pos's number and position),
-- and the metadata come from cluster_doc_meta: with the metadata joined here, three hash tables
-- of every family (positions and titles, groups, applicants) were built for the one stream of
-- texts and spilled it to disk (10M families under the read's 2 GB cap, each query alone
-- counting its rows, two runs: 37.0–44.6 s for the joined read, against 3.4–4.2 s for cl_pos,
-- 7.0 s for the texts and 5.4–7.1 s for the metadata). (The family's title from fam was a fallback for a
-- representative without one in the lake's patents; fam takes it from pat, the same row, so
-- it never differed.)
SELECT c.pos,
       coalesce(p.title, '')    AS title,
       coalesce(p.abstract, '') AS abstract,
       coalesce(p.claims, '')   AS claims
FROM patents p
JOIN cl_pos c ON p.pub_number = c.rep_pub;

-- name: cluster_doc_pos_drop
-- cl_pos is read by the two reads above only.
DROP TABLE IF EXISTS cl_pos;

-- name: cluster_doc_count
-- The number of rows cluster_docs yields (one per family in scope), which sizes the clustering's
-- arrays before they fill (cluster.Options.SizeHint).
SELECT count(*) AS n FROM fam;
