-- name: cluster_docs
-- One row per family in scope for technology clustering (analysis/cluster): the representative
-- publication's title, abstract and claims (fam.rep_pub, from the lake's patents: the pat table has no long texts; the family's title when
-- the representative has none), the distinct IPC/CPC main groups of the family's in-scope
-- publications, the main subclass (the first by: scheme = the bound scheme, main code first,
-- earliest publication, publication number, code), the priority year and the first applicant.
-- Parameter: the preferred classification scheme of the main subclass ('ipc').
WITH cls AS (
    SELECT p.family_id, c.main_group, c.subclass, c.scheme, c.is_main, c.code, p.pub_number, p.pub_date
    FROM classifications c
    JOIN scope_pub s USING (pub_number)
    JOIN pat p USING (pub_number)
    WHERE c.subclass <> '' -- IPC/CPC only: Derwent classes and manual codes have no subclass
), groups AS (
    SELECT family_id,
           list(DISTINCT main_group ORDER BY main_group) FILTER (WHERE coalesce(main_group, '') <> '') AS codes,
           first(subclass ORDER BY (scheme = ?) DESC, is_main DESC, pub_date ASC NULLS LAST, pub_number, code) AS subclass
    FROM cls
    GROUP BY family_id
), app AS (
    SELECT family_id, first(name ORDER BY seq, name) AS applicant
    FROM fam_app
    GROUP BY family_id
)
SELECT f.family_id,
       coalesce(nullif(p.title, ''), f.title, '') AS title,
       coalesce(p.abstract, '')                   AS abstract,
       coalesce(p.claims, '')                     AS claims,
       coalesce(g.codes, [])                      AS codes,
       coalesce(g.subclass, '')                   AS subclass,
       coalesce(f.py, 0)                          AS py,
       coalesce(a.applicant, '')                  AS applicant
FROM fam f
LEFT JOIN patents p ON p.pub_number = f.rep_pub
LEFT JOIN groups g ON g.family_id = f.family_id
LEFT JOIN app a ON a.family_id = f.family_id
ORDER BY f.family_id;
