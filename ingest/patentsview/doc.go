// Package patentsview reads PatentsView bulk tables (https://patentsview.org/download/data-download-tables):
// the current g_* tables (g_patent, g_application, g_patent_abstract, g_assignee_disambiguated,
// g_inventor_disambiguated, g_location_disambiguated, g_cpc_current, g_ipc_at_issue,
// g_us_patent_citation, g_us_application_citation, g_foreign_citation, g_other_reference,
// g_foreign_priority, g_claims_YYYY …) and the legacy tables (patent, application, rawassignee,
// rawinventor, patent_assignee, patent_inventor, assignee, inventor, location, rawlocation,
// cpc_current, ipcr, uspatentcitation, usapplicationcitation, foreigncitation, otherreference,
// foreign_priority, claims), as .tsv, .csv or .tsv.zip files (a zip is streamed, its first entry
// read).
//
// # Inputs
//
// A FOLDER of tables is one input: Open gets the directory and joins every table it recognises
// (sub-folders are separate inputs and are not entered). A single table file is an input too and
// yields what it holds. Tables are recognised by file name (year suffixes such as
// g_claims_2023 allowed) and, failing that, by their header columns (so renamed samples such as
// raw_inventor_sample.tsv or rawassignee_baseline.csv are read as inventor and assignee tables).
// Files that are not recognised are skipped in a folder and rejected when given alone.
//
// # Records
//
// One record per patent id. Every table with a patent_id column (and the legacy patent table,
// keyed by id) contributes to the record of that id: g_patent/patent give number, kind, dates,
// title, type, claims count and the withdrawn flag; g_application the application number and
// filing date; abstracts and the first claim; assignees (role applicant) and inventors with their
// sequence order and location; CPC and IPC codes (the lowest sequence is the main code); US patent,
// US application and foreign citations (Category is PatentsView's "cited by examiner" / "cited by
// applicant" / "cited by other") and other references (NPL); foreign priority claims.
// patent_date is both PubDate and GrantDate: every PatentsView patent is a grant.
//
// Patent ids become numbers with norm.ParsePub("US"+id, kind): 10000000 + B2 → US10000000B2,
// D800000 + S1 → USD800000S1. When the input has no patent table (or the patent table lacks the
// id) the record is still emitted with what the other tables know: its number then has no kind
// (US10000000), and DocType is guessed from the series prefix (D design, PP plant, digits
// invention). Counts other than num_claims are left unknown (-1): a table may be a sample.
//
// Entity tables without a patent_id column (assignee, inventor, location, rawlocation,
// g_location_disambiguated …) are lookups: they are loaded into maps only when a party table
// refers to them by id without carrying the name or place itself. An input made only of such
// tables yields ZERO records and no error; Reader.Note then says "entity table: used for joins
// only" so the pipeline can report it. Tables with a patent_id column whose content patnav does
// not store (g_wipo_technology, g_uspc_at_issue, g_gov_interest …) are skipped when the input has
// any other patent-keyed table; alone they yield number-only records.
//
// When a folder holds several tables of the same role the best one is used: disambiguated
// assignee/inventor tables over not-disambiguated/raw ones over patent_assignee/patent_inventor
// link tables; g_cpc_current/cpc_current over g_cpc_at_issue.
//
// # Join with bounded memory
//
// The reader is a k-way merge join: every patent-keyed table is streamed, each positioned on its
// smallest unread patent id; a record is assembled from the rows of the smallest id across all
// tables and emitted, so memory holds one patent's rows per table, not the tables. This relies on
// each table being sorted by patent_id in byte order (how the published bulk files are written:
// 10000000 < 3930271 < D… < PP… < RE…). The assumption is checked: a table larger than
// InMemoryLimit is first scanned for order; a table that is out of order (e.g. the legacy
// uspatentcitation, sorted by uuid, or a sample) is sorted externally — in runs of at most
// SortChunkBytes written to one temporary file, merged back with a heap; a small table is simply
// sorted in memory. Rows with equal ids keep their file order. Order is verified again while
// merging; a violation (a file changed under the reader) is a fatal error naming the table, row and
// ids.
//
// # Quirks handled
//
// TSV with every field double-quoted (csv.Reader, tab delimiter, lazy quotes); comma-separated
// .csv tables (delimiter taken from the header line); a stray byte before the first quoted header
// cell (legacy_truncated/patent.tsv begins with `x"id"`); HTML entities in names (&Hcirc;emberg →
// Ĥemberg); inventor names given only as name_full ("First_Last"); the mention_id suffix as
// inventor sequence; US state kept in Party.Address ("City, ST, CC") since Party.Province is for
// Chinese provinces.
//
// Errors: a row with an empty patent_id is a RecordError (ErrBadNumber) for that row of that table;
// a patent id that does not parse, a date that does not parse (patent_date, filing_date, priority
// date) or a num_claims that is not a number rejects the whole patent with a RecordError naming the
// table, its row and the field. A party row with no name at all is skipped (no party to record).
package patentsview
