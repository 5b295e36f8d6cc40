package analysis

import (
	"testing"
	"time"

	"github.com/patnav/patnav/internal/config"
)

// TestCutoffFromTheData: the cut-off comes from the config, else the latest publication, else
// the latest filing + 18 months, never the clock; years after the latest filing are never
// complete. Case from a real 7,384-record CNIPA export without publication dates: the latest
// filing 2015-11-23 gives the cut-off 2017-05-23 (+18 months); with two incomplete years and the
// latest filing's own year cut short (the cut-off is an estimate; the export ends on 23
// November: 27 families in 2015 against 197 in 2010) the last complete year is
// min(2017 − 2, 2015 − 1) = 2014, and 2015–2024 are incomplete (the clock had made them complete
// with zero families and the CAGR −100 %). A latest filing on 31 December leaves its year whole.
func TestCutoffFromTheData(t *testing.T) {
	day := func(s string) *time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	mk := func(cutoff string) *Session {
		return &Session{Cfg: &config.Config{Analysis: config.Analysis{Cutoff: cutoff, IncompleteYears: 2}}}
	}
	s := mk("")
	s.setCutoff(LastPublication{LastFiling: day("2015-11-23")})
	if s.CutoffFrom != CutoffFiling || s.CutoffDate() != "2017-05-23" || s.LastComplete() != 2014 || !s.Incomplete(2015) || s.Incomplete(2014) {
		t.Errorf("no publication dates: %s from %s, last complete %d", s.CutoffDate(), s.CutoffFrom, s.LastComplete())
	}
	s = mk("")
	s.setCutoff(LastPublication{LastFiling: day("2015-12-31")})
	if s.LastComplete() != 2015 {
		t.Errorf("no publication dates, latest filing on 31 December: last complete %d", s.LastComplete())
	}
	// Publication dates: the latest one (2024-06-30); last complete 2022, and the latest filing
	// (2023) does not lower it.
	s = mk("")
	s.setCutoff(LastPublication{Last: day("2024-06-30"), LastFiling: day("2023-12-01")})
	if s.CutoffFrom != CutoffPublication || s.CutoffDate() != "2024-06-30" || s.LastComplete() != 2022 {
		t.Errorf("publication: %s from %s, last complete %d", s.CutoffDate(), s.CutoffFrom, s.LastComplete())
	}
	// Filings stop in 2012 though publications run to 2024: 2013 on is never complete.
	s = mk("")
	s.setCutoff(LastPublication{Last: day("2024-06-30"), LastFiling: day("2012-03-01")})
	if s.LastComplete() != 2012 || !s.Incomplete(2013) {
		t.Errorf("filings end 2012: last complete %d", s.LastComplete())
	}
	// The config wins.
	s = mk("2020-12-31")
	s.setCutoff(LastPublication{Last: day("2024-06-30"), LastFiling: day("2023-12-01")})
	if s.CutoffFrom != CutoffConfig || s.CutoffDate() != "2020-12-31" || s.LastComplete() != 2018 {
		t.Errorf("config: %s from %s, last complete %d", s.CutoffDate(), s.CutoffFrom, s.LastComplete())
	}
	// No dates at all: no cut-off, every year incomplete.
	s = mk("")
	s.setCutoff(LastPublication{})
	if s.CutoffFrom != CutoffNone || s.CutoffDate() != "" || !s.Incomplete(1990) {
		t.Errorf("no dates: %q from %s", s.CutoffDate(), s.CutoffFrom)
	}
}
