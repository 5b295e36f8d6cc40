-- Patents and standards (专利与标准融合): the standard-essential-patent declarations of the
-- standards view linked to the lake's publications (by doc_number, or app_number for a
-- declaration naming only an application) and through them to the families in scope.

-- name: standards_declared
-- One row per (standard, family in scope) declared, with the body and the first declaration
-- date; a declaration naming a publication of the family declares the family. Blanket
-- declarations name no patent and declare nothing here.
CREATE OR REPLACE TEMP TABLE std_fam AS
WITH d AS (
    SELECT standard, coalesce(body, '') AS body, doc_number, app_number, declared
    FROM standards WHERE NOT coalesce(blanket, false)
), linked AS (
    SELECT d.standard, d.body, p.family_id, d.declared
    FROM d JOIN pat p ON p.doc_number = d.doc_number WHERE coalesce(d.doc_number, '') <> ''
    UNION ALL
    SELECT d.standard, d.body, p.family_id, d.declared
    FROM d JOIN pat p ON p.app_number = d.app_number
    WHERE coalesce(d.doc_number, '') = '' AND coalesce(d.app_number, '') <> ''
)
SELECT standard, min(body) AS body, family_id, min(declared) AS declared
FROM linked JOIN fam USING (family_id) GROUP BY standard, family_id;

-- name: standards_records
-- The rows of the declaration lists in the lake. With none, every figure of standards_summary is 0
-- and the macro does not run it: its matching reads every publication of the lake (2.6–4.0 s in
-- eight landscapes at 10M families, for a lake without declarations).
SELECT count(*) AS n FROM standards;

-- name: standards_summary
-- The declarations as a whole: records (one per list row), rows (one per declared standard),
-- standards, blanket records, records naming a number or application, those whose publication
-- the lake holds (matched) and not (unmatched), families declared in the lake and in scope.
WITH r AS (
    SELECT source_file, source_record, any_value(doc_number) AS doc_number, any_value(app_number) AS app_number,
           bool_or(coalesce(blanket, false)) AS blanket
    FROM standards GROUP BY source_file, source_record
), m AS (
    SELECT r.*, coalesce(r.doc_number, '') <> '' AND EXISTS (SELECT 1 FROM pat p WHERE p.doc_number = r.doc_number)
               OR coalesce(r.doc_number, '') = '' AND coalesce(r.app_number, '') <> '' AND EXISTS (SELECT 1 FROM pat p WHERE p.app_number = r.app_number) AS matched
    FROM r
), fams AS (
    SELECT DISTINCT p.family_id FROM standards s JOIN pat p ON p.doc_number = s.doc_number
    WHERE coalesce(s.doc_number, '') <> '' AND NOT coalesce(s.blanket, false)
    UNION
    SELECT DISTINCT p.family_id FROM standards s JOIN pat p ON p.app_number = s.app_number
    WHERE coalesce(s.doc_number, '') = '' AND coalesce(s.app_number, '') <> '' AND NOT coalesce(s.blanket, false)
)
SELECT (SELECT count(*) FROM m) AS records,
       (SELECT count(*) FROM standards) AS rows,
       (SELECT count(DISTINCT standard) FROM standards) AS standards,
       (SELECT count(*) FROM m WHERE blanket) AS blanket,
       (SELECT count(*) FROM m WHERE NOT blanket AND (coalesce(doc_number, '') <> '' OR coalesce(app_number, '') <> '')) AS named,
       (SELECT count(*) FROM m WHERE NOT blanket AND matched) AS matched,
       (SELECT count(*) FROM m WHERE NOT blanket AND NOT matched AND (coalesce(doc_number, '') <> '' OR coalesce(app_number, '') <> '')) AS unmatched,
       (SELECT count(*) FROM fams) AS lake_families,
       (SELECT count(DISTINCT family_id) FROM std_fam) AS scope_families,
       (SELECT count(DISTINCT standard) FROM std_fam) AS scope_standards;

