package landscape

// recommend derives path recommendations from the numbers above; each names its evidence.
func (b *macroBuilder) recommend() {
	m := b.m
	num := func(code string, v float64) Note { return Note{Code: code, Nums: []float64{v}} }
	for _, br := range m.Technology.Branches {
		if br.Level != 1 {
			continue
		}
		name := br.Name
		if br.RegionRTA != nil && *br.RegionRTA < 0.8 && (br.Hotspot || br.RelGrowth != nil && *br.RelGrowth > 1) {
			ev := []Note{num(EvRegionRTA, *br.RegionRTA)}
			if br.RelGrowth != nil {
				ev = append(ev, num(EvRelGrowth, *br.RelGrowth))
			}
			if br.Hotspot {
				ev = append(ev, Note{Code: EvHotspot})
			}
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "strengthen", Target: name.In("en"), Branch: br.ID, Name: name,
				Why: RecWhyGap, Evidence: ev})
			for _, a := range br.TopApplicants {
				if len(a.Key) > 0 {
					m.Recommendations = append(m.Recommendations, Recommendation{Kind: "attract", Target: a.Key, Branch: br.ID, Name: name,
						Why: RecWhyLeader, Evidence: []Note{num(EvBranchFamilies, a.N)}})
					break
				}
			}
		}
		if br.RegionRTA != nil && *br.RegionRTA >= 1.2 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: name.In("en"), Branch: br.ID, Name: name,
				Why: RecWhySpecialised, Evidence: []Note{num(EvRegionRTA, *br.RegionRTA)}})
		}
	}
	for _, a := range m.Applicants.Newcomers {
		if a.Country == b.cfg.Region.Country && len(m.Recommendations) < 40 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: a.Name,
				Why: RecWhyNewcomer, Evidence: []Note{{Code: EvFirstFiling, N: a.FirstYear, Nums: []float64{a.Families}}}})
			break
		}
	}
	for _, inv := range m.Inventors.Top {
		if len(inv.Applicants) > 0 && inv.HIndex >= 3 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "recruit", Target: inv.Name, Why: RecWhyInventor,
				Evidence: []Note{{Code: EvInventor, Nums: []float64{float64(inv.Families), float64(inv.HIndex)}, Names: inv.Applicants[:min(2, len(inv.Applicants))]}}})
			break
		}
	}
	for _, cp := range m.Quality.Core {
		if cp.Status == "alive" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "license", Target: cp.PubNumber, Why: RecWhyCore,
				Evidence: []Note{{Code: EvCorePatent, Nums: []float64{cp.Score, float64(cp.FamilySize)}, Names: []string{cp.Applicant}}}})
			break
		}
	}
	for _, k := range m.Applicants.Top {
		if k.Kind == "university" || k.Kind == "institute" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "collaborate", Target: k.Name, Why: RecWhyAcademic,
				Evidence: []Note{num(EvFamilies, k.Families)}})
			break
		}
	}
}

func (b *macroBuilder) limitations() {
	m := b.m
	// Unavailable analyses are not repeated here: the reports list every one of them, worded.
	m.Limitations = []Note{{Code: NoteCoverage, N: m.Scope.Publications}, {Code: NoteLanguage}, {Code: NoteClassification},
		{Code: NoteFamilyModel}, {Code: NotePublicationLag, N: b.s.LastComplete()}}
}
