package landscape

import (
	"fmt"
	"strings"
)

// recommend derives path recommendations from the numbers above; each names its evidence.
func (b *macroBuilder) recommend() {
	m := b.m
	for _, br := range m.Technology.Branches {
		if br.Level != 1 {
			continue
		}
		name := br.Name.In("en")
		if br.RegionRTA != nil && *br.RegionRTA < 0.8 && (br.Hotspot || br.RelGrowth != nil && *br.RelGrowth > 1) {
			ev := []string{fmt.Sprintf("region RTA %.2f", *br.RegionRTA)}
			if br.RelGrowth != nil {
				ev = append(ev, fmt.Sprintf("relative growth %.2f", *br.RelGrowth))
			}
			if br.HotspotWhy != "" {
				ev = append(ev, br.HotspotWhy)
			}
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "strengthen", Target: name,
				Why: "a growing branch where the region is under-represented", Evidence: ev})
			for _, a := range br.TopApplicants {
				if len(a.Key) > 0 {
					m.Recommendations = append(m.Recommendations, Recommendation{Kind: "attract", Target: a.Key,
						Why: "a leading applicant in " + name, Evidence: []string{fmt.Sprintf("%.1f families in the branch", a.N)}})
					break
				}
			}
		}
		if br.RegionRTA != nil && *br.RegionRTA >= 1.2 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: name,
				Why: "a branch where the region is specialised: build on it", Evidence: []string{fmt.Sprintf("region RTA %.2f", *br.RegionRTA)}})
		}
	}
	for _, a := range m.Applicants.Newcomers {
		if a.Country == b.cfg.Region.Country && len(m.Recommendations) < 40 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: a.Name,
				Why: "a domestic newcomer", Evidence: []string{fmt.Sprintf("first filing %d, %.1f families", a.FirstYear, a.Families)}})
			break
		}
	}
	for _, inv := range m.Inventors.Top {
		if len(inv.Applicants) > 0 && inv.HIndex >= 3 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "recruit", Target: inv.Name,
				Why: "a prolific, well-cited inventor", Evidence: []string{fmt.Sprintf("%d families, h-index %d, with %s", inv.Families, inv.HIndex, strings.Join(inv.Applicants[:min(2, len(inv.Applicants))], ", "))}})
			break
		}
	}
	for _, cp := range m.Quality.Core {
		if cp.Status == "alive" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "license", Target: cp.PubNumber,
				Why: "an alive core patent to license or acquire", Evidence: []string{fmt.Sprintf("quality %.2f, family size %d, %s", cp.Score, cp.FamilySize, cp.Applicant)}})
			break
		}
	}
	for _, k := range m.Applicants.Top {
		if k.Kind == "university" || k.Kind == "institute" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "collaborate", Target: k.Name,
				Why: "a leading academic applicant for industry–university collaboration", Evidence: []string{fmt.Sprintf("%.1f families", k.Families)}})
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
