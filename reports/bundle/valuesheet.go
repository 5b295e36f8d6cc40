package bundle

import (
	"strings"

	"github.com/patnav/patnav/landscape/value"
	valreports "github.com/patnav/patnav/reports/value"
)

// ValueSheets are the value assessment's tables: every factor of the highest-scoring families,
// and the operation list with its matching gaps.
func ValueSheets(a *value.Assessment) []Sheet {
	head := []string{"family_id", "publication", "title", "first applicant", "year", "status", "presumed alive", "score", "high-value"}
	formats := []string{"", "", "", "", "", "", "", "num", ""}
	for _, id := range value.FactorIDs {
		head = append(head, valreports.FactorName(id, "en")+" raw", valreports.FactorName(id, "en")+" percentile")
		formats = append(formats, "num", "pct")
	}
	row := func(f value.FamilyValue) []any {
		app := ""
		if len(f.Applicants) > 0 {
			app = f.Applicants[0]
		}
		r := []any{f.FamilyID, f.RepPub, f.Title, app, f.Year, f.Status, f.Presumed, f.Score, f.HighValue}
		for _, fv := range f.Factors {
			r = append(r, fv.Raw, fv.Rank)
		}
		return r
	}
	top := Sheet{Name: "Patent value", Header: head, Formats: formats}
	for _, f := range a.Top {
		top.Rows = append(top.Rows, row(f))
	}
	op := Sheet{Name: "Operation list", Header: append([]string{"holder", "holder kind", "gaps matched"}, head...), Formats: append([]string{"", "", ""}, formats...)}
	for _, c := range a.Operation.Candidates {
		var m []string
		for _, g := range c.Matches {
			e := g.Enterprise
			if e == "" {
				e = "region"
			}
			m = append(m, e+":"+g.Branch+"#"+itoa(g.Rank))
		}
		op.Rows = append(op.Rows, append([]any{c.Holder, c.HolderKind, strings.Join(m, "; ")}, row(c.FamilyValue)...))
	}
	return []Sheet{top, op}
}
