-- name: seed_family_docs
-- One row per family of the whole lake (families merged as in the pat view) for seed scoping
-- (analysis/seedscope): the family id, its publication numbers and their numbers without kind
-- (sorted), the representative publication (earliest publication date, then number) and its
-- title, the distinct titles and abstracts of its publications (sorted; the text the
-- classifier reads and the scope keywords match) and the distinct IPC/CPC codes of its
-- publications (sorted). Families come ordered by id.
WITH pubs AS (
    SELECT p.family_id, p.pub_number, p.doc_number, p.pub_date,
           coalesce(p.title, '') AS title, coalesce(x.abstract, '') AS abstract
    FROM pat p JOIN patents x USING (pub_number)
), f AS (
    SELECT family_id,
           list(pub_number ORDER BY pub_number)                                        AS pubs,
           list(DISTINCT doc_number ORDER BY doc_number) FILTER (WHERE doc_number IS NOT NULL) AS docs,
           arg_min(pub_number, coalesce(pub_date::VARCHAR, '9999') || pub_number)      AS rep,
           arg_min(title, coalesce(pub_date::VARCHAR, '9999') || pub_number)           AS rep_title,
           list(DISTINCT title ORDER BY title) FILTER (WHERE title <> '')              AS titles,
           list(DISTINCT abstract ORDER BY abstract) FILTER (WHERE abstract <> '')     AS abstracts
    FROM pubs GROUP BY family_id
), c AS (
    SELECT p.family_id, list(DISTINCT c.code ORDER BY c.code) AS codes
    FROM classifications c JOIN pat p USING (pub_number)
    WHERE coalesce(c.code, '') <> ''
    GROUP BY p.family_id
)
SELECT f.family_id, f.pubs, coalesce(f.docs, []) AS docs, f.rep, coalesce(f.rep_title, '') AS rep_title,
       coalesce(f.titles, []) AS titles, coalesce(f.abstracts, []) AS abstracts, coalesce(c.codes, []) AS codes
FROM f LEFT JOIN c USING (family_id)
ORDER BY f.family_id;

-- name: seed_family_citations
-- Citation links between the seed families and the rest of the lake, in both directions'
-- raw form (citing family, cited family), distinct, self-citations within a family dropped: a
-- patent citation joins the cited publication by its full number, or by its number without kind
-- when the source wrote none (PatentsView). Parameter: the seed family ids (VARCHAR[]); only
-- links with a seed at one end are returned (the expansion needs no others, and a lake has
-- millions).
WITH seeds AS (
    SELECT DISTINCT unnest(?::VARCHAR[]) AS family_id
), cited AS (
    SELECT c.citing, p.family_id AS cited_family
    FROM citations c JOIN pat p ON p.pub_number = c.cited
    WHERE c.kind = 'patent'
    UNION
    SELECT c.citing, p.family_id AS cited_family
    FROM citations c JOIN pat p ON p.doc_number = c.cited_doc
    WHERE c.kind = 'patent' AND c.cited_doc IS NOT NULL
)
SELECT DISTINCT a.family_id AS citing, x.cited_family AS cited
FROM cited x JOIN pat a ON a.pub_number = x.citing
WHERE a.family_id <> x.cited_family
  AND (a.family_id IN (SELECT family_id FROM seeds) OR x.cited_family IN (SELECT family_id FROM seeds))
ORDER BY 1, 2;

-- name: seed_scope_families
-- The families in the configured scope (table fam of a session opened with a config).
SELECT family_id FROM fam ORDER BY family_id;

-- name: seed_all_pubs
-- A lake opened without a config: every publication counts as "in scope" for the family
-- merging (family_edges reads scope_pub).
CREATE OR REPLACE TEMP TABLE scope_pub AS SELECT pub_number FROM patents;
