package warning

import (
	"fmt"
	"sort"

	"github.com/patnav/patnav/analysis"
)

// KindDeclaration: a competitor declared patents of the industry essential to a standard since
// the previous run (the lake's standards table: declarations ingested after the lake version the
// previous run read; every declaration on the first run).
const KindDeclaration = "sep_declaration"

func init() { Kinds = append(Kinds, KindDeclaration) }

// declarationSignals makes one signal per competitor and standard with new declarations: a
// competitor is an applicant of a declared family whose country is known and not the domestic
// one. The level is warning when the region's enterprises hold no declared family in that
// standard (a gap of the macro model's standards section: the competitor's position there meets
// no local one), else watch. Numbers: the competitor's newly declared families in the standard
// and the standard's declared families in scope. Call it after SessionChanges (which settles
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
	type subject struct{ std, app string }
	fams := map[subject][]string{}
	country, last := map[subject]string{}, map[subject]string{}
	var order []subject
	for _, r := range rows {
		k := subject{r.Standard, r.Applicant}
		if _, ok := fams[k]; !ok {
			order = append(order, k)
		}
		fams[k] = append(fams[k], r.FamilyID)
		country[k] = r.Country
		if r.LastDeclared != nil {
			last[k] = r.LastDeclared.Format("2006-01-02")
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].std != order[j].std {
			return order[i].std < order[j].std
		}
		return order[i].app < order[j].app
	})
	for _, k := range order {
		level := LevelWatch
		rule := fmt.Sprintf("%d new declared famil(ies) of %s to %s; the region's enterprises hold declared families there: watch", len(fams[k]), k.app, k.std)
		if gap[k.std] {
			level = LevelWarning
			rule = fmt.Sprintf("%d new declared famil(ies) of %s to %s, where the region's enterprises hold no declared family: warning", len(fams[k]), k.app, k.std)
		}
		var fs []*family
		for _, id := range fams[k] {
			if f := b.byID[id]; f != nil {
				fs = append(fs, f)
			}
		}
		v := float64(len(fams[k]))
		s := Signal{Key: subjectKey(KindDeclaration, "applicant", k.app, "standard", k.std), Kind: KindDeclaration,
			Applicant: k.app, Country: country[k], Standard: k.std, Level: level, Value: &v, Direction: ByCount, Rule: rule,
			Numbers: []Number{num("families_new", v, "families"), num("standard_families", float64(total[k.std]), "families")},
			Date:    last[k], Query: "standards_new_declarations"}
		s.Patents, s.PatentsTotal = b.topRefs(fs)
		b.add(s)
	}
	return nil
}
