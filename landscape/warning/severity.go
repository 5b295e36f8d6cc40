package warning

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
)

// The severity rules (documented in the package comment and listed in every bulletin's Rules as Rule* codes).
const (
	// NearFactor: a §6 indicator within this factor of its threshold, on the safe side, is "info"
	// (approaching the threshold).
	NearFactor = 1.1
	// WarningFactor and SevereFactor: a value past its threshold by at least this factor is
	// "warning" / "severe"; past it by less, "watch".
	WarningFactor = 1.5
	SevereFactor  = 2.0
	// BlockingWarning and BlockingSevere: a branch with this many blocking candidates is
	// "warning" / "severe"; with fewer (at least one), "watch".
	BlockingWarning = 3
	BlockingSevere  = 10
	// EntrantMinFamilies and EntrantMinShare: an applicant that entered the industry needs this
	// many families (whole count) and this share of the industry's families since its entry years
	// to be a signal; a foreign entrant with a share ≥ EntrantWarningShare is "warning".
	EntrantMinFamilies  = 3
	EntrantMinShare     = 0.01
	EntrantWarningShare = 0.03
	// MinBranchFamilies: a branch's §6 ratio needs this many families in its base population
	// (domestic + foreign invention families at the office; for the market barrier, the branch's
	// families); below it the ratio is reported as undefined.
	MinBranchFamilies = 5
	// MinConcentrationFamilies: the year-on-year HHI comparison needs this many families in each
	// of the two years.
	MinConcentrationFamilies = 10
	// MaxPatents is how many patents a signal lists (PatentsTotal counts them all).
	MaxPatents = 10
)

// passed reports whether v is past threshold t in direction dir.
func passed(v, t float64, dir string) bool {
	switch dir {
	case Below:
		return v < t
	case Above:
		return v > t
	case AtLeast:
		return v >= t
	}
	return false
}

// excess is the factor by which v is past (or short of) threshold t in direction dir: t/v for
// Below, v/t for Above and AtLeast. inf is true when the factor is infinite (v ≤ 0 below a
// positive threshold, or a zero threshold).
func excess(v, t float64, dir string) (e float64, inf bool) {
	switch dir {
	case Below:
		if v <= 0 {
			if t > 0 || v < t {
				return math.Inf(1), true
			}
			return 0, false
		}
		return t / v, false
	default:
		if t <= 0 {
			if v > t {
				return math.Inf(1), true
			}
			return 0, false
		}
		return v / t, false
	}
}

// levelFor returns the level of value v against threshold t in direction dir, and the excess
// factor (nil when infinite). near enables the info band (NearFactor).
func levelFor(v, t float64, dir string, near bool) (string, *float64) {
	e, inf := excess(v, t, dir)
	var ep *float64
	if !inf {
		// Compare at 9 decimals so that a factor that is exact on paper (10/15 below 1: 1.5) is
		// not moved across a level boundary by binary rounding.
		e = round(e, 9)
		x := round(e, 4)
		ep = &x
	}
	if !passed(v, t, dir) {
		if near && !inf && e >= 1/NearFactor {
			return LevelInfo, ep
		}
		return "", ep
	}
	return levelByFactor(e), ep
}

// levelByFactor maps an excess factor (≥ 1, past the threshold) to watch / warning / severe.
func levelByFactor(e float64) string {
	switch {
	case e >= SevereFactor:
		return LevelSevere
	case e >= WarningFactor:
		return LevelWarning
	}
	return LevelWatch
}

// thresholdRule is the rule that set a §6 indicator signal's level: near for info, threshold
// otherwise.
func thresholdRule(level string) string {
	if level == LevelInfo {
		return RuleNear
	}
	return RuleThreshold
}

// SignalID is the stable id of a signal key: the first 12 hex digits of its SHA-256.
func SignalID(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:6])
}

func round(v float64, digits int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

// num returns a Number with a finite value rounded to 4 decimals, nil for NaN/Inf.
func num(key string, v float64, unit string) Number {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Number{Key: key, Unit: unit}
	}
	x := round(v, 4)
	return Number{Key: key, Value: &x, Unit: unit}
}

// ptr returns a pointer to a rounded finite v, nil otherwise.
func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	x := round(v, 4)
	return &x
}
