package reports

import (
	"strconv"
	"strings"
)

// 8 inventors.
func (b *macroBuilder) inventors() *Section {
	l, m := b.l, b.m
	inv := m.Inventors
	s := b.section("8", "inventors", &inv.Basis)
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{{l.T("inv.total"), l.Int(inv.Total)}}})
	tab := &Table{Caption: l.T("inv.top"), Head: []string{"#", l.T("col.inventor"), l.T("col.families"), l.T("col.hindex"), l.T("col.applicants")}, Num: []bool{true, false, true, true, false}}
	var mobile []string
	for i, x := range inv.Top {
		r := Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: x.Name}, {Text: l.Int(x.Families)}, {Text: l.Int(x.HIndex)}, {Text: l.List(x.Applicants)}}}
		if len(x.Applicants) > 1 {
			r.Class = "flag"
			mobile = append(mobile, x.Name+": "+strings.Join(x.Applicants, " → "))
		}
		tab.Rows = append(tab.Rows, r)
	}
	tab.Note = l.T("inv.note")
	s.Blocks = append(s.Blocks, Block{Table: tab})
	tt := &Table{Caption: l.T("inv.teams"), Head: []string{"#", l.T("col.members"), l.T("col.families"), l.T("col.applicant")}, Num: []bool{true, false, true, false}}
	for i, t := range inv.Teams {
		tt.Rows = append(tt.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: l.List(t.Members)}, {Text: l.Int(t.Families)}, {Text: orNA(l, t.Applicant)}}})
	}
	if len(inv.Teams) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: tt})
	}
	mb := Block{Heading: l.T("inv.mobility"), List: mobile}
	if len(mobile) == 0 {
		mb.Para = l.T("none")
	}
	s.Blocks = append(s.Blocks, mb)
	return s
}
