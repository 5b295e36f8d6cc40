package analysis

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// TestEveryQueryPrepares prepares every embedded query against a prepared session over a tiny
// lake (the scope tables exist), so a renamed column or a typo fails here, not in a report.
func TestEveryQueryPrepares(t *testing.T) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{"../landscape/testdata/hand/lens.csv"}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../landscape/testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Exec(ctx, "region_families", "US", "", "", "", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Exec(ctx, "create_fam_quality"); err != nil {
		t.Fatal(err)
	}
	for _, name := range QueryNames() {
		q := Q(name)
		if statements(q) > 1 { // multi-statement scripts cannot be prepared; they ran in Open
			continue
		}
		st, err := s.DB.SQL().PrepareContext(ctx, q)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		st.Close()
	}
}

func TestKeywordMap(t *testing.T) {
	pattern, pairs := keywordMap(map[string][]string{"a": {"Drone"}, "b": {"drone swarm", "无人机"}})
	if pattern != `drone swarm|无人机|drone` {
		t.Errorf("pattern %q", pattern)
	}
	want := map[[2]string]bool{{"drone swarm", "b"}: true, {"drone swarm", "a"}: true, {"无人机", "b"}: true, {"drone", "a"}: true}
	if len(pairs) != len(want) {
		t.Errorf("pairs %v", pairs)
	}
	for _, p := range pairs {
		if !want[p] {
			t.Errorf("unexpected pair %v", p)
		}
	}
	for code, want := range map[string][2]string{"G05D1/10": {"group", "G05D1"}, "H04W84": {"main", "H04W84"}, "H04W": {"sub", "H04W"}, "H04": {"class", "H04"}, "H": {"section", "H"}} {
		if k, key := codeRule(code); k != want[0] || key != want[1] {
			t.Errorf("codeRule(%s) = %s %s", code, k, key)
		}
	}
}

// statements counts the SQL statements of a query, ignoring -- comments.
func statements(q string) int {
	n := 0
	for _, line := range strings.Split(q, "\n") {
		if i := strings.Index(line, "--"); i >= 0 {
			line = line[:i]
		}
		n += strings.Count(line, ";")
	}
	return n
}
