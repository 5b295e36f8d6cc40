package indicators

import (
	"fmt"
	"math"
)

// The period structure of the Porter et al. emergence score.
const (
	EmergenceBasePeriods   = 3
	EmergenceActivePeriods = 7
	EmergencePeriods       = EmergenceBasePeriods + EmergenceActivePeriods
)

// EmergenceCriteria are the candidacy thresholds of the emergence indicator
// (Carley et al. 2018; Porter et al. 2019). Zero fields take the defaults
// of DefaultEmergenceCriteria.
type EmergenceCriteria struct {
	MinRecords   float64 // records with the term over the 10 periods (default 7)
	MinPeriods   int     // periods with at least one record (default 3)
	ActiveToBase float64 // active-period records / base-period records must be ≥ this (default 2)
	MaxBaseShare float64 // term records / all records in the base period must be < this (default 0.15)
}

// DefaultEmergenceCriteria are the usual defaults of the indicator's
// implementations (VantagePoint's "Calculate Emergence Indicators",
// pyGrams): ≥ 7 records, present in ≥ 3 periods, active:base record ratio
// ≥ 2, and in < 15 % of the base period's records (so that already-common
// terms are excluded). They are conventions; report the values used.
var DefaultEmergenceCriteria = EmergenceCriteria{MinRecords: 7, MinPeriods: 3, ActiveToBase: 2, MaxBaseShare: 0.15}

// EmergenceScore is the Porter et al. emergence score of one term (or
// class, or branch) with its components.
type EmergenceScore struct {
	ActiveTrend float64
	RecentTrend float64
	Slope       float64
	Score       float64 // 2·ActiveTrend + RecentTrend + Slope
	// Candidate reports whether the term passes the candidacy criteria;
	// Why lists the criteria it fails.
	Candidate bool
	Why       []string
	OK        bool   // false when the score is undefined
	Reason    string // why, when !OK
}

// Emergence computes the emergence score of Porter, Garner, Carley &
// Newman (2019), "Emergence scoring to identify frontier R&D topics and key
// players", Technological Forecasting & Social Change 146:628–643, built on
// Carley, Newman, Porter & Garner (2018), "An indicator of technical
// emergence", Scientometrics 115:35–49 (navigation.md §5: "Porter 2018").
//
// term[t] counts the records (families) containing the term and global[t]
// all records in period t. Only the last 10 periods are used: 3 base periods
// followed by 7 active periods A_1..A_7 with global counts T_1..T_7. Counts
// are normalised by the square root of the global count of their period:
//
//	ActiveTrend = (A_5+A_6+A_7)/(√T_5+√T_6+√T_7) − (A_1+A_2+A_3)/(√T_1+√T_2+√T_3)
//	RecentTrend = 10 · [ (A_6+A_7)/(√T_6+√T_7) − (A_4+A_5)/(√T_4+√T_5) ]
//	Slope       = 10 · (A_7/√T_7 − A_4/√T_4) / 3
//	Score       = 2·ActiveTrend + RecentTrend + Slope
//
// The weights (2, 1, 1) and the factors 10 are those of the published
// indicator (navigation.md lists the three components without weights).
// A positive score means the term's √-normalised counts rise over the
// active period.
//
// Candidacy (reported, not enforced on the score): with the criteria c,
// Σ term ≥ c.MinRecords over the 10 periods; term > 0 in ≥ c.MinPeriods
// periods; Σ_active term / Σ_base term ≥ c.ActiveToBase (a term absent from
// the base period passes, its ratio being unbounded); and
// Σ_base term / Σ_base global < c.MaxBaseShare (fails when the base
// period has no records). The published indicator also requires the term
// to appear in the records of more than one author set; that needs record
// data and is the caller's check.
//
// The score is unavailable (OK=false, NaN components, Reason set) with fewer
// than 10 periods or a zero global count in an active period. Slices of
// different lengths, negative or NaN counts, or a term count above its
// global count panic.
func Emergence(term, global []float64, c EmergenceCriteria) EmergenceScore {
	if len(term) != len(global) {
		panic(fmt.Sprintf("indicators: Emergence: len(term)=%d, len(global)=%d", len(term), len(global)))
	}
	checkCounts("Emergence", term)
	checkCounts("Emergence", global)
	for i := range term {
		if term[i] > global[i] {
			panic(fmt.Sprintf("indicators: Emergence: term count %g above global count %g at %d", term[i], global[i], i))
		}
	}
	if c.MinRecords == 0 {
		c.MinRecords = DefaultEmergenceCriteria.MinRecords
	}
	if c.MinPeriods == 0 {
		c.MinPeriods = DefaultEmergenceCriteria.MinPeriods
	}
	if c.ActiveToBase == 0 {
		c.ActiveToBase = DefaultEmergenceCriteria.ActiveToBase
	}
	if c.MaxBaseShare == 0 {
		c.MaxBaseShare = DefaultEmergenceCriteria.MaxBaseShare
	}
	nan := math.NaN()
	es := EmergenceScore{ActiveTrend: nan, RecentTrend: nan, Slope: nan, Score: nan}
	if len(term) < EmergencePeriods {
		es.Reason = fmt.Sprintf("%d periods, need %d (3 base + 7 active)", len(term), EmergencePeriods)
		return es
	}
	term = term[len(term)-EmergencePeriods:]
	global = global[len(global)-EmergencePeriods:]
	act := term[EmergenceBasePeriods:]
	gBase, gAct := global[:EmergenceBasePeriods], global[EmergenceBasePeriods:]

	// Candidacy.
	sumBase, sumAct, sumGBase, present := 0.0, 0.0, 0.0, 0
	for i, v := range term {
		if v > 0 {
			present++
		}
		if i < EmergenceBasePeriods {
			sumBase += v
			sumGBase += gBase[i]
		} else {
			sumAct += v
		}
	}
	if total := sumBase + sumAct; total < c.MinRecords {
		es.Why = append(es.Why, fmt.Sprintf("%g records < %g", total, c.MinRecords))
	}
	if present < c.MinPeriods {
		es.Why = append(es.Why, fmt.Sprintf("present in %d periods < %d", present, c.MinPeriods))
	}
	if sumBase > 0 && sumAct/sumBase < c.ActiveToBase {
		es.Why = append(es.Why, fmt.Sprintf("active:base ratio %.3g < %g", sumAct/sumBase, c.ActiveToBase))
	}
	if sumGBase == 0 {
		es.Why = append(es.Why, "no records in the base period")
	} else if share := sumBase / sumGBase; share >= c.MaxBaseShare {
		es.Why = append(es.Why, fmt.Sprintf("base-period share %.3g ≥ %g", share, c.MaxBaseShare))
	}
	es.Candidate = len(es.Why) == 0

	// Score.
	sq := make([]float64, EmergenceActivePeriods)
	for i, g := range gAct {
		if g == 0 {
			es.Reason = fmt.Sprintf("no records at all in active period %d", i+1)
			return es
		}
		sq[i] = math.Sqrt(g)
	}
	a := act // A_1..A_7 are a[0]..a[6]
	es.ActiveTrend = (a[4]+a[5]+a[6])/(sq[4]+sq[5]+sq[6]) - (a[0]+a[1]+a[2])/(sq[0]+sq[1]+sq[2])
	es.RecentTrend = 10 * ((a[5]+a[6])/(sq[5]+sq[6]) - (a[3]+a[4])/(sq[3]+sq[4]))
	es.Slope = 10 * (a[6]/sq[6] - a[3]/sq[3]) / 3
	es.Score = 2*es.ActiveTrend + es.RecentTrend + es.Slope
	es.OK = true
	return es
}
