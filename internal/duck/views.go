package duck

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/lake"
)

// The views over the lake's part files (docs/schema.md, "Observations over time"):
//
//   - patents_stored: each publication's stored occurrence (its first complete one) as its source
//     said it on the day it was exported;
//   - observations: every dated observation of a publication's changeable facts
//     (lake.ObservedColumns): the stored occurrences' own, then those of later occurrences (the
//     observations parts; lakes of schema version 1: their enrichments);
//   - patents: each publication as it stands now (or at Options.AsOf): the stored row with each
//     changeable column replaced by its latest non-empty observation, so an export that leaves a
//     field empty does not erase it;
//   - changes: one row per change of a changeable column between two observations of a
//     publication (old and new value, observed date, source file, ingest).
//
// Observations are ordered by their observed date, then ingest id, source file and record: the
// latest is the last in that order. When AsOf is set, only observations dated on or before it
// count, a publication first observed after it is not in the lake, and neither are its rows in
// the other tables nor legal events dated after it.

// observedCols are the changeable columns as they appear in the observations view, with the SQL
// type a missing one takes.
var observedCols = []struct{ name, typ string }{
	{"legal_status", "VARCHAR"}, {"legal_status_raw", "VARCHAR"}, {"current_owner", "VARCHAR"},
	{"transfer_count", "INTEGER"}, {"last_transfer_date", "DATE"}, {"licence_count", "INTEGER"},
	{"last_licence_date", "DATE"}, {"pledge_count", "INTEGER"}, {"last_pledge_date", "DATE"},
	{"invalidated", "BOOLEAN"}, {"invalidation_raw", "VARCHAR"}, {"expiry_date", "DATE"},
	{"cited_by_count", "INTEGER"}, {"family_size", "INTEGER"}, {"claims_count", "INTEGER"},
	{"litigation_count", "INTEGER"}, {"applicant_address", "VARCHAR"}, {"applicant_country", "VARCHAR"},
	{"applicant_province", "VARCHAR"}, {"applicant_city", "VARCHAR"}, {"grant_date", "DATE"}, {"granted", "BOOLEAN"},
	{"owner_address", "VARCHAR"}, {"owner_country", "VARCHAR"},
}

// ownerCols are observed columns that are not patents columns: the first current owner's
// stated place (parties.address and parties.country of role owner, seq 1, in a stored
// occurrence).
var ownerCols = map[string]string{"owner_address": "address", "owner_country": "country"}

// obsKey orders a publication's observations: by the day observed, then the ingest, the file and
// the record within it (the latest is the largest).
const obsKey = "strftime(coalesce(observed, DATE '1970-01-01'), '%Y%m%d') || ingest_id || source_file || lpad(source_record::VARCHAR, 10, '0')"

// latestSQL selects from src, rows shaped as the observations view's, each publication's latest
// observation of every column: its latest non-empty value (obsKey), the latest day observed.
func latestSQL(src string) string {
	var aggs []string
	for _, c := range observedCols {
		aggs = append(aggs, fmt.Sprintf("arg_max(%[1]s, k) FILTER (WHERE %[1]s IS NOT NULL) AS %[1]s", c.name))
	}
	for _, c := range attachedCols {
		aggs = append(aggs, fmt.Sprintf("arg_max(%[1]s, k) FILTER (WHERE %[1]s IS NOT NULL) AS %[1]s", c))
	}
	return fmt.Sprintf("SELECT pub_number, max(observed) AS observed, %s\nFROM (SELECT *, %s AS k FROM %s) GROUP BY pub_number",
		strings.Join(aggs, ", "), obsKey, src)
}

// attachedCols are texts an observation may attach (an OPS claims response): they fill a stored
// publication's empty column and are not changes.
var attachedCols = []string{"claims", "abstract"}

type viewStmt struct{ table, sql string }

