package warning

import (
	"sort"

	"github.com/patnav/patnav/analysis"
)

// KindDeclaration: a competitor declared patents of the industry essential to a standard since
// the previous run (the lake's standards table: declarations ingested after the lake version the
// previous run read; every declaration on the first run).
const KindDeclaration = "sep_declaration"

// RuleDeclaration: new declarations of a competitor to a standard: warning where the region's
// enterprises hold no declared family in the standard, else watch.
const RuleDeclaration = "sep_declaration"

func init() {
	Kinds = append(Kinds, KindDeclaration)
	Rules = append(Rules, RuleDeclaration)
}

// declarationSignals makes one signal per standard to which competitors declared families in
// scope since the previous run: a competitor is an applicant of a declared family whose country
// is known and not the domestic one. The level is warning when the region's enterprises hold no
// declared family in that standard (a gap of the macro model's standards section: the
// competitors' position there meets no local one), else watch. Numbers: the families newly
// declared by competitors, the competitors, and the standard's declared families in scope; the
// patents name the families with their applicants. Call it after SessionChanges (which settles
// s.ChangesSince).
func (b *builder) declarationSignals() error {
	rows, err := analysis.StandardsNew.All(b.ctx, b.s, b.s.ChangesSince, b.dom)
	if err != nil {
		return err
	}
	gap, total := map[string]bool{}, map[string]int{}
	if b.macro != nil {
		for _, g := range b.macro.Standards.Gaps {
			gap[g] = true
		}
		for _, r := range b.macro.Standards.ByStandard {
			total[r.Standard] = r.Families
		}
	}
	type agg struct {
		fams, apps map[string]bool
		last       string
	}
	by := map[string]*agg{}
	var stds []string
	for _, r := range rows {
		a := by[r.Standard]
		if a == nil {
			a = &agg{fams: map[string]bool{}, apps: map[string]bool{}}
			by[r.Standard] = a
			stds = append(stds, r.Standard)
		}
		a.fams[r.FamilyID], a.apps[r.Applicant] = true, true
		if r.LastDeclared != nil {
			if d := r.LastDeclared.Format("2006-01-02"); d > a.last {
				a.last = d
			}
		}
	}
	sort.Strings(stds)
	for _, std := range stds {
		a := by[std]
		level := LevelWatch
		if gap[std] {
			level = LevelWarning
		}
		var fs []*family
		for id := range a.fams {
			if f := b.byID[id]; f != nil {
				fs = append(fs, f)
			}
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].id < fs[j].id })
		v := float64(len(a.fams))
		s := Signal{Key: subjectKey(KindDeclaration, "standard", std), Kind: KindDeclaration, Standard: std, Level: level,
			Value: &v, Direction: ByCount, Rule: RuleDeclaration,
			Numbers: []Number{num("families_new", v, "families"), num("competitors", float64(len(a.apps)), "applicants"),
				num("standard_families", float64(total[std]), "families")},
			Date: a.last, Query: "standards_new_declarations"}
		s.Patents, s.PatentsTotal = b.topRefs(fs)
		b.add(s)
	}
	return nil
}
