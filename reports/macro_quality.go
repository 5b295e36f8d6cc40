package reports

import (
	"sort"
	"strconv"
	"strings"
)

// 10 core patents.
func (b *macroBuilder) quality() *Section {
	l, m := b.l, b.m
	q := m.Quality
	s := b.section("10", "quality", &q.Basis)
	for _, u := range q.Missing {
		s.Unavailable = append(s.Unavailable, l.Worded(u))
	}
	var ind []string
	for _, x := range q.Indicators {
		ind = append(ind, l.IndicatorText(x, q.CitationWindow))
	}
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{{l.T("q.indicators"), l.List(ind)}}})
	tab := &Table{Caption: l.T("q.core"), Head: []string{"#", l.T("col.pub"), l.T("col.title"), l.T("col.applicant"), l.T("col.year"), l.T("col.score"), l.T("col.fwd"), l.T("col.famsize"), l.T("col.status"), l.T("col.branch")},
		Num: []bool{true, false, false, false, true, true, true, true, false, false}, NoWrap: []bool{8: true}}
	for i, c := range q.Core {
		var comps []string
		keys := make([]string, 0, len(c.Components))
		for k := range c.Components {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			comps = append(comps, l.Term("indicator", k)+" "+l.Num(c.Components[k], 2))
		}
		var brs []string
		for _, id := range c.Branches {
			brs = append(brs, b.branchName(id))
		}
		tab.Rows = append(tab.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: c.PubNumber, Sub: c.FamilyID}, {Text: c.Title}, {Text: c.Applicant}, {Text: l.Year(c.Year, b.incomplete(c.Year))},
			{Text: l.Num(c.Score, 2), Sub: strings.Join(comps, " · ")}, {Text: l.Int(c.ForwardCites)}, {Text: l.Int(c.FamilySize)}, {Text: l.Term("status", c.Status)}, {Text: l.List(brs)}}})
	}
	tab.Note = l.T("q.note")
	if len(q.Core) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: tab})
	} else {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("q.core"), Para: l.T("nodata")})
	}
	if len(q.Deciles) > 0 {
		dt := &Table{Caption: l.T("q.deciles"), Num: make([]bool, len(q.Deciles))}
		r := Row{}
		for i, d := range q.Deciles {
			dt.Head = append(dt.Head, "D"+strconv.Itoa(i+1))
			dt.Num[i] = true
			r.Cells = append(r.Cells, Cell{Text: l.Num(d, 2)})
		}
		dt.Rows = []Row{r}
		s.Blocks = append(s.Blocks, Block{Table: dt})
	}
	return s
}