// viewStatements returns the statements that define the lake's views for opts. aliases says
// whether pub_aliases (created by one of the statements, the same whatever aliases is) may have
// rows: without, the views skip the joins that read aliases as their twins.
func viewStatements(l *lake.Lake, opts Options, aliases bool) []viewStmt {
	var out []viewStmt
	add := func(table, format string, args ...any) {
		out = append(out, viewStmt{table, fmt.Sprintf(format, args...)})
	}
	src := func(t string) string {
		files := l.FilesUpTo(t, opts.Version)
		if len(files) == 0 {
			return ""
		}
		q := make([]string, len(files))
		for i, f := range files {
			q[i] = quote(f)
		}
		// hive_partitioning off: the parts of an ingest by year sit in py=<year> folders, and
		// DuckDB would otherwise add the folder's py as a column of the table.
		return fmt.Sprintf("read_parquet([%s], union_by_name=true, hive_partitioning=false)", strings.Join(q, ", "))
	}
	asOf := !opts.AsOf.IsZero()
	cut := "DATE " + quote(opts.AsOf.UTC().Format("2006-01-02"))

	// The day each ingest was committed: the observed date of rows written before inputs had one.
	days := map[string]string{}
	for _, in := range l.Manifest().Inputs {
		d := in.At.UTC().Format("2006-01-02")
		if cur, ok := days[in.Ingest]; !ok || d < cur {
			days[in.Ingest] = d
		}
	}
	var vals []string
	for id, d := range days {
		vals = append(vals, fmt.Sprintf("(%s, DATE %s)", quote(id), quote(d)))
	}
	sort.Strings(vals)
	if len(vals) == 0 {
		vals = []string{"(NULL::VARCHAR, NULL::DATE)"}
	}
	add("lake_ingests", "CREATE TEMP TABLE lake_ingests AS SELECT * FROM (VALUES %s) t(ingest_id, day) WHERE ingest_id IS NOT NULL", strings.Join(vals, ", "))

	pat := src(lake.TPatents)
	if pat == "" {
		return out // nothing was ever committed to patents: no views at all, as before
	}
	// Columns the parts may lack: a lake whose parts all predate designated_states shows it
	// NULL; parts written before granted say it by their grant date alone.
	var extra []string
	if hasDS, _ := l.HasColumn(lake.TPatents, "designated_states", opts.Version); !hasDS {
		extra = append(extra, "NULL::VARCHAR[] AS designated_states")
	}
	partsSel := "*"
	if ok, _ := l.HasColumn(lake.TPatents, "granted", opts.Version); ok {
		partsSel = "* REPLACE (coalesce(granted, grant_date IS NOT NULL) AS granted)"
	} else {
		extra = append(extra, "grant_date IS NOT NULL AS granted")
	}
	if len(extra) > 0 {
		partsSel += ", " + strings.Join(extra, ", ")
	}
	add("patents_parts", "CREATE VIEW patents_parts AS SELECT %s FROM %s", partsSel, pat)
	hasObserved, _ := l.HasColumn(lake.TPatents, "observed", opts.Version)

	// pub_aliases: a publication stored without its kind code (a PATENTSCOPE number) whose twin
	// with a kind was stored by a later ingest is that twin, as it would have been had the
	// kinded one come first (ingest then renames the kindless record: a duplicate). The twin is
	// the first stored of lake.ProbeKinds, the order ingest probes; under AsOf only a twin
	// observed by the cut-off counts. Every view below reads an alias as its twin: its stored
	// row is an occurrence (provenance) and an observation of the twin, its citations and legal
	// events are the twin's, its parties, classifications and priorities are dropped (those of a
	// duplicate are), and the two family ids are linked.
	var ranks []string
	for i, k := range lake.ProbeKinds {
		ranks = append(ranks, fmt.Sprintf("('%s', %d)", k, i))
	}
	twinSeen := ""
	if asOf {
		seen := "i.day"
		if hasObserved {
			seen = "coalesce(w.observed, i.day)"
		}
		twinSeen = fmt.Sprintf(" LEFT JOIN lake_ingests i ON i.ingest_id = w.ingest_id WHERE %s <= %s", seen, cut)
	}
	add("pub_aliases", `CREATE TEMP TABLE pub_aliases AS
SELECT k.pub_number AS alias, any_value(k.family_id) AS alias_family, arg_min(w.pub_number, w.rank) AS pub_number,
       arg_min(w.family_id, w.rank) AS family_id, greatest(any_value(k.ingest_id), arg_min(w.ingest_id, w.rank)) AS ingest_id
FROM (SELECT pub_number, family_id, ingest_id FROM patents_parts WHERE kind IS NULL OR kind = '') k
JOIN (SELECT w.pub_number, w.doc_number, w.family_id, w.ingest_id, r.rank FROM patents_parts w
      JOIN (VALUES %s) r(kind, rank) ON r.kind = w.kind%s) w ON w.doc_number = k.pub_number
GROUP BY k.pub_number`, strings.Join(ranks, ", "), twinSeen)
	notAlias := func(col string) string {
		return fmt.Sprintf("%s NOT IN (SELECT alias FROM pub_aliases)", col)
	}
	if aliases {
		add("patents_stored", "CREATE VIEW patents_stored AS SELECT * FROM patents_parts WHERE %s", notAlias("pub_number"))
	} else {
		add("patents_stored", "CREATE VIEW patents_stored AS SELECT * FROM patents_parts")
	}

	// observations
	storedObserved := "NULL::DATE"
	if hasObserved {
		storedObserved = "p.observed"
	}
	parties := src(lake.TParties)
	var sel []string
	for _, c := range observedCols {
		switch c.name {
		case "legal_status":
			sel = append(sel, "nullif(p.legal_status, 'unknown') AS legal_status")
		case "invalidated":
			sel = append(sel, "CASE WHEN p.invalidated THEN true END AS invalidated")
		case "granted":
			sel = append(sel, "CASE WHEN p.granted THEN true END AS granted")
		case "applicant_address":
			if parties != "" {
				sel = append(sel, "a.address AS applicant_address")
			} else {
				sel = append(sel, "NULL::VARCHAR AS applicant_address")
			}
		case "owner_address", "owner_country":
			if parties != "" {
				sel = append(sel, fmt.Sprintf("ow.%s AS %s", ownerCols[c.name], c.name))
			} else {
				sel = append(sel, fmt.Sprintf("NULL::VARCHAR AS %s", c.name))
			}
		default:
			sel = append(sel, "p."+c.name)
		}
	}
	// storedObs is the stored rows' branch of the observations; with keys (a table of
	// publication numbers) only theirs, each side of its joins restricted before the join.
	storedObs := func(keys string) string {
		from, only := "patents_stored", ""
		if keys != "" {
			in := "pub_number IN (SELECT pub_number FROM " + keys + ")"
			from, only = "(SELECT * FROM patents_stored WHERE "+in+")", " AND "+in
		}
		b := fmt.Sprintf("SELECT p.pub_number, p.source, p.source_file, p.source_record, p.ingest_id, %s AS observed, %s, NULL::VARCHAR AS claims, NULL::VARCHAR AS abstract FROM %s p",
			storedObserved, strings.Join(sel, ", "), from)
		if parties != "" {
			b += fmt.Sprintf(" LEFT JOIN (SELECT pub_number, address FROM %s WHERE role = 'applicant' AND seq = 1%s) a ON a.pub_number = p.pub_number", parties, only)
			b += fmt.Sprintf(" LEFT JOIN (SELECT pub_number, address, country FROM %s WHERE role = 'owner' AND seq = 1%s) ow ON ow.pub_number = p.pub_number", parties, only)
		}
		return b
	}
	// An alias's stored row observes its twin as a duplicate occurrence would (lake.Observation):
	// the legal status only when known, the applicant's country only with a place, and only
	// when it says anything.
	var aliasSel []string
	useful := []string{}
	for _, c := range observedCols {
		switch c.name {
		case "legal_status":
			aliasSel = append(aliasSel, "nullif(p.legal_status, 'unknown') AS legal_status")
		case "legal_status_raw":
			aliasSel = append(aliasSel, "CASE WHEN nullif(p.legal_status, 'unknown') IS NOT NULL THEN p.legal_status_raw END AS legal_status_raw")
		case "invalidated":
			aliasSel = append(aliasSel, "CASE WHEN p.invalidated THEN true END AS invalidated")
		case "granted":
			aliasSel = append(aliasSel, "CASE WHEN p.granted THEN true END AS granted")
		case "applicant_address":
			if parties != "" {
				aliasSel = append(aliasSel, "a.address AS applicant_address")
			} else {
				aliasSel = append(aliasSel, "NULL::VARCHAR AS applicant_address")
			}
		case "applicant_country":
			place := "p.applicant_province IS NOT NULL OR p.applicant_city IS NOT NULL"
			if parties != "" {
				place += " OR a.address IS NOT NULL OR a.province IS NOT NULL"
			}
			aliasSel = append(aliasSel, fmt.Sprintf("CASE WHEN %s THEN p.applicant_country END AS applicant_country", place))
		case "owner_address", "owner_country":
			if parties != "" {
				aliasSel = append(aliasSel, fmt.Sprintf("ow.%s AS %s", ownerCols[c.name], c.name))
			} else {
				aliasSel = append(aliasSel, fmt.Sprintf("NULL::VARCHAR AS %s", c.name))
			}
		default:
			aliasSel = append(aliasSel, "p."+c.name)
		}
		if c.name != "legal_status_raw" && c.name != "applicant_country" {
			useful = append(useful, c.name+" IS NOT NULL")
		}
	}
	aliasObs := fmt.Sprintf("SELECT x.pub_number, p.source, p.source_file, p.source_record, p.ingest_id, %s AS observed, %s, NULL::VARCHAR AS claims, NULL::VARCHAR AS abstract FROM patents_parts p JOIN pub_aliases x ON x.alias = p.pub_number",
		storedObserved, strings.Join(aliasSel, ", "))
	if parties != "" {
		aliasObs += fmt.Sprintf(" LEFT JOIN (SELECT pub_number, address, province FROM %s WHERE role = 'applicant' AND seq = 1) a ON a.pub_number = p.pub_number", parties)
		aliasObs += fmt.Sprintf(" LEFT JOIN (SELECT pub_number, address, country FROM %s WHERE role = 'owner' AND seq = 1) ow ON ow.pub_number = p.pub_number", parties)
	}
	aliasObs = "SELECT * FROM (" + aliasObs + ") WHERE " + strings.Join(useful, " OR ")
	branches := []string{storedObs("")}
	var reobserved []string // the sources of publications observed more than once
	if aliases {
		branches = append(branches, aliasObs)
		reobserved = append(reobserved, "SELECT pub_number FROM pub_aliases")
	}
	// Observation parts written before the grant columns have neither.
	obsGrant, _ := l.HasColumn(lake.TObservations, "granted", opts.Version)
	obsOwner, _ := l.HasColumn(lake.TObservations, "owner_country", opts.Version)
	obsCols := func(legacy bool) string {
		var c []string
		for _, x := range observedCols {
			missing := legacy && (x.name == "family_size" || x.name == "litigation_count" || x.name == "invalidation_raw" || x.name == "applicant_address")
			if (legacy || !obsGrant) && (x.name == "grant_date" || x.name == "granted") {
				missing = true
			}
			if (legacy || !obsOwner) && ownerCols[x.name] != "" {
				missing = true
			}
			switch {
			case missing:
				c = append(c, fmt.Sprintf("NULL::%s AS %s", x.typ, x.name))
			case x.name == "invalidated":
				c = append(c, "CASE WHEN invalidated THEN true END AS invalidated")
			case x.name == "granted":
				c = append(c, "CASE WHEN granted THEN true END AS granted")
			case x.name == "legal_status":
				c = append(c, "nullif(legal_status, 'unknown') AS legal_status")
			default:
				c = append(c, fmt.Sprintf("%s::%s AS %s", x.name, x.typ, x.name))
			}
		}
		return strings.Join(c, ", ")
	}
	if o := src(lake.TObservations); o != "" {
		add("observation_parts", "CREATE VIEW observation_parts AS SELECT * FROM %s", o)
		if aliases {
			branches = append(branches, fmt.Sprintf("SELECT coalesce(x.pub_number, o.pub_number) AS pub_number, source, source_file, source_record, o.ingest_id, observed, %s, claims, abstract FROM observation_parts o LEFT JOIN pub_aliases x ON x.alias = o.pub_number", obsCols(false)))
			reobserved = append(reobserved, "SELECT coalesce(x.pub_number, o.pub_number) FROM observation_parts o LEFT JOIN pub_aliases x ON x.alias = o.pub_number")
		} else {
			branches = append(branches, fmt.Sprintf("SELECT pub_number, source, source_file, source_record, ingest_id, observed, %s, claims, abstract FROM observation_parts", obsCols(false)))
			reobserved = append(reobserved, "SELECT pub_number FROM observation_parts")
		}
	}
	if e := src(lake.TEnrichments); e != "" {
		add("enrichments", "CREATE VIEW enrichments AS SELECT * FROM %s", e)
		branches = append(branches, fmt.Sprintf("SELECT pub_number, source, source_file, 0 AS source_record, ingest_id, NULL::DATE AS observed, %s, NULL::VARCHAR AS claims, NULL::VARCHAR AS abstract FROM enrichments", obsCols(true)))
		reobserved = append(reobserved, "SELECT pub_number FROM enrichments")
	}
	where := ""
	if asOf {
		where = " WHERE coalesce(o.observed, i.day) <= " + cut
	}
	var obsNames []string
	for _, c := range observedCols {
		obsNames = append(obsNames, "o."+c.name)
	}
	observations := func(branches []string) string {
		return fmt.Sprintf(`SELECT o.pub_number, o.source, o.source_file, o.source_record, o.ingest_id, coalesce(o.observed, i.day) AS observed, %s, o.claims, o.abstract
FROM (%s) o LEFT JOIN lake_ingests i USING (ingest_id)%s`, strings.Join(obsNames, ", "), strings.Join(branches, "\nUNION ALL\n"), where)
	}
	add("observations", "CREATE VIEW observations AS\n%s", observations(branches))
	// reobservations: the observations of the publications observed more than once (obs_keys),
	// the only ones that can have changed; the stored rows' branch is restricted to them before
	// its joins with the parties. (A filter on the observations view applies after the joins, to
	// every stored row: at 10M families obs_latest took 11.1 s for 8,355 publications observed twice,
	// 5.2 s so.)
	if len(reobserved) > 0 {
		add("obs_keys", "CREATE TEMP TABLE obs_keys AS %s", strings.Join(reobserved, " UNION "))
		add("reobservations", "CREATE VIEW reobservations AS\n%s",
			observations(append([]string{storedObs("obs_keys")}, branches[1:]...)))
	} else {
		add("reobservations", "CREATE VIEW reobservations AS SELECT * FROM observations WHERE false")
	}

	// The latest observation of each column: under AsOf of every publication observed by the
	// cut-off; else of the publications observed more than once (every other publication stands
	// as stored).
	merged := asOf || len(reobserved) > 0
	if merged {
		src := "reobservations"
		if asOf {
			src = "observations"
		}
		add("obs_latest", "CREATE TEMP TABLE obs_latest AS %s", latestSQL(src))
		var repl []string
		for _, c := range observedCols {
			switch c.name {
			case "applicant_address", "owner_address", "owner_country":
				continue // not patents columns (parties.address, parties.country)
			case "legal_status":
				repl = append(repl, "CASE WHEN o.pub_number IS NULL THEN p.legal_status ELSE coalesce(o.legal_status, 'unknown') END AS legal_status")
			case "invalidated":
				repl = append(repl, "CASE WHEN o.pub_number IS NULL THEN p.invalidated ELSE coalesce(o.invalidated, false) END AS invalidated")
			case "granted":
				repl = append(repl, "CASE WHEN o.pub_number IS NULL THEN p.granted ELSE coalesce(o.granted, false) END AS granted")
			default:
				repl = append(repl, fmt.Sprintf("CASE WHEN o.pub_number IS NULL THEN p.%[1]s ELSE o.%[1]s END AS %[1]s", c.name))
			}
		}
		for _, c := range attachedCols {
			repl = append(repl, fmt.Sprintf("coalesce(p.%[1]s, o.%[1]s) AS %[1]s", c))
		}
		if hasObserved {
			repl = append(repl, "coalesce(o.observed, p.observed) AS observed")
		}
		join, w := "LEFT JOIN", ""
		if asOf {
			join = "JOIN" // a publication not yet observed at the cut-off is not there
		}
		add("patents", "CREATE VIEW patents AS SELECT p.* REPLACE (%s) FROM patents_stored p %s obs_latest o ON o.pub_number = p.pub_number%s",
			strings.Join(repl, ", "), join, w)
	} else {
		add("patents", "CREATE VIEW patents AS SELECT * FROM patents_stored")
	}

	// changes: each column's value against the previous non-empty one, after a publication's
	// first observation.
	var casts []string
	for _, c := range observedCols {
		casts = append(casts, fmt.Sprintf("%[1]s::VARCHAR AS %[1]s", c.name))
	}
	add("changes", `CREATE VIEW changes AS
WITH u AS (
    UNPIVOT (SELECT pub_number, observed, ingest_id, source_file, source_record, %s FROM reobservations)
    ON COLUMNS(* EXCLUDE (pub_number, observed, ingest_id, source_file, source_record)) INTO NAME field VALUE value
), k AS (
    SELECT *, %s AS k FROM u
), w AS (
    SELECT *, lag(value) OVER (PARTITION BY pub_number, field ORDER BY k) AS old_value,
           min(k) OVER (PARTITION BY pub_number) AS first_k
    FROM k
)
SELECT pub_number, field, old_value, value AS new_value, observed, source_file, ingest_id
FROM w WHERE k > first_k AND old_value IS DISTINCT FROM value`, strings.Join(casts, ", "), obsKey)

	// The other tables; under AsOf restricted to the publications there are at the cut-off.
	visible := func(col string) string {
		if !asOf {
			return ""
		}
		return fmt.Sprintf(" WHERE %s IN (SELECT pub_number FROM obs_latest)", col)
	}
	for _, t := range []string{lake.TParties, lake.TClassifications, lake.TCitations, lake.TPriorities, lake.TLegalEvents,
		lake.TProvenance, lake.TQuarantine, lake.TFamilyLinks} {
		s := src(t)
		if s == "" {
			continue
		}
		// and: visible's condition joined to another with AND.
		and := func(vis, cond string) string {
			if vis == "" {
				return " WHERE " + cond
			}
			return vis + " AND " + cond
		}
		if !aliases {
			// No alias in the lake: each table as its parts hold it.
			switch t {
			case lake.TCitations:
				add(t, "CREATE VIEW %s AS SELECT DISTINCT * FROM %s%s", t, s, visible("citing"))
				add("citation_rows", "CREATE VIEW citation_rows AS SELECT * FROM %s%s", s, visible("citing"))
			case lake.TLegalEvents:
				w := visible("pub_number")
				if asOf {
					w += " AND (date IS NULL OR date <= " + cut + ")"
				}
				add(t, "CREATE VIEW %s AS SELECT DISTINCT * FROM %s%s", t, s, w)
			case lake.TProvenance:
				w := " WHERE NOT stored"
				if asOf {
					w += " AND pub_number IN (SELECT pub_number FROM obs_latest)"
				}
				add(t, `CREATE VIEW %s AS
SELECT pub_number, source, source_file, source_record, ingest_id, true AS stored FROM patents
UNION ALL
SELECT pub_number, source, source_file, source_record, ingest_id, false AS stored FROM %s%s`, t, s, w)
			case lake.TQuarantine:
				add(t, "CREATE VIEW %s AS SELECT * FROM %s", t, s)
			default:
				add(t, "CREATE VIEW %s AS SELECT * FROM %s%s", t, s, visible("pub_number"))
			}
			continue
		}
		switch t {
		case lake.TCitations:
			// Several sources may report the same citation of one publication. citation_rows
			// keeps the repeats: a query whose answer does not depend on them (an existence
			// test, a DISTINCT count) reads it and skips the hash over every column and row of
			// the citations that the DISTINCT of the citations view costs. An alias's citations
			// are its twin's.
			rows := fmt.Sprintf("(SELECT c.* REPLACE (coalesce(x.pub_number, c.citing) AS citing) FROM %s c LEFT JOIN pub_aliases x ON x.alias = c.citing)", s)
			add(t, "CREATE VIEW %s AS SELECT DISTINCT * FROM %s%s", t, rows, visible("citing"))
			add("citation_rows", "CREATE VIEW citation_rows AS SELECT * FROM %s%s", rows, visible("citing"))
		case lake.TLegalEvents:
			// The same event reported by two files is one event; distinct events (another state,
			// effect or text) stay distinct. An alias's events are its twin's.
			w := visible("pub_number")
			if asOf {
				w += " AND (date IS NULL OR date <= " + cut + ")"
			}
			rows := fmt.Sprintf("(SELECT e.* REPLACE (coalesce(x.pub_number, e.pub_number) AS pub_number) FROM %s e LEFT JOIN pub_aliases x ON x.alias = e.pub_number)", s)
			add(t, "CREATE VIEW %s AS SELECT DISTINCT * FROM %s%s", t, rows, w)
		case lake.TProvenance:
			// The stored occurrence of each publication is its patents row; the provenance parts
			// hold the occurrences that were not stored (lakes written before this layout hold
			// the stored ones too, marked stored, and those rows are left to patents). An
			// alias's stored row is an occurrence of its twin.
			w := " WHERE NOT stored"
			if asOf {
				w += " AND pub_number IN (SELECT pub_number FROM obs_latest)"
			}
			add(t, `CREATE VIEW %s AS
SELECT pub_number, source, source_file, source_record, ingest_id, true AS stored FROM patents
UNION ALL
SELECT * FROM (
    SELECT coalesce(x.pub_number, v.pub_number) AS pub_number, v.source, v.source_file, v.source_record, v.ingest_id, false AS stored
    FROM %s v LEFT JOIN pub_aliases x ON x.alias = v.pub_number WHERE NOT v.stored
    UNION ALL
    SELECT x.pub_number, p.source, p.source_file, p.source_record, p.ingest_id, false FROM patents_parts p JOIN pub_aliases x ON x.alias = p.pub_number
)%s`, t, s, strings.Replace(w, " WHERE NOT stored", " WHERE true", 1))
		case lake.TQuarantine:
			add(t, "CREATE VIEW %s AS SELECT * FROM %s", t, s)
		case lake.TFamilyLinks:
			// The family an alias was stored under and its twin's are one family.
			add(t, `CREATE VIEW %s AS
SELECT * FROM (
    SELECT l.family_id, l.linked_family_id, coalesce(x.pub_number, l.pub_number) AS pub_number, l.ingest_id
    FROM %s l LEFT JOIN pub_aliases x ON x.alias = l.pub_number
    UNION ALL
    SELECT family_id, alias_family, pub_number, ingest_id FROM pub_aliases
    WHERE alias_family IS DISTINCT FROM family_id AND coalesce(alias_family, '') <> ''
)%s`, t, s, visible("pub_number"))
		default:
			// parties, classifications, priorities: an alias's are dropped, as a duplicate's are.
			add(t, "CREATE VIEW %s AS SELECT * FROM %s%s", t, s, and(visible("pub_number"), notAlias("pub_number")))
		}
	}
	// standards: the SEP declarations (lakes before schema version 3 have none: an empty view of
	// the same columns). Under AsOf, the declarations ingested on or before the cut-off.
	cols := "pub_number, doc_number, app_number, body, standard, project, generation, owner, declared, commitment, commitment_raw, blanket, layout, reference, source, source_file, source_record, ingest_id"
	if s := src(lake.TStandards); s != "" {
		w := ""
		if asOf {
			w = " WHERE ingest_id IN (SELECT ingest_id FROM lake_ingests WHERE day <= " + cut + ")"
		}
		add(lake.TStandards, "CREATE VIEW standards AS SELECT %s FROM %s%s", cols, s, w)
	} else {
		add(lake.TStandards, `CREATE VIEW standards AS SELECT * FROM (VALUES (NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR,
NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::DATE, NULL::VARCHAR, NULL::VARCHAR,
NULL::BOOLEAN, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::INTEGER, NULL::VARCHAR)) t(%s) WHERE false`, cols)
	}
	return out
}

// DateOf parses a YYYY-MM-DD date (the form of --as-of and of run manifests).
func DateOf(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }
