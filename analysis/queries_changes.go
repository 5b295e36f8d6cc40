package analysis

import (
	"context"
	"time"
)

// ChangeRow is one change of an in-scope publication's observed facts (sql/changes).
type ChangeRow struct {
	PubNumber  string     `db:"pub_number"`
	FamilyID   string     `db:"family_id"`
	Country    string     `db:"country"`
	Applicant  string     `db:"applicant"`
	Field      string     `db:"field"`
	Old        string     `db:"old_value"`
	New        string     `db:"new_value"`
	Observed   *time.Time `db:"observed"`
	SourceFile string     `db:"source_file"`
	Ingest     string     `db:"ingest_id"`
	// The old and new owner's country and address where an observation states them beside the
	// owner (current_owner changes only; "" when not stated).
	OldOwnerCountry string `db:"old_owner_country"`
	OldOwnerAddress string `db:"old_owner_address"`
	NewOwnerCountry string `db:"new_owner_country"`
	NewOwnerAddress string `db:"new_owner_address"`
}

var scopeChanges = NewQuery[ChangeRow]("scope_changes")

// ScopeChanges returns the changes of the publications in scope recorded by ingests after
// s.ChangesSince (every change when it is ""), oldest first.
func ScopeChanges(ctx context.Context, s *Session) ([]ChangeRow, error) {
	return scopeChanges.All(ctx, s, s.ChangesSince)
}
