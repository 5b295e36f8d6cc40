package bundle

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/bulletin"
)

// Sheet is one table of the bundle's XLSX workbook.
type Sheet struct {
	Name    string   // sheet name (≤ 31 characters)
	Header  []string // column names
	Formats []string // per column: "" text, "int", "num" (2 decimals), "pct" (share 0–1 as %)
	Rows    [][]any
}

// WriteWorkbook writes the sheets: one per table, header row frozen and bold, number formats per
// column, widths fitted to content. Text cells are written as strings and neutralised (a leading
// =, +, -, @ gets an apostrophe) so patent text can never become a formula.
func WriteWorkbook(path string, sheets []Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF6"}}})
	intFmt, _ := f.NewStyle(&excelize.Style{NumFmt: 3})  // #,##0
	numFmt, _ := f.NewStyle(&excelize.Style{NumFmt: 4})  // #,##0.00
	pctFmt, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	first := true
	for _, sh := range sheets {
		name := sheetName(sh.Name)
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		width := make([]int, len(sh.Header))
		for c, h := range sh.Header {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			f.SetCellStr(name, cell, norm.SafeCell(h))
			width[c] = displayLen(h)
		}
		if len(sh.Header) > 0 {
			last, _ := excelize.CoordinatesToCellName(len(sh.Header), 1)
			f.SetCellStyle(name, "A1", last, bold)
		}
		for r, row := range sh.Rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
				switch x := v.(type) {
				case nil:
				case string:
					f.SetCellStr(name, cell, norm.SafeCell(x))
					width[c] = max(width[c], displayLen(x))
				case int:
					f.SetCellInt(name, cell, int64(x))
				case int64:
					f.SetCellInt(name, cell, x)
				case float64:
					f.SetCellFloat(name, cell, x, -1, 64)
				case *float64:
					if x != nil {
						f.SetCellFloat(name, cell, *x, -1, 64)
					}
				case *int: // nil: no data, an empty cell (never 0)
					if x != nil {
						f.SetCellInt(name, cell, int64(*x))
					}
				case bool:
					f.SetCellBool(name, cell, x)
				default:
					f.SetCellStr(name, cell, norm.SafeCell(fmt.Sprint(x)))
				}
			}
		}
		for c := range sh.Header {
			col, _ := excelize.ColumnNumberToName(c + 1)
			f.SetColWidth(name, col, col, float64(min(max(width[c], 6), 60))+2)
			if c < len(sh.Formats) && len(sh.Rows) > 0 {
				style := map[string]int{"int": intFmt, "num": numFmt, "pct": pctFmt}[sh.Formats[c]]
				if style != 0 {
					f.SetCellStyle(name, col+"2", fmt.Sprintf("%s%d", col, len(sh.Rows)+1), style)
				}
			}
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if len(sheets) == 0 {
		f.SetCellStr("Sheet1", "A1", "no tables")
	}
	return f.SaveAs(path)
}

func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

