package landscape

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"unicode"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/geo"
)

// Events a change of a patent's observed facts stands for (PatentChange.Event).
const (
	EventLapsed           = "lapsed"             // alive → lapsed
	EventRefused          = "refused"            // pending → lapsed: refused or withdrawn
	EventGranted          = "granted"            // pending → alive, or a grant shown where none was
	EventRestored         = "restored"           // lapsed → alive
	EventStatus           = "status_changed"     // any other status change
	EventInvalidated      = "invalidated"        // an invalidation is recorded
	EventTransferred      = "transferred"        // new owner, or more transfers recorded
	EventTransferAbroad   = "transferred_abroad" // from a domestic owner to a foreign one
	EventTransferHome     = "transferred_home"   // from a foreign owner to a domestic one
	EventPledged          = "pledged"            // more pledges recorded
	EventLicensed         = "licensed"           // more licences recorded
	EventCountChanged     = "count_changed"      // an operation count went down (a correction)
	EventOwnerFirstStated = "owner_stated"       // an owner stated where none was before
)

// The basis of an owner's country in an owner change (PatentChange.FromBasis, ToBasis).
const (
	OwnerBasisCountry = "country" // the export states the owner's country (a code, a name, a 国省代码)
	OwnerBasisAddress = "address" // told from the owner's address in the export (internal/geo)
	OwnerBasisName    = "name"    // guessed from the script of the name: Han → CN, Latin → foreign
)

// OwnerBases lists the OwnerBasis* codes (the reports word each).
var OwnerBases = []string{OwnerBasisCountry, OwnerBasisAddress, OwnerBasisName}

// PatentChange is a change of a patent in scope between two observations, as evidence: which
// publication, which fact, the old and new values, when the change was observed and in which
// file, and the event it stands for with a level (info / watch / warning).
type PatentChange struct {
	PubNumber  string `json:"pub_number"`
	FamilyID   string `json:"family_id"`
	Applicant  string `json:"applicant"` // the family's first applicant (normalised)
	Country    string `json:"country"`   // the family's origin
	Field      string `json:"field"`     // legal_status, current_owner, transfer_count …
	Old        string `json:"old"`       // "" when the fact was first stated
	New        string `json:"new"`
	Observed   string `json:"observed"` // YYYY-MM-DD: the export day of the file that showed the change
	SourceFile string `json:"source_file"`
	Ingest     string `json:"ingest"`
	Event      string `json:"event"`
	Level      string `json:"level"`
	// An owner change: the old and new owner's country ("XX": foreign, country unknown) and
	// the basis of each (OwnerBasis*); empty when it cannot be told.
	FromCountry string `json:"from_country,omitempty"`
	FromBasis   string `json:"from_basis,omitempty"`
	ToCountry   string `json:"to_country,omitempty"`
	ToBasis     string `json:"to_basis,omitempty"`
}

// Changes turns the change rows of a session into evidence, dropping those that stand for no
// event. domestic is the country whose owners are domestic (a transfer between a domestic and a
// foreign owner is a warning). An owner's country is the one the export states beside the owner
// (its country column, else told from its address), else told from its name: a name in Han
// script is CN, a name in Latin letters only is foreign to a CN zone; other owners are not
// classified. The change says which basis each side's country has.
//
// Levels: a transfer across the border is a warning; a lapse, refusal, invalidation or grant
// (a competitor's pending application becoming enforceable) is watch; other transfers, pledges
// and licences are info.
func Changes(rows []analysis.ChangeRow, domestic string) []PatentChange {
	out := []PatentChange{}
	for _, r := range rows {
		c := PatentChange{PubNumber: r.PubNumber, FamilyID: r.FamilyID, Applicant: r.Applicant, Country: r.Country,
			Field: r.Field, Old: r.Old, New: r.New, SourceFile: r.SourceFile, Ingest: r.Ingest}
		if r.Observed != nil {
			c.Observed = r.Observed.Format("2006-01-02")
		}
		if r.Field == "current_owner" && r.Old != "" {
			c.FromCountry, c.FromBasis = ownerPlace(r.OldOwnerCountry, r.OldOwnerAddress, r.Old)
			c.ToCountry, c.ToBasis = ownerPlace(r.NewOwnerCountry, r.NewOwnerAddress, r.New)
		}
		c.Event, c.Level = classifyChange(r.Field, r.Old, r.New, c.FromCountry, c.ToCountry, domestic)
		if c.Event == "" {
			continue
		}
		out = append(out, c)
	}
	// A grant shows in an export as a legal status going from pending to alive, or (an export
	// without a status column, or whose status did not move) as the grant itself (granted, with
	// its 授权公告号/日): one grant is one event, so the granted row goes when the same
	// observation also moved the status.
	byStatus := map[[3]string]bool{}
	for _, c := range out {
		if c.Field == "legal_status" && c.Event == EventGranted {
			byStatus[[3]string{c.PubNumber, c.Observed, c.SourceFile}] = true
		}
	}
	kept := out[:0]
	for _, c := range out {
		if c.Field == "granted" && byStatus[[3]string{c.PubNumber, c.Observed, c.SourceFile}] {
			continue
		}
		kept = append(kept, c)
	}
	out = kept
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Observed != b.Observed {
			return a.Observed < b.Observed
		}
		if a.PubNumber != b.PubNumber {
			return a.PubNumber < b.PubNumber
		}
		return a.Field < b.Field
	})
	return out
}

