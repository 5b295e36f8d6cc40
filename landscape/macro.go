package landscape

import (
	"context"
	"fmt"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
)

// Version is written into every model's metadata.
var Version = "0.1"

// cagrWindow is how many complete years the headline CAGR spans.
const cagrWindow = 10

// macroBuilder carries what the sections share.
type macroBuilder struct {
	ctx   context.Context
	s     *analysis.Session
	cfg   *config.Config
	m     *Macro
	years []int // From..To
	// fams per year (the counting unit), filled by trend.
	total      map[int]float64
	branchName map[string]config.Text
	// regionFams is the number of families of the region in the window (region_count), set with
	// region_fam by technology, which runs before regional.
	regionFams int
}

// BuildMacro computes the macro industry navigation from a prepared analysis session.
func BuildMacro(ctx context.Context, s *analysis.Session) (*Macro, error) {
	b := &macroBuilder{ctx: ctx, s: s, cfg: s.Cfg, m: &Macro{}, total: map[int]float64{}, branchName: map[string]config.Text{}}
	for y := s.From; y <= s.To; y++ {
		b.years = append(b.years, y)
	}
	for _, br := range s.Cfg.Flatten() {
		b.branchName[br.ID] = br.Name
	}
	b.meta()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"scope", b.scope}, {"trend", b.trend}, {"life_cycle", b.lifeCycle}, {"geography", b.geography},
		{"applicants", b.applicants}, {"technology", b.technology}, {"inventors", b.inventors},
		{"legal", b.legal}, {"quality", b.quality}, {"regional", b.regional}, {"standards", b.standards},
	}
	for _, st := range steps {
		start := time.Now()
		if err := st.fn(); err != nil {
			return nil, fmt.Errorf("%s: %w", st.name, err)
		}
		b.m.Timings = append(b.m.Timings, Timing{Analysis: st.name, Seconds: round(time.Since(start).Seconds(), 3)})
	}
	b.recommend()
	b.limitations()
	return b.m, nil
}

func (b *macroBuilder) unavailable(u Unavailable) {
	b.m.Unavailable = append(b.m.Unavailable, u)
}

// basis states what a section's figures rest on: the unit, how many, the window, the query and
// how they were computed (typed method notes, worded by reports).
func (b *macroBuilder) basis(unit string, n int, query string, method ...Note) Basis {
	return Basis{Unit: unit, N: n, From: b.s.From, To: b.s.To, Method: method, Query: query}
}

func (b *macroBuilder) meta() {
	var inc []int
	for _, y := range b.years {
		if b.s.Incomplete(y) {
			inc = append(inc, y)
		}
	}
	b.m.Meta = Meta{
		Industry: b.cfg.Industry.Name, Region: b.cfg.Region, Cutoff: b.s.CutoffDate(),
		Generated: b.s.Clock().UTC().Format(time.RFC3339), Unit: b.cfg.Analysis.Unit, From: b.s.From, To: b.s.To,
		Incomplete: inc, Languages: b.cfg.Analysis.Languages, PatnavVersion: Version,
	}
}