func displayLen(s string) int {
	n := 0
	for _, r := range s {
		if r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// MacroSheets are the macro landscape's main tables (with the cluster assignments when the model
// has a map).
func MacroSheets(m *landscape.Macro) []Sheet {
	var out []Sheet
	en, _ := reports.NewLocale("en") // the workbook's column names and texts are English
	tr := Sheet{Name: "Trend", Header: []string{"priority_year", "families", "incomplete"}, Formats: []string{"", "int", ""}}
	for _, p := range m.Trend.Series {
		tr.Rows = append(tr.Rows, []any{p.Year, p.N, p.Incomplete})
	}
	out = append(out, tr)
	ap := Sheet{Name: "Applicants", Header: []string{"applicant", "display", "kind", "country", "province", "families_fractional", "families", "granted", "alive", "citations", "first_year", "last_year", "share", "variants"},
		Formats: []string{"", "", "", "", "", "num", "int", "int", "int", "int", "", "", "pct", ""}}
	for _, a := range m.Applicants.Top {
		ap.Rows = append(ap.Rows, []any{a.Name, a.Display, a.Kind, a.Country, a.Province, a.Families, a.Whole, a.Granted, a.Alive, a.Citations, a.FirstYear, a.LastYear, a.Share, strings.Join(a.Variants, "; ")})
	}
	out = append(out, ap)
	br := Sheet{Name: "Branches", Header: []string{"branch", "name_zh", "name_en", "level", "families", "share", "cagr", "relative_growth", "stage", "hhi", "cr4", "region_rta", "hotspot", "hotspot_why"},
		Formats: []string{"", "", "", "", "int", "pct", "pct", "num", "", "num", "pct", "num", "", ""}}
	for _, b := range m.Technology.Branches {
		br.Rows = append(br.Rows, []any{b.ID, b.Name.Zh, b.Name.En, b.Level, b.Families, b.Share, b.Trend.CAGR, b.RelGrowth, b.Stage, concentrationCell(b.Concentration, b.Concentration.HHI), concentrationCell(b.Concentration, b.Concentration.CR4), b.RegionRTA, b.Hotspot, en.NotesText(b.HotspotWhy)})
	}
	out = append(out, br)
	geo := Sheet{Name: "Geography", Header: append([]string{"source \\ office"}, m.Geography.Offices...)}
	for i, s := range m.Geography.Sources {
		row := []any{s}
		for _, v := range m.Geography.Matrix[i] {
			row = append(row, v)
		}
		geo.Rows = append(geo.Rows, row)
	}
	out = append(out, geo)
	cp := Sheet{Name: "Core patents", Header: []string{"pub_number", "family_id", "title", "applicant", "priority_year", "score", "forward_cites", "family_size", "status", "branches"},
		Formats: []string{"", "", "", "", "", "num", "int", "int", "", ""}}
	for _, c := range m.Quality.Core {
		cp.Rows = append(cp.Rows, []any{c.PubNumber, c.FamilyID, c.Title, c.Applicant, c.Year, c.Score, c.ForwardCites, c.FamilySize, c.Status, strings.Join(c.Branches, "; ")})
	}
	out = append(out, cp)
	rg := Sheet{Name: "Regional", Header: []string{"dimension", "indicator", "unit", "region", "nation", "world"}, Formats: []string{"", "", "", "num", "num", "num"}}
	for _, r := range m.Regional.Rows {
		rg.Rows = append(rg.Rows, []any{r.Dimension, r.Indicator, r.Unit, r.Region, r.Nation, r.World})
	}
	out = append(out, rg)
	ry := Sheet{Name: "Regional by year", Header: []string{"year", "families", "share_nation", "share_world", "applicants", "inventors", "granted", "incomplete"},
		Formats: []string{"", "int", "pct", "pct", "int", "int", "int", ""}}
	for _, r := range m.Regional.ByYear {
		ry.Rows = append(ry.Rows, []any{r.Year, r.Families, r.ShareNation, r.ShareWorld, r.Applicants, r.Inventors, r.Granted, r.Incomplete})
	}
	out = append(out, ry)
	if m.Standards.Summary.Records > 0 {
		out = append(out, StandardsSheet(&m.Standards))
	}
	if m.Map != nil {
		out = append(out, ClusterSheet(m.Map))
	}
	return out
}

// ClusterSheet lists every clustered family with its cluster, label and map position (the same
// rows as clusters.csv).
func ClusterSheet(tm *landscape.TechMap) Sheet {
	sh := Sheet{Name: "Clusters", Header: []string{"family_id", "cluster", "label", "x", "y"}, Formats: []string{"", "int", "", "num", "num"}}
	labels := map[int]string{}
	for _, c := range tm.Clusters {
		labels[c.ID] = c.Label
	}
	for _, p := range tm.Points {
		sh.Rows = append(sh.Rows, []any{p.ID, p.Cluster, labels[p.Cluster], p.X, p.Y})
	}
	return sh
}

// EnterpriseSheet summarises the N enterprise navigations, one row each.
func EnterpriseSheet(es []*enterprise.Enterprise) Sheet {
	sh := Sheet{Name: "Enterprises", Header: []string{"id", "name_zh", "name_en", "role", "families_fractional", "families", "share", "rank", "gaps", "strengths", "watch_list"},
		Formats: []string{"", "", "", "", "num", "int", "pct", "int", "int", "int", "int"}}
	for _, e := range es {
		sh.Rows = append(sh.Rows, []any{e.ID, e.Name.Zh, e.Name.En, e.Role, e.Portfolio.Families, e.Portfolio.Whole, e.Portfolio.Share,
			e.Portfolio.Rank, len(e.Layout.Gaps), len(e.Layout.Strengths), len(e.Watch.Items)})
	}
	return sh
}

// SignalSheet lists the bulletin's warning signals, each with its severity rule (the code) and
// why it has its level in zh and en.
func SignalSheet(b *warning.Bulletin) Sheet {
	sh := Sheet{Name: "Warning signals", Header: []string{"id", "level", "state", "kind", "branch", "applicant", "country", "value", "threshold", "rule", "why_zh", "why_en", "patents"},
		Formats: []string{"", "", "", "", "", "", "", "num", "num", "", "", "", "int"}}
	for _, s := range b.Signals {
		sh.Rows = append(sh.Rows, []any{s.ID, s.Level, s.State, s.Kind, s.Branch, s.Applicant, s.Country, s.Value, s.Threshold, s.Rule,
			bulletin.RuleText(b, s, "zh"), bulletin.RuleText(b, s, "en"), s.PatentsTotal})
	}
	return sh
}

// concentrationCell is v, or an empty cell below the concentration minimum (too few applicants
// for HHI or CR4 to say anything).
func concentrationCell(c landscape.Concentration, v float64) any {
	if !landscape.MinConcentration.Met(c.N) {
		return nil
	}
	return v
}
