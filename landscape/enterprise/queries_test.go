package enterprise

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/effect"
	"github.com/patnav/patnav/landscape/warning"
)

// TestEveryQuery prepares every query of analysis/sql (every folder: scope, clustering, macro,
// enterprise, warning, effect, value, …) on a small generated lake (a Lens and a CNIPA-style export of the
// demo industry) after the macro, enterprise, warning and effect models were built on it, so that
// every table a query reads
// exists; each query that returns rows must have a row type whose db tags are exactly its columns,
// with types the scanner converts. A renamed column, a typo or a type change fails here, naming the
// query and the column, instead of in a report.
func TestEveryQuery(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, gen func(*bufio.Writer) (synth.Stats, error)) {
		f, err := os.Create(filepath.Join(in, name))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		if _, err := gen(w); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	opts := synth.Options{Families: 400, Seed: 11}
	write("lens.csv", func(w *bufio.Writer) (synth.Stats, error) { return synth.WriteLens(w, opts, synth.LensCurrent) })
	write("cnipa.csv", func(w *bufio.Writer) (synth.Stats, error) { return synth.WriteCNIPA(w, opts, "utf-8") })
	lk := filepath.Join(dir, "lake")
	if _, err := ingest.Run(ctx, []string{in}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../../data/navigation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := landscape.BuildMacro(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if m.Scope.Families < 100 {
		t.Fatalf("only %d families in scope: the generated lake does not exercise the queries", m.Scope.Families)
	}
	if _, err := Build(ctx, s, m, ""); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := warning.Build(ctx, s, m, now); err != nil {
		t.Fatal(err)
	}
	if _, err := effect.Build(ctx, s, now); err != nil {
		t.Fatal(err)
	}
	if err := s.MakeStepTables(ctx); err != nil {
		t.Fatal(err)
	}
	for _, err := range analysis.CheckQueries(ctx, s) {
		t.Error(err)
	}
	// ent_q_stats writes quantile_cont out (see its comment): it must give DuckDB's value exactly.
	for _, p := range []float64{0, 0.1, 0.37, 0.5, 0.9, 0.999, 1} {
		st, err := analysis.EntQStats.One(ctx, s, p)
		if err != nil {
			t.Fatal(err)
		}
		var want float64
		if err := s.DB.SQL().QueryRowContext(ctx, fmt.Sprintf("SELECT quantile_cont(score, %g) FROM ent_q", p)).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if st.Threshold == nil || *st.Threshold != want || st.Scored == 0 {
			t.Errorf("p=%g: ent_q_stats %+v (threshold %v), quantile_cont %v", p, st, deref(st.Threshold), want)
		}
	}
	typed := 0
	for _, name := range analysis.QueryNames() {
		if analysis.RowType(name) != nil {
			typed++
		}
	}
	// 41 macro, 29 enterprise, 8 warning, 4 scope and clustering queries return rows, besides those
	// of the later models; a query without a row type fails CheckQueries above.
	if typed < 82 {
		t.Errorf("%d queries with a row type, want at least 82", typed)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