// classifyChange gives the event and level of a change; from and to are an owner change's old
// and new owner's countries (ownerPlace).
func classifyChange(field, old, new, from, to, domestic string) (event, level string) {
	switch field {
	case "legal_status":
		switch {
		case old == "alive" && new == "lapsed":
			return EventLapsed, "watch"
		case old == "pending" && new == "lapsed":
			return EventRefused, "watch"
		case old == "pending" && new == "alive":
			return EventGranted, "watch"
		case old == "lapsed" && new == "alive":
			return EventRestored, "watch"
		case old != "" && new != "":
			return EventStatus, "info"
		}
		return "", ""
	case "granted":
		if new == "true" {
			return EventGranted, "watch"
		}
		return "", ""
	case "invalidated":
		if new == "true" {
			return EventInvalidated, "watch"
		}
		return "", ""
	case "current_owner":
		if old == "" {
			return EventOwnerFirstStated, "info"
		}
		switch {
		case domestic != "" && from == domestic && to != "" && to != domestic:
			return EventTransferAbroad, "warning"
		case domestic != "" && to == domestic && from != "" && from != domestic:
			return EventTransferHome, "warning"
		}
		return EventTransferred, "info"
	case "transfer_count", "licence_count", "pledge_count":
		o, errO := strconv.Atoi(old)
		n, errN := strconv.Atoi(new)
		if errN != nil || n == 0 {
			return "", ""
		}
		if errO == nil && n < o {
			return EventCountChanged, "info"
		}
		switch field {
		case "transfer_count":
			return EventTransferred, "info"
		case "licence_count":
			return EventLicensed, "info"
		}
		return EventPledged, "info"
	}
	return "", ""
}

// ownerPlace is an owner's country and its basis: the country stated beside the owner (basis
// address when it is the one its address gives), else the one its address gives, else the
// guess from its name (ownerCountry); "", "" when none tells it.
func ownerPlace(country, address, name string) (string, string) {
	fromAddr := ""
	if address != "" {
		fromAddr, _, _ = geo.FromAddress(address)
	}
	if c := geo.Country(country); c != "" {
		if c == fromAddr {
			return c, OwnerBasisAddress
		}
		return c, OwnerBasisCountry
	}
	if fromAddr != "" {
		return fromAddr, OwnerBasisAddress
	}
	if c := ownerCountry(name); c != "" {
		return c, OwnerBasisName
	}
	return "", ""
}

// ownerCountry tells an owner's country from its name: Han script → CN; Latin letters only →
// "XX" (foreign, country unknown); "" otherwise.
func ownerCountry(name string) string {
	han, latin := false, false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Han, r):
			han = true
		case r < unicode.MaxLatin1 && unicode.IsLetter(r):
			latin = true
		}
	}
	switch {
	case han:
		return "CN"
	case latin:
		return "XX"
	}
	return ""
}

// PreviousLakeVersion is the lake version the previous run read, for "changes since the last
// run": the highest lake_version below version among the bulletins in the warnings history
// (config.Warnings.History, else <out>/warnings-history), "" when there is none. Taking the
// latest run before version (not simply the latest run) makes a report regenerated for a past
// lake version list the same changes as when it was first made.
func PreviousLakeVersion(cfg *config.Config, version string) string {
	dir := cfg.Warnings.History
	if dir == "" {
		dir = filepath.Join(cfg.Out, "warnings-history")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	best := ""
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var h struct {
			Meta struct {
				LakeVersion string `json:"lake_version"`
			} `json:"meta"`
		}
		if json.Unmarshal(b, &h) != nil {
			continue
		}
		if v := h.Meta.LakeVersion; v != "" && (version == "" || v < version) && v > best {
			best = v
		}
	}
	return best
}

// SessionChanges returns the changes of the session's scope since the previous run (see
// PreviousLakeVersion; s.ChangesSince when the caller set it) as evidence.
func SessionChanges(ctx context.Context, s *analysis.Session, domestic string) ([]PatentChange, error) {
	if s.ChangesSince == "" {
		s.ChangesSince = PreviousLakeVersion(s.Cfg, s.LakeVersion)
	}
	rows, err := analysis.ScopeChanges(ctx, s)
	if err != nil {
		return nil, err
	}
	return Changes(rows, domestic), nil
}
