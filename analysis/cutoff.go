package analysis

import "time"

// Where a session's data cut-off came from (Session.CutoffFrom).
const (
	CutoffConfig      = "config"      // analysis.cutoff in the navigation config
	CutoffPublication = "publication" // the latest publication date in scope
	CutoffFiling      = "filing_lag"  // no publication dates: the latest filing date + PublicationLagMonths
	CutoffNone        = "none"        // no dates at all: every year is incomplete
)

// PublicationLagMonths is the usual delay from priority to publication (navigation.md §2: an
// application publishes about 18 months after its priority). It turns the latest filing date into
// an estimated cut-off when a source carries no publication dates.
const PublicationLagMonths = 18

// setCutoff fixes the cut-off from the config, else from the data, never from the clock: the
// latest publication date in scope; else the latest filing date plus the publication lag (a
// real 7,384-record CNIPA export has no publication dates: the clock made 2016–2024 "complete"
// and the headline CAGR −100 %); else none.
func (s *Session) setCutoff(d LastPublication) {
	if d.LastFiling != nil {
		s.LastFilingYear = d.LastFiling.Year()
		s.LastFilingYearEnded = d.LastFiling.Month() == time.December && d.LastFiling.Day() == 31
	}
	switch {
	case s.Cfg.Analysis.Cutoff != "":
		s.Cutoff, _ = time.Parse("2006-01-02", s.Cfg.Analysis.Cutoff)
		s.CutoffFrom = CutoffConfig
	case d.Last != nil:
		s.Cutoff, s.CutoffFrom = d.Last.UTC(), CutoffPublication
	case d.LastFiling != nil:
		s.Cutoff, s.CutoffFrom = d.LastFiling.UTC().AddDate(0, PublicationLagMonths, 0), CutoffFiling
	default:
		s.Cutoff, s.CutoffFrom = time.Time{}, CutoffNone
	}
}

// Incomplete reports whether priority year y is incomplete: one of the last IncompleteYears
// years up to the cut-off's year (publication lag), any year after the latest filing observed in
// scope (nothing was filed yet, or nothing is published yet: never "complete" with zero), or any
// year at all when the data has no dates.
func (s *Session) Incomplete(y int) bool {
	return y > s.LastComplete()
}

// LastComplete is the last complete priority year: the cut-off's year minus IncompleteYears, and
// never after the latest filing year observed in scope — nor that year itself when the cut-off
// is estimated from filing dates and the latest filing is not on 31 December (0 when the data
// has no dates).
func (s *Session) LastComplete() int {
	if s.CutoffFrom == CutoffNone {
		return 0
	}
	last := s.Cutoff.Year() - s.Cfg.Analysis.IncompleteYears
	observed := s.LastFilingYear
	if s.CutoffFrom == CutoffFiling && !s.LastFilingYearEnded {
		// Without publication dates the cut-off is only an estimate, and the export evidently
		// ends inside the latest filing's year: that year is cut short (a real CNIPA export ends
		// on 2015-11-23 with 27 families in 2015 against 197 in 2010), so it is not complete.
		observed--
	}
	if s.LastFilingYear > 0 && observed < last {
		last = observed
	}
	return last
}

// CutoffDate is the cut-off as YYYY-MM-DD, "" when the data has no dates (CutoffNone).
func (s *Session) CutoffDate() string {
	if s.CutoffFrom == CutoffNone {
		return ""
	}
	return s.Cutoff.Format("2006-01-02")
}
