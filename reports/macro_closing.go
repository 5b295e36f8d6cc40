package reports

import (
	"strconv"
)

// 14 recommendations.
func (b *macroBuilder) recommendations() *Section {
	l, m := b.l, b.m
	s := b.section("14", "recommendations", nil)
	for i, r := range m.Recommendations {
		target, why, evidence := l.RecommendationText(r)
		s.Blocks = append(s.Blocks, Block{Heading: strconv.Itoa(i+1) + ". " + l.Term("rec", r.Kind) + ": " + target, Para: why, List: evidence, Note: l.T("rec.evidence_note", "n", strconv.Itoa(len(r.Evidence)))})
	}
	if len(m.Recommendations) == 0 {
		s.Blocks = append(s.Blocks, Block{Para: l.T("none")})
	}
	return s
}

// 15 limitations.
func (b *macroBuilder) limitations() *Section {
	l, m := b.l, b.m
	s := b.section("15", "limitations", nil)
	if len(m.Limitations) > 0 {
		var lines []string
		for _, n := range m.Limitations {
			lines = append(lines, l.NoteText(n))
		}
		s.Blocks = append(s.Blocks, Block{List: lines})
	} else {
		s.Blocks = append(s.Blocks, Block{Para: l.T("none")})
	}
	return s
}
