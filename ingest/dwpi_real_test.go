package ingest

import (
	"sort"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/derwent"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/ingest/lens"
	"github.com/patnav/patnav/internal/realdata"
)

// TestDWPINumbersMeetLens reads the real Derwent drone sample and the real Lens drone export of
// 2017 (DOCDB application numbers of the time, "US 80049904 A") and compares, for every
// publication both hold, the application number and the priority numbers the Derwent reader
// makes of DWPI's year-less forms (norm.DWPIApp) with Lens's. Before DWPIApp none of them met
// (DWPI writes "US800499", Lens "US80049904A"). The counts are the golden, read off the run and
// each mismatch read by hand: of 79 shared publications 70 application numbers are Lens's; of
// the 9 others 3 have no AD line for that member, 5 are US or EP applications DWPI dates in
// another year than DOCDB (a national-phase entry or a divisional dated by its parent: the
// year goes into the number), and 1 is a PCT application of 2004 Lens writes with 7 serial
// digits (US20040040615W) where DOCDB and the EPO reader write 6 (US2004040615W). Of 127 DWPI
// priority numbers 96 are among Lens's; of the other 31, 30 are claims Lens does not list for
// that publication (continuations, the other members' priorities) and 1 is US 566,007, dated
// 2008 by DWPI and 2004 by DOCDB. Skipped when either export is absent.
func TestDWPINumbersMeetLens(t *testing.T) {
	dw := realdata.File(t, "derwent", "derwent_drone_drones_2501_2691.ciw")
	ln := realdata.File(t, "lens", "lens_drones_2017_raw.csv")
	drecs, _ := formattest.ReadAll(t, derwent.Open, dw, format.Options{})
	lrecs, _ := formattest.ReadAll(t, lens.Open, ln, format.Options{})
	type facts struct {
		app   string
		prios []string
	}
	lensBy := map[string]facts{}
	for _, r := range lrecs {
		lensBy[r.Patent.PubNumber] = facts{r.Patent.AppNumber, r.Patent.Priorities}
	}
	var shared, appSame, prioTotal, prioFound int
	var misses []string
	for _, r := range drecs {
		l, ok := lensBy[r.Patent.PubNumber]
		if !ok {
			continue
		}
		shared++
		if r.Patent.AppNumber == l.app {
			appSame++
		} else {
			misses = append(misses, "app "+r.Patent.PubNumber+": "+r.Patent.AppNumber+" ≠ "+l.app)
		}
		for _, p := range r.Patent.Priorities {
			prioTotal++
			found := false
			for _, q := range l.prios {
				found = found || p == q
			}
			if found {
				prioFound++
			} else {
				misses = append(misses, "prio "+r.Patent.PubNumber+": "+p+" ∉ "+strings.Join(l.prios, " "))
			}
		}
	}
	sort.Strings(misses)
	t.Logf("%d shared publications: %d application numbers equal; %d of %d priority numbers among Lens's", shared, appSame, prioFound, prioTotal)
	if shared != 79 || appSame != 70 || prioTotal != 127 || prioFound != 96 {
		t.Errorf("counts changed; misses:\n%s", strings.Join(misses, "\n"))
	}
}
