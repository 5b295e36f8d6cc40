package analysis

import "time"

// Row types and queries of patent value and operation (sql/value).

// ValueFamilyRow is one family in scope with its raw value factors (see value_families).
type ValueFamilyRow struct {
	FamilyID     string     `db:"family_id"`
	RepPub       string     `db:"rep_pub"`
	Title        string     `db:"title"`
	Year         *int       `db:"py"`
	Status       string     `db:"status"`
	Invention    bool       `db:"invention"`
	Expiry       *time.Time `db:"expiry"`
	ExpiryStated bool       `db:"expiry_stated"`
	Offices      int        `db:"n_offices"`
	PCT          bool       `db:"pct"`
	Cited        *int       `db:"cited"`
	Claims       *int       `db:"claims"`
	Ops          int        `db:"ops"`
	OpsKnown     bool       `db:"ops_known"`
	Litigation   *int       `db:"litigation"`
	Invalidated  bool       `db:"invalidated"`
	Applicants   []string   `db:"applicants"`
	Kinds        []string   `db:"kinds"`
	Region       bool       `db:"region"`
	Branches     []string   `db:"branches"`
}

// ValueOperationRow counts families with an operation event in a year, region and industry.
type ValueOperationRow struct {
	Measure  string `db:"measure"`
	Year     int    `db:"year"`
	Industry int    `db:"industry"`
	Region   int    `db:"region"`
}

// The value queries; both take the region as (country, province, province, city, city).
var (
	ValueFamilies       = NewQuery[ValueFamilyRow]("value_families")
	ValueOperationYears = NewQuery[ValueOperationRow]("value_operation_years")
)
