-- name: cluster_groups
-- The classification side of cluster_docs, a table of its own made first: per family in scope,
-- the distinct IPC/CPC main groups of its in-scope publications (a space-separated string; the
-- separator is not in a canonical code) and the main subclass (the first by: scheme = the bound
-- scheme, main code first, earliest publication (none last), publication number, code — as one
-- sort key, a struct compared field by field: built from the row's values, not as a string with
-- the date formatted, which took the table from 1.6–1.9 s to 1.2–1.4 s at 1M families, the
-- same subclasses). No list or ORDER BY aggregate: those do not spill, and a 1M-family lake
-- failed under a 400 MB cap with them. Each part reads scope_cls itself (a shared CTE was
-- materialised with every row's sort key). Parameter: the preferred scheme ('ipc').
CREATE OR REPLACE TEMP TABLE cl_group AS
WITH sub AS (
    SELECT c.fk,
           arg_min(c.subclass, {'s': CASE WHEN c.scheme = ? THEN 0 WHEN NOT (c.scheme = ?) THEN 1 ELSE 2 END,
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

-- name: cluster_docs
-- One row per family in scope for technology clustering (analysis/cluster): the representative
-- publication's title, abstract and claims (fam.rep_pub, from the lake's patents: the pat table
-- has no long texts; the family's title when the representative has none), the distinct IPC/CPC
-- main groups of the family's in-scope publications (space-separated: ClusterDocSource splits and
-- sorts them, which spares the driver a list of boxed strings per row) and its main subclass (cl_group,
-- made by cluster_groups), the priority year and the first applicant (fam_first: lowest seq,
-- then name). The rows come in no particular order, each with pos, the 1-based rank of its
-- family id, which places it (cluster.Doc.Pos): DuckDB sorts the family ids only, not every
-- family's texts (at 10M families that sort spilled gigabytes of text to disk), and with their
-- keys only, joined back to fam by key: a window sorts every column of its input, here the
-- representative's number and the family's title too (1M families, the query without its
-- reader: 1.16 s with them in the sort, 1.01–1.03 s without, the same rows).
SELECT f.pos,
       f.family_id,
       coalesce(nullif(p.title, ''), f.title, '') AS title,
       coalesce(p.abstract, '')                   AS abstract,
       coalesce(p.claims, '')                     AS claims,
       coalesce(g.codes, '')                      AS codes,
       coalesce(g.subclass, '')                   AS subclass,
       coalesce(f.py, 0)                          AS py,
       coalesce(a.first_applicant, '')            AS applicant
FROM (SELECT f.family_id, f.fk, f.rep_pub, f.title, f.py, r.pos
      FROM fam f JOIN (SELECT fk, row_number() OVER (ORDER BY family_id) AS pos FROM fam) r USING (fk)) f
LEFT JOIN patents p ON p.pub_number = f.rep_pub
LEFT JOIN cl_group g ON g.fk = f.fk
LEFT JOIN fam_first a ON a.fk = f.fk;

-- name: cluster_doc_count
-- The number of rows cluster_docs yields (one per family in scope), which sizes the clustering's
-- arrays before they fill (cluster.Options.SizeHint).
SELECT count(*) AS n FROM fam;
