package duck

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// HistoryEntry is one line of a publication's history: an observation of it (what a source said
// on the day it was exported), a change between two observations, or a legal event.
type HistoryEntry struct {
	Date       time.Time // the observation's export day, or the event's date (zero: undated)
	Kind       string    // "observed", "changed" or "event"
	SourceFile string    // the file of the observation or change ("" for a legal event)
	Ingest     string
	Text       string // what was observed, changed (field: old → new) or happened (code, state, effect, description)
}

// History returns a publication's observations, changes and legal events in time order
// (undated events last; within a day: observations, then changes, then events).
func (d *DB) History(ctx context.Context, pub string) ([]HistoryEntry, error) {
	var out []HistoryEntry
	var fields []string
	for _, c := range observedCols {
		fields = append(fields, fmt.Sprintf("CASE WHEN %[1]s IS NOT NULL THEN '%[1]s=' || %[1]s::VARCHAR END", c.name))
	}
	q := fmt.Sprintf(`SELECT observed, source_file, ingest_id, concat_ws(', ', %s) FROM observations WHERE pub_number = ?
ORDER BY observed, ingest_id, source_file, source_record`, strings.Join(fields, ", "))
	run := func(kind, q string) error {
		res, err := d.Query(ctx, q, pub)
		if err != nil {
			return err
		}
		for _, r := range res.Rows {
			e := HistoryEntry{Kind: kind}
			if t, ok := r[0].(time.Time); ok {
				e.Date = t
			}
			e.SourceFile, _ = r[1].(string)
			e.Ingest, _ = r[2].(string)
			e.Text, _ = r[3].(string)
			out = append(out, e)
		}
		return nil
	}
	if err := run("observed", q); err != nil {
		return nil, err
	}
	if err := run("changed", `SELECT observed, source_file, ingest_id, field || ': ' || coalesce(old_value, '∅') || ' → ' || coalesce(new_value, '∅')
FROM changes WHERE pub_number = ? ORDER BY observed, ingest_id, source_file, field`); err != nil {
		return nil, err
	}
	if err := run("event", `SELECT date, '' AS f, '' AS i, concat_ws(' ', code, CASE WHEN state IS NOT NULL THEN '[' || state || ']' END,
    effect, description, CASE WHEN text IS NOT NULL AND text <> description THEN '— ' || text END)
FROM legal_events WHERE pub_number = ? ORDER BY date NULLS LAST, code, state, text`); err != nil {
		return nil, err
	}
	rank := map[string]int{"observed": 0, "changed": 1, "event": 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Date.IsZero() != b.Date.IsZero() {
			return !a.Date.IsZero()
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return rank[a.Kind] < rank[b.Kind]
	})
	return out, nil
}