-- name: standards_by_standard
-- Per standard: the declared families in scope, those with an applicant in the region
-- (region_fam), and those with an enterprise applicant in the region (bound: country, province,
-- province, city, city), the first declaration date.
WITH ent AS (
    SELECT DISTINCT family_id FROM fam_app
    WHERE kind = 'enterprise' AND country = ? AND (? = '' OR province = ?) AND (? = '' OR city = ?)
)
SELECT standard, min(body) AS body, count(*) AS families,
       count(*) FILTER (WHERE family_id IN (SELECT family_id FROM region_fam)) AS region,
       count(*) FILTER (WHERE family_id IN (SELECT family_id FROM ent)) AS region_enterprises,
       min(declared) AS first_declared
FROM std_fam GROUP BY standard ORDER BY families DESC, standard;

-- name: standards_by_applicant
-- Declared families in scope per applicant (whole counting: a family counts once for each of its
-- applicants), with the standards it declares to and whether the applicant is in the region
-- (bound as in standards_by_standard).
SELECT a.name, count(DISTINCT s.family_id) AS families, count(DISTINCT s.standard) AS standards,
       bool_or(a.country = ? AND (? = '' OR a.province = ?) AND (? = '' OR a.city = ?)) AS region,
       min(coalesce(a.kind, 'unknown')) AS kind
FROM std_fam s JOIN fam_app a USING (family_id)
GROUP BY a.name ORDER BY families DESC, a.name;

-- name: standards_by_branch
-- Declared families in scope per technology branch (a family counts once in each of its
-- branches), and the standards they are declared to.
SELECT fb.branch_id, count(DISTINCT s.family_id) AS families, count(DISTINCT s.standard) AS standards
FROM std_fam s JOIN fam_branch fb USING (family_id)
GROUP BY fb.branch_id ORDER BY families DESC, fb.branch_id;

-- name: standards_applicant_families
-- The declared families in scope of the applicants named (bound: a list of applicant keys), one
-- row per standard, family and applicant: an enterprise's share counts its families once
-- whichever of its names holds them.
SELECT s.standard, s.family_id, a.name
FROM std_fam s JOIN fam_app a USING (family_id)
WHERE list_contains(?::VARCHAR[], a.name)
ORDER BY 1, 2, 3;

-- name: standards_declarations
-- Every declaration naming a publication of a family in scope, with its family's applicants:
-- what the bulletin compares from run to run (a declaration is its list row: file, record).
SELECT DISTINCT s.standard, coalesce(s.body, '') AS body, coalesce(s.pub_number, s.app_number, '') AS number,
       coalesce(s.owner, '') AS owner, s.declared, coalesce(s.commitment, 'unknown') AS commitment, f.family_id,
       (SELECT list(DISTINCT a.name ORDER BY a.name) FROM fam_app a WHERE a.family_id = f.family_id) AS applicants
FROM standards s
JOIN pat p ON (coalesce(s.doc_number, '') <> '' AND p.doc_number = s.doc_number)
JOIN fam f ON f.family_id = p.family_id
WHERE NOT coalesce(s.blanket, false)
ORDER BY 1, 3, 7;

-- name: standards_new_declarations
-- Declarations ingested after a lake version (bound; '' lists every one) that name a publication
-- of a family in scope, one row per such family and each of its applicants whose country is
-- known and not the domestic one (bound): the competitors' new declarations (the bulletin).
SELECT DISTINCT s.standard, a.name AS applicant, a.country, f.family_id, max(s.declared) OVER (PARTITION BY s.standard, a.name) AS last_declared
FROM standards s
JOIN pat p ON p.doc_number = s.doc_number
JOIN fam f ON f.family_id = p.family_id
JOIN fam_app a ON a.family_id = f.family_id
WHERE coalesce(s.doc_number, '') <> '' AND NOT coalesce(s.blanket, false) AND s.ingest_id > ?
  AND a.country IS NOT NULL AND a.country <> ?
ORDER BY 1, 2, 4;
