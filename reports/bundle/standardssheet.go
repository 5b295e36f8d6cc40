package bundle

import "github.com/patnav/patnav/landscape"

// StandardsSheet is the patents-and-standards section per standard: declared families in scope,
// the region's and its enterprises' families and shares (empty below the minimum: short), whether
// the region's enterprises hold none (gap), and each navigated enterprise's families and share.
func StandardsSheet(s *landscape.Standards) Sheet {
	sh := Sheet{Name: "Standards", Header: []string{"standard", "body", "families", "region", "region_share", "region_enterprises", "enterprise_share", "first_declared", "short", "gap"},
		Formats: []string{"", "", "int", "int", "pct", "int", "pct", "", "", ""}}
	for _, e := range s.Enterprises {
		sh.Header = append(sh.Header, e.ID+"_families", e.ID+"_share")
		sh.Formats = append(sh.Formats, "int", "pct")
	}
	gap := map[string]bool{}
	for _, g := range s.Gaps {
		gap[g] = true
	}
	for i, r := range s.ByStandard {
		row := []any{r.Standard, r.Body, r.Families, r.Region, r.RegionShare, r.RegionEnterprises, r.EnterpriseShare, r.FirstDeclared, r.Short, gap[r.Standard]}
		for _, e := range s.Enterprises {
			row = append(row, e.Shares[i].Families, e.Shares[i].Share)
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh
}
